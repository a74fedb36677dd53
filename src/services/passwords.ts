import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

/** Shortest password accepted (NIST SP 800-63B asks for at least 8; passphrases are encouraged). */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password accepted (bounds the hashing work a request can ask for). */
export const PASSWORD_MAX_LENGTH = 256;

/** Argon2id with the parameters OWASP recommends: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A password's Argon2id hash in PHC string format (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Whether `password` matches `passwordHash`; false for a malformed hash too. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password of 24 URL-safe characters (144 bits), for first runs and resets. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Throw `weak_password` (400) unless `password` has an acceptable length. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new AppError('weak_password', 400, `passwords need at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    throw new AppError('weak_password', 400, `passwords have at most ${PASSWORD_MAX_LENGTH} characters`);
}
