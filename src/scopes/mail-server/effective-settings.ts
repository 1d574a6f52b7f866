import type { Kysely } from 'kysely';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';
import { toMailServer, type MailServer } from './mail-server.js';
import { oauthGrantOf } from './oauth-grant.js';
import { currentSettings } from './settings-repository.js';

/** Which mail server a scope's mail uses, and why. */
export type EffectiveSettings =
  { source: 'own' | 'system'; reason: string; server: MailServer } | { source: 'none'; reason: string; server: null };

/** The same decision with the settings row, for the API's view of it. */
export type EffectiveSettingsRow =
  { source: 'own' | 'system'; reason: string; row: MailServerSettingsRow } | { source: 'none'; reason: string; row: null };

/**
 * Resolves a scope's effective mail server: its own settings if it has them, else the system's
 * when *apply to all tenants* is on, else none (its mail is then held, never dropped).
 *
 * @example (await resolveEffectiveSettings(db, 'acme')).source // 'system'
 */
export async function resolveEffectiveSettings(db: Kysely<Database>, scopeId: string): Promise<EffectiveSettings> {
  const effective = await effectiveSettingsRow(db, scopeId);
  if (effective.row === null) return { source: effective.source, reason: effective.reason, server: null };
  return { source: effective.source, reason: effective.reason, server: toMailServer(effective.row, await oauthGrantOf(db, effective.row)) };
}

/** `resolveEffectiveSettings` with the settings row itself (the API shows it). */
export async function effectiveSettingsRow(db: Kysely<Database>, scopeId: string): Promise<EffectiveSettingsRow> {
  const own = await currentSettings(db, scopeId);
  if (own) {
    const reason = scopeId === systemScopeId ? 'The system mail server.' : 'The tenant has its own mail server settings.';
    return { source: 'own', reason, row: own };
  }
  const system = await currentSettings(db, systemScopeId);
  if (system && system.apply_to_all_tenants === 1) {
    return {
      source: 'system',
      reason: 'The tenant has no settings of its own; the system mail server applies to all tenants.',
      row: system,
    };
  }
  return {
    source: 'none',
    reason: 'The tenant has no settings of its own and the system mail server does not apply to tenants (apply to all tenants is off).',
    row: null,
  };
}
