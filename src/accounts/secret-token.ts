import { hash, randomBytes } from 'node:crypto';

/** A fresh random token with a recognisable prefix (`hrs_` sessions, `hrt_` API tokens). */
export const newSecretToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

/** What is stored in place of a token: its SHA-256 (the token itself has 256 random bits). */
export const tokenDigest = (token: string) => hash('sha256', token, 'hex');
