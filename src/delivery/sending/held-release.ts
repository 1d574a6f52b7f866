import type { Kysely } from 'kysely';
import { holdReason, resolveEffectiveSettingsOf, type SettingsSecrets } from '../../scopes/index.js';
import type { Database } from '../../store/schema.js';
import { scopesWithHeldMessages } from './outbox.js';

/** Scopes per settings query: bounds the statement's parameters. */
const scopesPerQuery = 500;

/**
 * The scopes with held messages whose hold no longer applies (a mail server set or enabled, its
 * password readable again). The worker asks every 5 s, and thousands of tenants may be held (no
 * mail server yet): their settings are read in one statement per 500 scopes, not two per scope.
 *
 * @example const scopes = await releasableScopes(db, secrets); // then releaseHeld(db, scopes, now)
 */
export async function releasableScopes(db: Kysely<Database>, secrets: Pick<SettingsSecrets, 'unreadable'>): Promise<string[]> {
  const held = await scopesWithHeldMessages(db);
  const settings = await resolveEffectiveSettingsOf(db, held, scopesPerQuery);
  return [...settings].filter(([, effective]) => holdReason(effective, secrets) === null).map(([scopeId]) => scopeId);
}
