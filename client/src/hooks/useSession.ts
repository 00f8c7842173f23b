import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { SessionBody, SessionInfo } from '../../../shared/session.ts';

const SESSION_KEY = ['session'] as const;

/** Whether the server asks for sign-in and who is signed in; sign in and out. */
export function useSession() {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: () => api<SessionInfo>('/session'), staleTime: 60_000 });
  // whatever was cached belonged to the person before: drop it, so nothing of theirs shows to the next one
  const restart = (next: SessionInfo): void => {
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, next);
  };
  const signIn = useMutation({
    mutationFn: (body: SessionBody) => api<SessionInfo>('/session', { method: 'POST', json: body }),
    onSuccess: restart,
  });
  const signOut = useMutation({
    mutationFn: () => api<undefined>('/session', { method: 'DELETE' }),
    onSuccess: () => restart({ authRequired: true, user: null }),
  });
  return { session, signIn, signOut };
}
