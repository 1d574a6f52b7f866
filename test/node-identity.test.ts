import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { claimNodeIdentity, releaseNodeIdentity } from '../src/cluster/node-identity.js';
import { reclaimOrphanedLeases } from '../src/delivery/sending/orphaned-leases.js';
import { silentLogger } from '../src/shared/logger.js';
import { startHarness, smtpSettings } from './support/herald-harness.js';
import { testDialect } from './support/test-database.js';

// Real: Herald's store on the suite's database (SQLite file or PostgreSQL), rows in `nodes` for
// processes that run (this one, its parent) or no longer do (a child that exited).

const here = { hostname: hostname(), pid: process.pid };
const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  role: 'all' as const,
  hostname: here.hostname,
  pid: deadPid,
  version: '0',
  started_at: Date.now(),
  heartbeat_at: Date.now(),
  stopped_at: null,
  in_flight: 0,
  sent: 0,
  failed: 0,
  ...extra,
});

test('a node takes its identity back from a gone process, never from a live one', async () => {
  await using h = await startHarness({}, { herald: { deliver: false, background: false } });
  const db = h.herald.store.db;
  const claim = (identity: string) => claimNodeIdentity(db, { identity, role: 'all', version: '0', now: Date.now(), ...here });
  await db
    .insertInto('nodes')
    .values([
      node('dead-here'),
      node('live-here', { pid: process.ppid }),
      node('stopped-here', { pid: process.ppid, stopped_at: Date.now() }),
      node('elsewhere-fresh', { hostname: 'elsewhere' }),
      node('elsewhere-silent', { hostname: 'elsewhere', heartbeat_at: Date.now() - 60_000 }),
    ])
    .execute();

  assert.equal(await claim('dead-here'), 'dead-here', 'its process is gone');
  assert.equal(await claim('live-here'), 'live-here#2', 'its process runs');
  assert.equal(await claim('stopped-here'), 'stopped-here', 'it stopped');
  assert.equal(await claim('elsewhere-fresh'), 'elsewhere-fresh#2', 'another host heartbeating');
  assert.equal(await claim('elsewhere-silent'), 'elsewhere-silent', 'another host silent for a minute');
  assert.equal(await claim('new'), 'new');
  assert.equal(await claim('new'), 'new#2', 'held by this very process');
  releaseNodeIdentity('new');
  assert.equal(await claim('new'), 'new', 'released: an earlier incarnation with our pid, as in a restarted container');
  // Starts at once in one process (as the tests run several Herald instances): every interleaving
  // of their reads and writes must end in distinct identities, so race them many times.
  const raced: string[] = [];
  for (let round = 0; round < 200; round += 1) {
    const identities = await Promise.all(Array.from({ length: 6 }, () => claim(`raced-${round}`)));
    assert.equal(new Set(identities).size, 6, `six starts at once get six identities: ${identities.join(', ')}`);
    raced.push(...identities);
  }
  for (const id of ['dead-here', 'live-here#2', 'stopped-here', 'elsewhere-fresh#2', 'elsewhere-silent', 'new', 'new#2', ...raced])
    releaseNodeIdentity(id);
});

test(`at a delivering node's start, the leases of workers known to be gone come back at once (${testDialect})`, async () => {
  await using h = await startHarness({}, { herald: { deliver: false, background: false } });
  const db = h.herald.store.db;
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings({ host: '127.0.0.1', port: 1 }));
  const owners = ['me', 'dead-here', 'live-here', 'elsewhere-fresh', 'elsewhere-silent', 'unregistered'];
  const posted = await h.api('POST', '/api/v1/events/batch', {
    events: owners.map((owner) => ({ type: 'record.added', recipients: [`${owner}@example.test`] })),
  });
  assert.equal(posted.status, 202, posted.raw);
  await db
    .insertInto('nodes')
    .values([
      node('me', { pid: process.pid }),
      node('dead-here'),
      node('live-here', { pid: process.ppid }),
      node('elsewhere-fresh', { hostname: 'elsewhere' }),
      node('elsewhere-silent', { hostname: 'elsewhere', heartbeat_at: Date.now() - 60_000 }),
    ])
    .execute();
  for (const owner of owners) {
    await db
      .updateTable('messages')
      .set({ state: 'sending', lease_owner: owner, lease_until: Date.now() + 300_000 })
      .where('recipient', '=', `${owner}@example.test`)
      .execute();
  }

  const now = Date.now();
  const reclaimed = await reclaimOrphanedLeases({ db, dialect: h.herald.store.dialect, nodeId: 'me', here, now, log: silentLogger });
  const rows = await db.selectFrom('messages').select(['recipient', 'state', 'lease_owner', 'next_attempt_at']).execute();
  const back = rows
    .filter((row) => row.state === 'deferred')
    .map((row) => row.recipient.split('@')[0])
    .sort();
  // SQLite: one host uses the file, so any owner not running here and not heartbeating is gone.
  // PostgreSQL: only this host's can be known gone; another host's wait for their lease.
  const expected = testDialect === 'sqlite' ? ['dead-here', 'elsewhere-silent', 'me', 'unregistered'] : ['dead-here', 'me'];
  assert.deepEqual(back, expected);
  assert.equal(reclaimed, expected.length);
  assert.ok(
    rows.filter((row) => row.state === 'deferred').every((row) => row.next_attempt_at === now && row.lease_owner === null),
    'due at once',
  );
  const attempt = await db
    .selectFrom('attempts')
    .select(['outcome', 'reply', 'started_at'])
    .where('reply', 'like', '%dead-here%')
    .executeTakeFirstOrThrow();
  assert.deepEqual(attempt, {
    outcome: 'lease_expired',
    reply: 'lease held by dead-here taken back at once: the worker stopped while sending',
    started_at: now,
  });
});
