import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';
import { createTestDatabase } from './support/test-database.js';

// Real: `herald start --role api` and `--role worker` as separate processes on one database,
// an smtp-server peer, and `herald status`.

test('an api node accepts, a worker node delivers; both report themselves in status and /metrics', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-roles-'));
  const database = await createTestDatabase();
  await using smtp = await startSmtpTestServer();
  const env = { ...fastDeliveryEnv, ...database.env, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: adminToken, HERALD_LOG_LEVEL: 'warn' };
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const api = await startHeraldProcess({ ...env, HERALD_ROLE: 'api' });
  try {
    await fetch(`${api.url}/api/v1/system/mail-server`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ provider: 'smtp', host: smtp.host, port: smtp.port, security: 'none', fromAddress: 'herald@example.test' }),
    });
    const accepted = await fetch(`${api.url}/api/v1/events`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'service.failed', recipients: ['ops@example.test'] }),
    });
    assert.equal(accepted.status, 202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(smtp.received.length, 0, 'an api node does not deliver');

    const worker = await startHeraldProcess({ ...env, HERALD_ROLE: 'worker' });
    try {
      await smtp.waitFor(1);
      assert.equal((await fetch(`${worker.url}/api/v1/tenants`, { headers: auth })).status, 404, 'a worker node serves no API');
      assert.equal((await fetch(`${worker.url}/healthz`)).status, 200);
      // The 250 is in; the outcome is written moments later.
      let metrics = '';
      for (let i = 0; i < 100 && !/herald_messages\{state="sent"/.test(metrics); i += 1) {
        metrics = await (await fetch(`${worker.url}/metrics`, { headers: auth })).text();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.match(metrics, /herald_deliveries_total\{outcome="sent",node="[^"]+"\} 1/);
      assert.match(metrics, /herald_node_info\{role="worker"/);
      assert.match(metrics, /herald_messages\{state="sent",node="[^"]+"\} 1/);
      assert.equal((metrics.match(/herald_cluster_node_up\{[^}]*state="alive"[^}]*\} 1/g) ?? []).length, 2);
      assert.equal((await fetch(`${worker.url}/metrics`)).status, 401, 'metrics need the token');

      const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
      const status = spawnSync(process.execPath, [bin, 'status', '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' });
      const nodes = JSON.parse(status.stdout).nodes as Array<{ role: string; state: string }>;
      assert.deepEqual(
        nodes
          .filter((n) => n.state === 'alive')
          .map((n) => n.role)
          .sort(),
        ['api', 'worker'],
      );
    } finally {
      await worker.kill('SIGTERM');
    }
  } finally {
    await api.kill('SIGTERM');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
