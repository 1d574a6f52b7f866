import { hash, verify } from '@node-rs/argon2';
import { fieldError } from '../shared/app-error.js';

// Argon2id (algorithm 2) with OWASP's first recommended profile: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordRules = { minLength: 12, maxLength: 256 } as const;

/** Hashes a password with argon2id after checking its length (the only rule NIST asks for). */
export async function hashPassword(password: string, field = '/password'): Promise<string> {
  if (password.length < passwordRules.minLength)
    throw fieldError(field, 'minLength', `must be at least ${passwordRules.minLength} characters`);
  if (password.length > passwordRules.maxLength)
    throw fieldError(field, 'maxLength', `must be at most ${passwordRules.maxLength} characters`);
  return hash(password, options);
}

// Verifying against this when the account does not exist keeps both answers equally slow.
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; with no stored hash, spends the same time and says no. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > passwordRules.maxLength) return false;
  if (stored === null) {
    decoy ??= hash('decoy password for absent accounts', options);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
