import { sql, type Kysely } from 'kysely';
import {
  getTenant,
  holdReason,
  listTenants,
  passwordScopes,
  resolveEffectiveSettings,
  systemScopeId,
  type PasswordScope,
  type SettingsSecrets,
} from '../../scopes/index.js';
import type { Database } from '../../store/schema.js';
import { lastOutcomes } from './last-outcomes.js';

const hourMs = 3_600_000;

/** Whether a scope's mail works, judged from its settings and its most recent attempts. */
export type MailStatus = 'working' | 'failing' | 'held' | 'untested';

/** One scope's delivery health, as the console's Overview shows it. */
export interface ScopeHealth {
  scope: string;
  name: string;
  source: 'own' | 'system' | 'none';
  provider: string | null;
  status: MailStatus;
  /** Why the status is what it is, in a sentence. */
  statusReason: string;
  lastSuccessAt: string | null;
  lastFailure: { at: string; stage: string; replyCode: number | null; reply: string | null } | null;
  /** Messages waiting to be sent: queued, sending or deferred. */
  queueDepth: number;
  held: { count: number; reasons: Array<{ reason: string; count: number }> };
  /** Set while an operator has paused the scope's sending (`herald queue pause`): its mail stays queued. */
  paused: { at: string; by: string; reason: string | null } | null;
  /** Sent and failed messages per hour over the last 24 hours, oldest first (24 entries). */
  last24h: Array<{ hour: string; sent: number; failed: number }>;
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** The overview of a page: each scope's health, and (first page only) every scope still signing in with a retiring password. */
export interface OverviewPage {
  scopes: ScopeHealth[];
  nextCursor: string | null;
  /** Scopes whose own mail server uses a password at Microsoft 365 or Gmail: all of them, not a page. */
  passwordAuthRetiring: PasswordScope[];
}

/**
 * The health of the system scope and a page of tenants (by id): status, last success and
 * failure, queue depth, held mail and why, and hourly sent/failed counts for the last 24 hours;
 * with it, the scopes still on password authentication at a provider retiring it.
 *
 * @example const { scopes } = await overview(db, secrets, { limit: 50, now: Date.now() });
 */
export async function overview(
  db: Kysely<Database>,
  secrets: Pick<SettingsSecrets, 'unreadable'>,
  page: { after?: string; limit: number; now: number; onlyTenant?: string },
): Promise<OverviewPage> {
  // A tenant's caller sees its own scope and nothing else.
  if (page.onlyTenant !== undefined) {
    const tenant = await getTenant(db, page.onlyTenant);
    if (page.after) return { scopes: [], nextCursor: null, passwordAuthRetiring: [] };
    const [health, retiring] = await Promise.all([
      scopeHealth(db, secrets, tenant, page.now),
      passwordScopes(db, { onlyScope: tenant.id }),
    ]);
    return { scopes: [health], nextCursor: null, passwordAuthRetiring: retiring };
  }
  const tenants = await listTenants(db, { after: page.after, limit: page.limit + 1 });
  const tenantPage = tenants.slice(0, page.limit);
  const scopes = [...(page.after ? [] : [{ id: systemScopeId, name: 'System' }]), ...tenantPage];
  const [health, retiring] = await Promise.all([
    Promise.all(scopes.map((scope) => scopeHealth(db, secrets, scope, page.now))),
    page.after ? [] : passwordScopes(db, {}),
  ]);
  return {
    scopes: health,
    nextCursor: tenants.length > page.limit ? tenantPage[tenantPage.length - 1]!.id : null,
    passwordAuthRetiring: retiring,
  };
}

async function scopeHealth(
  db: Kysely<Database>,
  secrets: Pick<SettingsSecrets, 'unreadable'>,
  scope: { id: string; name: string },
  now: number,
): Promise<ScopeHealth> {
  const since = Math.floor(now / hourMs) * hourMs - 23 * hourMs;
  const [effective, states, heldReasons, { lastSuccessAt, lastFailure }, hourly, paused] = await Promise.all([
    resolveEffectiveSettings(db, scope.id),
    db
      .selectFrom('messages')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('scope_id', '=', scope.id)
      .where('state', 'in', ['queued', 'sending', 'deferred', 'held'])
      .groupBy('state')
      .execute(),
    db
      .selectFrom('messages')
      .select(['held_reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('scope_id', '=', scope.id)
      .where('state', '=', 'held')
      .groupBy('held_reason')
      .execute(),
    lastOutcomes(db, scope.id),
    db
      .selectFrom('messages')
      .select([
        'state',
        sql<number>`sent_at / ${hourMs}`.as('sent_hour'),
        sql<number>`updated_at / ${hourMs}`.as('failed_hour'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('scope_id', '=', scope.id)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'sent'), eb('sent_at', '>=', since)]),
          eb.and([eb('state', '=', 'failed'), eb('updated_at', '>=', since)]),
        ]),
      )
      .groupBy(['state', 'sent_hour', 'failed_hour'])
      .execute(),
    db.selectFrom('paused_scopes').select(['paused_at', 'paused_by', 'reason']).where('scope_id', '=', scope.id).executeTakeFirst(),
  ]);

  const count = (state: string) => Number(states.find((row) => row.state === state)?.n ?? 0);
  const hours = Array.from({ length: 24 }, (_, i) => ({ hour: iso(since + i * hourMs)!, sent: 0, failed: 0 }));
  for (const row of hourly) {
    // floor: SQLite binds the divisor as a real, so the quotient may carry a fraction
    const bucket = hours[Math.floor(Number(row.state === 'sent' ? row.sent_hour : row.failed_hour)) - since / hourMs];
    if (bucket) bucket[row.state === 'sent' ? 'sent' : 'failed'] += Number(row.n);
  }
  const failure = lastFailure
    ? { at: iso(lastFailure.startedAt)!, stage: lastFailure.stage, replyCode: lastFailure.replyCode, reply: lastFailure.reply }
    : null;
  const hold = holdReason(effective, secrets);
  const failedAt = lastFailure ? lastFailure.startedAt : null;
  const [status, statusReason] = judge(hold, lastSuccessAt, failedAt, failure?.reply ?? null);

  return {
    scope: scope.id,
    name: scope.name,
    source: effective.source,
    provider: effective.server?.provider ?? null,
    status,
    statusReason,
    lastSuccessAt: iso(lastSuccessAt),
    lastFailure: failure,
    queueDepth: count('queued') + count('sending') + count('deferred'),
    held: { count: count('held'), reasons: heldReasons.map((row) => ({ reason: row.held_reason ?? 'unknown', count: Number(row.n) })) },
    paused: paused ? { at: iso(paused.paused_at)!, by: paused.paused_by, reason: paused.reason } : null,
    last24h: hours,
  };
}

function judge(
  hold: string | null,
  lastSuccessAt: number | null,
  lastFailureAt: number | null,
  lastReply: string | null,
): [MailStatus, string] {
  if (hold) return ['held', `Mail is held: ${hold}.`];
  if (lastFailureAt !== null && (lastSuccessAt === null || lastFailureAt > lastSuccessAt)) {
    return ['failing', `The last attempt failed${lastReply ? `: ${lastReply}` : ''}.`];
  }
  if (lastSuccessAt !== null) return ['working', 'The last attempt was delivered.'];
  return ['untested', 'No mail has been sent from this scope yet.'];
}
