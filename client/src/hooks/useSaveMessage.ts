import { useState } from 'react';
import { describeError } from '../api/problems.ts';

export interface SaveMessage {
  kind: 'status' | 'error';
  text: string;
}

/** The line a form shows after a write: what was done, or the server's reason it was not; `attempt` runs a write and says which. */
export function useSaveMessage() {
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const attempt = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await work();
      setMessage({ kind: 'status', text: done });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: `Not saved: ${describeError(error)}` });
      return false;
    }
  };
  return { message, setMessage, attempt };
}
