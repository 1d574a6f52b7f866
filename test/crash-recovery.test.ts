import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, messageStates } from './support/test-database.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';

// Real: three successive `herald start` processes on one SQLite file, killed with SIGKILL while
// delivering, and an smtp-server peer. Nothing is faked; lease and retry times are configured short.

const events = 2000;

test(
  'kill -9 twice during delivery: every accepted message arrives, duplicates at most what was in flight',
  { timeout: 180_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-crash-'));
    const database = await createTestDatabase();
    await using smtp = await startSmtpTestServer();
    const env = {
      ...fastDeliveryEnv,
      ...database.env,
      HERALD_DATA_DIR: dataDir,
      HERALD_ADMIN_TOKEN: adminToken,
      HERALD_LOG_LEVEL: 'warn',
      HERALD_SMTP_TIMEOUT: '1s',
      HERALD_LEASE: '4s',
    };
    const call = async (base: string, method: string, path: string, body: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as any;
      assert.ok(response.status < 300, JSON.stringify(json));
      return json;
    };
    const inFlightAfterKill = async () => (await messageStates(env)).sending ?? 0;

    try {
      let herald = await startHeraldProcess(env);
      const settings = {
        provider: 'smtp',
        host: smtp.host,
        port: smtp.port,
        security: 'none',
        fromAddress: 'herald@example.test',
        applyToAllTenants: true,
        poolSize: 4,
      };
      // Hold delivery while the events are accepted, so the kills land during delivery, not ingest.
      await call(herald.url, 'PUT', '/api/v1/system/mail-server', { ...settings, enabled: false });
      const accepted = new Set<string>();
      for (let batch = 0; batch < events / 1000; batch += 1) {
        const body = {
          events: Array.from({ length: 1000 }, (_, i) => ({ type: 'record.added', recipients: [`user${batch * 1000 + i}@example.test`] })),
        };
        const answer = await call(herald.url, 'POST', '/api/v1/events/batch', body);
        for (const event of answer.events) for (const message of event.messages) accepted.add(message.messageId);
      }
      assert.equal(accepted.size, events);
      await call(herald.url, 'PUT', '/api/v1/system/mail-server', settings);

      const inFlight: number[] = [];
      for (const killAt of [300, 1100]) {
        await smtp.waitFor(killAt, 60_000);
        await herald.kill('SIGKILL');
        inFlight.push(await inFlightAfterKill());
        herald = await startHeraldProcess(env);
      }
      const deadline = Date.now() + 90_000;
      const unique = () => new Set(smtp.received.map((mail) => mail.messageId));
      while (unique().size < events && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await herald.kill('SIGTERM');

      const arrived = unique();
      const missing = [...accepted].filter((id) => !arrived.has(id));
      const duplicates = smtp.received.length - arrived.size;
      console.log(
        `crash test: ${events} accepted, ${arrived.size} arrived, ${missing.length} missing, ${duplicates} duplicates, in flight at the kills: ${inFlight.join(' and ')}`,
      );
      assert.equal(missing.length, 0, `missing: ${missing.slice(0, 5).join(', ')}`);
      assert.ok(duplicates <= inFlight[0]! + inFlight[1]!, `${duplicates} duplicates > ${inFlight.join(' + ')} in flight`);
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
