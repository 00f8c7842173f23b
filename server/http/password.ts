// Password hashing with scrypt (node:crypto). The stored form names its parameters and salt,
// "scrypt$N$r$p$salt$hash" (base64url), so they can be raised later without breaking existing accounts.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Off the event loop (scrypt runs in libuv's pool), so a sign-in does not stall other requests. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length,
    { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * Number(n) * Number(r) });
  return timingSafeEqual(actual, expected);
}

/** Compared against when a name has no account, so a sign-in takes as long whether or not the name exists. */
let dummy: string | undefined;
export const dummyHash = (): string => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** A one-time password for `workbench users add`: 18 random bytes, 24 URL-safe characters. */
export const newPassword = (): string => randomBytes(18).toString('base64url');
