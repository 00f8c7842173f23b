import { useState } from 'react';

/**
 * Whether the address named something this review lacks when the address was opened. Judged once per address, so a
 * delete made on the screen itself (with its Undo bar showing) does not turn the screen into "not found".
 * `missingNow` is undefined while the data is loading.
 */
export function useMissingOnArrival(address: string, missingNow: boolean | undefined): boolean {
  const [verdict, setVerdict] = useState<{ address: string; missing: boolean } | null>(null);
  if (missingNow !== undefined && verdict?.address !== address) {
    // derived from the previous render's state, as React's docs describe: re-renders at once, no effect needed
    setVerdict({ address, missing: missingNow });
  }
  return verdict?.address === address ? verdict.missing : (missingNow ?? false);
}
