// Sign-in (when the server listens beyond loopback): what POST /api/session takes and what GET /api/session says.
import { z } from 'zod';

export const sessionBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(1024),
});
export type SessionBody = z.infer<typeof sessionBodySchema>;

export const sessionSchema = z.object({
  authRequired: z.boolean(),
  user: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
