import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz';

/** Random, prefixed ids (`unt_…`, `acc_…`): never sequential, so they reveal no counts. */
export function generateId(prefix: string, length = 20): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

export type IdGenerator = (prefix: string) => string;
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
