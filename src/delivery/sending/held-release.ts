import type { Kysely } from 'kysely';
import { holdReason, resolveEffectiveSettingsOf, type SettingsSecrets } from '../../scopes/index.js';
import type { Database } from '../../store/schema.js';
import { scopesWithHeldMessages } from './outbox.js';

/** Scopes per settings read: bounds the statement's parameters. */
const scopesPerRead = 500;

/**
 * The scopes with held messages whose hold no longer applies (a mail server set or enabled, its
 * password readable again). The worker asks every 5 s, and thousands of tenants may be held (no
 * mail server yet): their settings are read in one statement per 500 scopes, not two per scope.
 *
 * @example const scopes = await releasableScopes(db, secrets); // then releaseHeld(db, scopes, now)
 */
export async function releasableScopes(db: Kysely<Database>, secrets: Pick<SettingsSecrets, 'unreadable'>): Promise<string[]> {
  const held = await scopesWithHeldMessages(db);
  const releasable: string[] = [];
  for (let at = 0; at < held.length; at += scopesPerRead) {
    const settings = await resolveEffectiveSettingsOf(db, held.slice(at, at + scopesPerRead));
    for (const [scopeId, effective] of settings) if (holdReason(effective, secrets) === null) releasable.push(scopeId);
  }
  return releasable;
}
