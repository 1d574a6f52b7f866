import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, MessageRow, MessageWithBody } from '../../store/schema.js';
import type { StoreDialect } from '../../store/dialect.js';
import { rawQuery, statementChunks, statementShape } from '../../store/raw-query.js';
import { newId } from '../../shared/ids.js';
import { dueScopes, mostScopesPerClaim, rescheduleScopes } from './due-scopes.js';

export interface ClaimRequest {
  limit: number;
  /** How many more messages each scope may take now (its in-flight cap minus what it has). */
  roomFor(scopeId: string): number;
}

/** What the worker hands over in one round trip: outcomes to write, then (optionally) a claim. */
export interface ExchangeRequest {
  nodeId: string;
  now: number;
  leaseMs: number;
  outcomes: readonly MessageOutcome[];
  claim?: ClaimRequest;
  /** Runs after the outcomes are written, in their transaction (the per-server backoff: server-backoff.ts). */
  afterOutcomes?: (trx: Transaction<Database>) => Promise<void>;
}

/**
 * Writes a batch of outcomes and claims the next batch of due messages in ONE transaction: one
 * commit (one fsync on SQLite) for both. Outcomes go first, so the slots they free can be
 * claimed at once. Every outcome update is conditional on this node still holding the lease, so
 * a worker that lost its lease can never overwrite the new owner's result, and only an update
 * that took effect gets its attempt row.
 *
 * @example const batch = await recordAndClaim(db, dialect, { nodeId, now, leaseMs: 300_000, outcomes: [], claim: { limit: 100, roomFor: () => 32 } });
 */
export async function recordAndClaim(db: Kysely<Database>, dialect: StoreDialect, request: ExchangeRequest): Promise<MessageWithBody[]> {
  if (request.outcomes.length === 0 && !request.claim) return [];
  return db.transaction().execute(async (trx) => {
    await writeOutcomes(trx, dialect, request.nodeId, request.now, request.outcomes);
    await request.afterOutcomes?.(trx);
    return request.claim ? claimDue(trx, dialect, request, request.claim) : [];
  });
}

// The hot path is hand-written SQL (src/store/raw-query.ts): building and compiling these with
// Kysely cost more than running them.

// One index range per scope (messages_due_at: scope_id, next_attempt_at where state is queued or
// deferred) walked in time order, each capped at the scope's take: a claim reads the rows it takes,
// whatever the backlog, in one statement however many scopes it serves.
const dueRangeSql = (dialect: StoreDialect) =>
  `select due_id from (select id as due_id from messages ${dialect.dueIndexHint} where state in ('queued', 'deferred') and scope_id = ? and next_attempt_at <= ?
    order by next_attempt_at limit ? ${dialect.claimLockClause}) as scope_due`;
const dueIdsSql = (dialect: StoreDialect, scopes: number) =>
  Array.from({ length: scopes }, () => dueRangeSql(dialect)).join('\n    union all ');
const leaseSet = "set state = 'sending', lease_owner = ?, lease_until = ?, updated_at = ?";

// The ids first (locked with SKIP LOCKED on PostgreSQL), then an update by key, on both dialects.
// - PostgreSQL: joining the ranges to `messages` in one UPDATE left the join to the planner. With a
//   single tenant's backlog it read every due row for each one taken: without statistics (a burst
//   before autovacuum's first ANALYZE) a nested loop over the whole due index per claimed row,
//   with them a hash join over a scan of the table. By key, the rows are ours: locked until commit.
// - SQLite: an UPDATE … FROM runs by materializing the join, a temporary table per scope's range
//   (0.6–2.1 ms for a claim of one message from each of 24 tenants, against about 0.43 ms for these
//   two statements). With one writer at a time, the ids read are still due when the update runs.
// No `state` test beside the key: without statistics, SQLite's planner then walks every due message
// by state instead of seeking the ids, and PostgreSQL's the due index.
const byKey = (dialect: StoreDialect) => (dialect.name === 'postgres' ? '= any(?)' : 'in (select value from json_each(?))');
// The ids as one parameter, so the text is the same whatever their number: an array on
// PostgreSQL, a JSON array on SQLite.
const keysParam = (dialect: StoreDialect, ids: string[]) => (dialect.name === 'postgres' ? ids : JSON.stringify(ids));
const claimByIdSql = (dialect: StoreDialect) => `update messages ${leaseSet} where id ${byKey(dialect)} returning *`;

async function leaseDue(trx: Transaction<Database>, dialect: StoreDialect, lease: unknown[], ranges: unknown[], scopes: number) {
  const due = await trx.executeQuery(rawQuery<{ due_id: string }>(dialect, dueIdsSql(dialect, scopes), ranges));
  if (due.rows.length === 0) return [];
  const ids = due.rows.map((row) => row.due_id);
  const { rows } = await trx.executeQuery(rawQuery<MessageRow>(dialect, claimByIdSql(dialect), [...lease, keysParam(dialect, ids)]));
  // In the order the ranges gave them: scope by scope, oldest first.
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// The claimed messages' content, read by key (message_bodies).
const bodiesSql = (dialect: StoreDialect) =>
  `select message_id, text_body, html_body from message_bodies where message_id ${byKey(dialect)}`;

async function withBodies(trx: Transaction<Database>, dialect: StoreDialect, rows: MessageRow[]): Promise<MessageWithBody[]> {
  if (rows.length === 0) return [];
  const { rows: bodies } = await trx.executeQuery(
    rawQuery<{ message_id: string; text_body: string; html_body: string | null }>(dialect, bodiesSql(dialect), [
      keysParam(
        dialect,
        rows.map((row) => row.id),
      ),
    ]),
  );
  const byId = new Map(bodies.map((body) => [body.message_id, body]));
  return rows.map((row) => {
    const body = byId.get(row.id);
    return { ...row, text_body: body?.text_body ?? '', html_body: body?.html_body ?? null };
  });
}

/**
 * Claims due messages under a lease, fairly across scopes: the scopes whose turn has come
 * (src/delivery/sending/due-scopes.ts) share the batch, so one tenant's backlog cannot starve
 * another's mail. On PostgreSQL the rows are locked with SKIP LOCKED, so concurrent claimers on any
 * number of nodes take disjoint sets.
 */
async function claimDue(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  request: ExchangeRequest,
  claim: ClaimRequest,
): Promise<MessageWithBody[]> {
  const { now } = request;
  const scopes = await dueScopes(trx, dialect, now);
  const open = scopes.map((id) => ({ id, room: claim.roomFor(id) })).filter((scope) => scope.room > 0);
  if (open.length === 0) return [];
  // Each scope served takes up to an equal share of the batch; the scopes not reached keep their
  // place for the next claim. A scope with fewer due messages than its share leaves the rest untaken.
  const share = Math.ceil(claim.limit / open.length);
  const served: string[] = [];
  const ranges: unknown[] = [];
  let planned = 0;
  for (const scope of open) {
    const take = Math.min(share, scope.room, claim.limit - planned);
    if (take <= 0) break;
    ranges.push(scope.id, now, take);
    served.push(scope.id);
    planned += take;
  }
  // Ranges that take nothing (limit 0) fill the statement to its shape.
  const shape = statementShape(dialect, served.length, mostScopesPerClaim);
  for (let range = served.length; range < shape; range += 1) ranges.push('', now, 0);
  const rows = await leaseDue(trx, dialect, [request.nodeId, now + request.leaseMs, now], ranges, shape);
  await rescheduleScopes(trx, dialect, served, now);
  return withBodies(trx, dialect, rows);
}

/** What became of one claimed message, to be written with its attempt row. */
export type MessageOutcome =
  | {
      kind: 'attempt';
      message: Pick<MessageRow, 'id' | 'attempts' | 'ambiguous_attempts'>;
      state: 'sent' | 'deferred' | 'failed';
      nextAttemptAt?: number;
      attempt: {
        startedAt: number;
        durationMs: number;
        outcome: 'sent' | 'retry' | 'failed' | 'ambiguous';
        stage: string;
        replyCode: number | null;
        reply: string | null;
        errorCode: string | null;
        settingsScope: string | null;
        settingsVersion: number | null;
      };
    }
  | { kind: 'held'; message: Pick<MessageRow, 'id'>; reason: string }
  /** Not attempted (the worker is stopping): back to the queue, no attempt recorded. */
  | { kind: 'released'; message: Pick<MessageRow, 'id'> }
  /** Not attempted (its server is down: server-backoff.ts): back to the queue until `until`, no attempt recorded. */
  | { kind: 'postponed'; message: Pick<MessageRow, 'id' | 'attempts'>; until: number };

type AttemptOutcome = Extract<MessageOutcome, { kind: 'attempt' }>;

// A chunk's rows as a statement's source: VALUES rows on SQLite (`column1`, `column2`, … as
// PostgreSQL names them too); on PostgreSQL one typed array per column (`unnest`), so the text
// holds one parameter per column whatever the rows. With VALUES, parsing and binding an outcome
// update of 64 rows (514 parameters) took about twice as long as the whole statement with arrays.
const rowSource = (dialect: StoreDialect, types: readonly string[], rows: number) =>
  dialect.name === 'postgres'
    ? `unnest(${types.map((type) => `cast(? as ${type}[])`).join(', ')}) as v(${types.map((_, i) => `column${i + 1}`).join(', ')})`
    : `(values ${Array.from({ length: rows }, () => `(${types.map((type) => `cast(? as ${type})`).join(', ')})`).join(', ')}) as v`;
// Their parameters in the order of rowSource: row by row, or column by column.
const rowParameters = (dialect: StoreDialect, rows: readonly unknown[][]) =>
  dialect.name === 'postgres' ? rows[0]!.map((_, column) => rows.map((row) => row[column])) : rows.flat();

// One statement updates a whole chunk of attempted messages; the casts give PostgreSQL the types
// of the columns. Ownership is the lease owner alone: it is set only with state 'sending' and
// cleared by every write that moves a message out of it. Testing `state = 'sending'` as well made
// SQLite walk the lease index (messages_sending now) over every sending message for each row
// instead of seeking it by id. PostgreSQL also gets the ids as one array: joined to the rows
// alone, its planner read the whole table for them without statistics (a burst before
// autovacuum's first ANALYZE).
const outcomeTypes = ['varchar(40)', 'varchar(16)', 'integer', 'integer', 'bigint', 'varchar(16)', 'integer', 'text'];
const outcomeSql = (dialect: StoreDialect, rows: number) => `update messages set
    state = v.column2, attempts = v.column3, ambiguous_attempts = v.column4, next_attempt_at = v.column5,
    held_reason = null, lease_owner = null, lease_until = null,
    last_stage = v.column6, last_reply_code = v.column7, last_reply = v.column8,
    updated_at = ?, sent_at = case when v.column2 = 'sent' then ? else messages.sent_at end
  from ${rowSource(dialect, outcomeTypes, rows)}
  where messages.id = v.column1 and messages.lease_owner = ?${dialect.name === 'postgres' ? ' and messages.id = any(?)' : ''}
  returning messages.id`;

const attemptColumns =
  '(id, message_id, number, started_at, duration_ms, outcome, stage, reply_code, reply, error_code, settings_scope, settings_version, node_id)';
const attemptTypes = [
  'varchar(40)',
  'varchar(40)',
  'integer',
  'bigint',
  'integer',
  'varchar(16)',
  'varchar(16)',
  'integer',
  'text',
  'varchar(64)',
  'varchar(64)',
  'integer',
  'varchar(80)',
];
const attemptsSql = (dialect: StoreDialect, rows: number) =>
  dialect.name === 'postgres'
    ? `insert into attempts ${attemptColumns} select * from ${rowSource(dialect, attemptTypes, rows)}`
    : `insert into attempts ${attemptColumns} values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

/** Writes outcomes: one update and one insert per chunk of attempts; held and released one by one (rare). */
async function writeOutcomes(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  nodeId: string,
  now: number,
  outcomes: readonly MessageOutcome[],
): Promise<void> {
  const attempted: AttemptOutcome[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'attempt') attempted.push(outcome);
    else await writeUnattempted(trx, dialect, nodeId, now, outcome);
  }
  for (const chunk of statementChunks(dialect, attempted)) {
    const outcomeRows = chunk.map(({ message, state, nextAttemptAt, attempt }) => [
      message.id,
      state,
      message.attempts + 1,
      message.ambiguous_attempts + (attempt.outcome === 'ambiguous' ? 1 : 0),
      nextAttemptAt ?? now,
      attempt.stage,
      attempt.replyCode,
      attempt.reply,
    ]);
    // In the order of the text: updated_at and sent_at, the rows, the lease owner (and the ids).
    const parameters = [now, now, ...rowParameters(dialect, outcomeRows), nodeId];
    if (dialect.name === 'postgres') parameters.push(chunk.map(({ message }) => message.id));
    const { rows } = await trx.executeQuery(rawQuery<{ id: string }>(dialect, outcomeSql(dialect, chunk.length), parameters));
    if (rows.length === 0) continue;
    const updated = new Set(rows.map((row) => row.id));
    const attempts: unknown[][] = [];
    for (const { message, attempt } of chunk) {
      if (!updated.has(message.id)) continue;
      attempts.push([
        newId('att'),
        message.id,
        message.attempts + 1,
        attempt.startedAt,
        attempt.durationMs,
        attempt.outcome,
        attempt.stage,
        attempt.replyCode,
        attempt.reply,
        attempt.errorCode,
        attempt.settingsScope,
        attempt.settingsVersion,
        nodeId,
      ]);
    }
    // Fewer rows than the chunk when a lease was lost: split again, so the texts stay the chunk sizes.
    for (const some of statementChunks(dialect, attempts))
      await trx.executeQuery(rawQuery(dialect, attemptsSql(dialect, some.length), rowParameters(dialect, some)));
  }
}

/** Held (its scope cannot send now), released (the worker is stopping) or postponed (its server is down); no attempt row. */
async function writeUnattempted(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  nodeId: string,
  now: number,
  outcome: Exclude<MessageOutcome, AttemptOutcome>,
): Promise<void> {
  if (outcome.kind === 'postponed') {
    const state = outcome.message.attempts > 0 ? 'deferred' : 'queued';
    await trx.executeQuery(
      rawQuery(
        dialect,
        `update messages set state = ?, next_attempt_at = ?, lease_owner = null, lease_until = null, updated_at = ? where id = ? and lease_owner = ?`,
        [state, outcome.until, now, outcome.message.id, nodeId],
      ),
    );
    return;
  }
  const [state, reason] = outcome.kind === 'held' ? ['held', outcome.reason] : ['queued', null];
  await trx.executeQuery(
    rawQuery(
      dialect,
      `update messages set state = ?, held_reason = ?, lease_owner = null, lease_until = null, updated_at = ?
        where id = ? and lease_owner = ?`,
      [state, reason, now, outcome.message.id, nodeId],
    ),
  );
}

/**
 * Returns messages whose lease expired (their worker died) to the queue, recording the lost
 * attempt: the message may or may not have reached the server, so it counts as ambiguous.
 * Given `goneOwners` (workers known to have stopped: src/delivery/sending/orphaned-leases.ts), returns
 * theirs at once instead, expired or not.
 */
export async function recoverExpiredLeases(
  db: Kysely<Database>,
  nodeId: string,
  now: number,
  goneOwners?: readonly string[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('messages')
      .select(['id', 'attempts', 'lease_owner', 'lease_until'])
      .where('state', '=', 'sending')
      .where((eb) => (goneOwners ? eb('lease_owner', 'in', goneOwners) : eb('lease_until', '<', now)))
      .limit(1000)
      .execute();
    const why = goneOwners ? 'taken back at once: the worker stopped while sending' : 'expired: the worker stopped while sending';
    for (const row of expired) {
      await trx
        .updateTable('messages')
        .set({
          state: 'deferred',
          attempts: row.attempts + 1,
          next_attempt_at: now,
          lease_owner: null,
          lease_until: null,
          updated_at: now,
          last_stage: 'unknown',
          last_reply: `lease ${why}`,
        })
        .where('id', '=', row.id)
        .where('state', '=', 'sending')
        .execute();
      await trx
        .insertInto('attempts')
        .values({
          id: newId('att'),
          message_id: row.id,
          number: row.attempts + 1,
          started_at: Math.min(row.lease_until ?? now, now),
          duration_ms: 0,
          outcome: 'lease_expired',
          stage: 'unknown',
          reply_code: null,
          reply: `lease held by ${row.lease_owner ?? 'unknown'} ${why}`,
          error_code: null,
          settings_scope: null,
          settings_version: null,
          node_id: nodeId,
        })
        .execute();
    }
    return expired.length;
  });
}

/** Gives back the leases this node holds without sending (graceful stop). */
export async function releaseLeases(db: Kysely<Database>, nodeId: string, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('messages')
    .set({ state: 'queued', lease_owner: null, lease_until: null, updated_at: now })
    .where('id', 'in', ids)
    .where('lease_owner', '=', nodeId)
    .where('state', '=', 'sending')
    .execute();
}

/** Scopes that have held messages; the worker re-checks them and releases what can go now. */
export async function scopesWithHeldMessages(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('messages').select('scope_id').where('state', '=', 'held').groupBy('scope_id').execute();
  return rows.map((row) => row.scope_id);
}

/** Scopes per release statement: bounds the statement's parameters and how long it holds the writer. */
const releaseChunk = 500;

/**
 * Puts the held messages of these scopes back in the queue: one statement and one commit per 500
 * scopes, not per scope (a system mail server enabled again releases every tenant that inherits it).
 * Each keeps its place in line, due at its own time (now at the latest): across the tenants released
 * together the mail held longest goes first, as it would have without the hold, and the claims take
 * messages that came in together (not every one due at the same instant, in no particular order).
 */
export async function releaseHeld(db: Kysely<Database>, scopeIds: readonly string[], now: number): Promise<number> {
  let released = 0;
  for (let at = 0; at < scopeIds.length; at += releaseChunk) {
    const result = await db
      .updateTable('messages')
      .set({
        state: 'queued',
        held_reason: null,
        next_attempt_at: sql<number>`case when next_attempt_at > ${now} then ${now} else next_attempt_at end`,
        updated_at: now,
      })
      .where('state', '=', 'held')
      .where('scope_id', 'in', scopeIds.slice(at, at + releaseChunk))
      .executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  return released;
}
