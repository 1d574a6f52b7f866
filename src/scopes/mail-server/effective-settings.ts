import type { Kysely } from 'kysely';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';
import { toMailServer, type MailServer } from './mail-server.js';
import { oauthGrantOf } from './oauth-grant.js';
import { currentSettings, currentSettingsOf } from './settings-repository.js';

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

/**
 * `resolveEffectiveSettings` for many scopes at once (a claimed batch's, an ingest commit's): one
 * query per `perQuery` scopes for their current settings rows (and the system's), and each row
 * made a MailServer once (the system's, inherited by any number of tenants, once for all of them).
 *
 * @example (await resolveEffectiveSettingsOf(db, ['acme', 'globex'])).get('acme')?.source // 'system'
 */
export async function resolveEffectiveSettingsOf(
  db: Kysely<Database>,
  scopeIds: readonly string[],
  perQuery = 64,
): Promise<Map<string, EffectiveSettings>> {
  const wanted = [...new Set(scopeIds)];
  const rows = new Map((await currentSettingsOf(db, [...wanted, systemScopeId], perQuery)).map((row) => [row.scope_id, row]));
  const servers = new Map<MailServerSettingsRow, Promise<MailServer>>();
  const serverOf = (row: MailServerSettingsRow) => {
    let server = servers.get(row);
    if (!server) servers.set(row, (server = oauthGrantOf(db, row).then((grant) => toMailServer(row, grant))));
    return server;
  };
  const resolved = await Promise.all(
    wanted.map(async (scopeId): Promise<[string, EffectiveSettings]> => {
      const effective = chooseSettings(scopeId, rows.get(scopeId), rows.get(systemScopeId));
      if (effective.row === null) return [scopeId, { source: effective.source, reason: effective.reason, server: null }];
      return [scopeId, { source: effective.source, reason: effective.reason, server: await serverOf(effective.row) }];
    }),
  );
  return new Map(resolved);
}

/** `resolveEffectiveSettings` with the settings row itself (the API shows it). */
export async function effectiveSettingsRow(db: Kysely<Database>, scopeId: string): Promise<EffectiveSettingsRow> {
  const own = await currentSettings(db, scopeId);
  return chooseSettings(scopeId, own, own ? undefined : await currentSettings(db, systemScopeId));
}

/** The decision itself, from the scope's own current row and the system's (read only when the scope has none). */
function chooseSettings(
  scopeId: string,
  own: MailServerSettingsRow | undefined,
  system: MailServerSettingsRow | undefined,
): EffectiveSettingsRow {
  if (own) {
    const reason = scopeId === systemScopeId ? 'The system mail server.' : 'The tenant has its own mail server settings.';
    return { source: 'own', reason, row: own };
  }
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
