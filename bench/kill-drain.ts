// kill -9 in the middle of a large drain (issue 14): `npm run bench:kill`.
//
// Starts the SMTP sink (bench/smtp-sink.ts) and `herald start` on a temporary SQLite data
// directory, queues BENCH_KILL_N (100,000) one-recipient events with the mail server disabled,
// enables it, kills Herald with SIGKILL once BENCH_KILL_AT (40%) of them reached the sink, starts
// it again on the same data and waits until every message is sent. Prints what was in flight at the
// kill, what the sink received (every Message-ID must arrive; a message in flight at the kill may
// arrive twice: its lease is taken back at the restart, recorded as a lease_expired attempt, and it is
// sent again) and the states in the database.
// Exits non-zero when a message is lost or not sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { eventBody, fromAddress, fromName } from './bench-mail.js';
import { wholeFromEnv } from './env.js';
import { benchHeraldEnv, startHerald, type HeraldProcess } from './herald-process.js';
import { createApiClient, type ApiClient } from './http-client.js';
import { startSink, type SinkProcess } from './sink-process.js';
import { request } from './drain.js';
import { closedLoop, formatNumber, nowMs, table, until } from './stats.js';

const n = wholeFromEnv(process.env, 'BENCH_KILL_N', 100_000, 1);
const killAt = Math.min(0.95, Math.max(0.01, Number(process.env.BENCH_KILL_AT ?? '0.4')));

const progress = (text: string) => process.stderr.write(`[kill] ${text}\n`);

function states(db: SqliteDatabase.Database): Record<string, number> {
  const rows = db.prepare('select state, count(*) as count from messages group by state').all() as Array<{ state: string; count: number }>;
  return Object.fromEntries(rows.map((row) => [row.state, row.count]));
}
const unsettled = (now: Record<string, number>) => (now.queued ?? 0) + (now.sending ?? 0) + (now.deferred ?? 0);

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-kill-'));
  const token = `bench_${randomBytes(24).toString('base64url')}`;
  let sink: SinkProcess | undefined;
  let herald: HeraldProcess | undefined;
  let api: ApiClient | undefined;
  let db: SqliteDatabase.Database | undefined;
  const start = async () => {
    const started = await startHerald({ env: benchHeraldEnv(dataDir, token) });
    api?.close();
    api = createApiClient(started.url, token, 4);
    return started;
  };
  const setDelivery = (enabled: boolean) =>
    request(
      api!,
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: '127.0.0.1', port: sink!.port, security: 'none', fromAddress, fromName, poolSize: 5, enabled },
      200,
    );
  try {
    sink = await startSink();
    herald = await start();
    db = new SqliteDatabase(join(dataDir, 'herald.sqlite'), { readonly: true, fileMustExist: true });
    const reader = db;
    await setDelivery(false);
    progress(`queueing ${formatNumber(n)} events with delivery held`);
    await closedLoop(Math.ceil(n / 500), 2, async (batch) => {
      const events = Array.from({ length: Math.min(500, n - batch * 500) }, (_, i) => eventBody(batch * 500 + i));
      await request(api!, 'POST', '/api/v1/events/batch', { events }, 202);
    });
    await until('the backlog to be held', 600_000, () => (unsettled(states(reader)) === 0 ? true : undefined), 200);
    await sink.reset();
    const releasedAt = nowMs();
    await setDelivery(true);
    const before = await sink.waitFor(Math.floor(n * killAt), 900_000);
    process.kill(herald.pid, 'SIGKILL');
    await until('Herald to die', 30_000, () => (isAlive(herald!.pid) ? undefined : true), 20);
    const killedAt = nowMs();
    const atKill = states(reader);
    const sinkAtKill = (await sink.stats()).count;
    progress(`killed after ${formatNumber(before.count)} at the sink; ${JSON.stringify(atKill)}`);

    herald = await start();
    const restartedAt = nowMs();
    const everything = await until(
      'every message to be sent',
      900_000,
      async () => {
        const now = states(reader);
        return unsettled(now) === 0 ? now : undefined;
      },
      500,
    );
    const received = await sink.dump();
    const stats = await sink.stats();
    const taken = (reader.prepare(`select count(*) as count from attempts where outcome = 'lease_expired'`).get() as { count: number })
      .count;
    const missing = n - received.size;
    const rows = [
      ['figure', 'value'],
      ['messages', formatNumber(n)],
      ['at the sink when killed', formatNumber(sinkAtKill)],
      ['sending (leased) at the kill', formatNumber(atKill.sending ?? 0)],
      ['sent in the database at the kill', formatNumber(atKill.sent ?? 0)],
      ['distinct Message-IDs at the sink', formatNumber(received.size)],
      ['received twice', formatNumber(stats.duplicates)],
      ['attempts recorded as lease_expired (taken back at the restart)', formatNumber(taken)],
      ['states at the end', JSON.stringify(everything)],
      ['release → kill', `${formatNumber((killedAt - releasedAt) / 1000, 1)} s`],
      ['restart (listening) → all sent', `${formatNumber((nowMs() - restartedAt) / 1000, 1)} s`],
    ];
    console.log(`\nkill -9 during a ${formatNumber(n)}-message drain (SQLite, 5 SMTP connections)\n\n${table(rows)}`);
    const lost = missing > 0 || (everything.sent ?? 0) !== n;
    console.log(lost ? `\nLOST: ${missing} Message-IDs never arrived` : '\nnothing lost: every message sent, every Message-ID at the sink');
    await herald.stop();
    return lost ? 1 : 0;
  } catch (error) {
    process.stderr.write(`\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (herald) process.stderr.write(`\nlast Herald output:\n${herald.output().slice(-3000)}\n`);
    return 1;
  } finally {
    api?.close();
    db?.close();
    await herald?.stop().catch(() => undefined);
    await sink?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

process.exitCode = await main();
