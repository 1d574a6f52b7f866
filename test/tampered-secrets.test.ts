import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald (app, database of this run's dialect, delivery worker) and smtp-servers on
// 127.0.0.1: the tenants' (AUTH required, one user per tenant) and the system's (the way out for
// the "mail delivery failing" alert). Fake: the host samples (quiet) and, in the first test, the
// clock (moved by hand to make a retry due); the monitor and the release of held mail are run by
// the test instead of their timers. The settings rows are tampered with
// directly in the database, as someone with access to it (or a bad restore) would.

const quiet = async () => ({ cpu: 1, memory: 1, disks: [] });
const passwords: Record<string, string> = {
  donor: 'pw-Donor-5s7d',
  copied: 'pw-Copied-2k9q',
  flipped: 'pw-Flipped-8m3v',
  rekeyed: 'pw-Rekeyed-4x6p',
  acme: 'pw-Acme-Right-1z',
};

/** The three ways a sealed password (`v1.<keyId>.<iv>.<ciphertext+tag>`) can stop opening. */
const tamperings: Record<string, (own: string, donor: string) => string> = {
  copied: (_own, donor) => donor,
  flipped: (own) => {
    const [version, keyId, iv, body] = own.split('.') as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0]! ^= 0x01;
    return [version, keyId, iv, bytes.toString('base64url')].join('.');
  },
  rekeyed: (own) => own.replace(/^v1\.[^.]+\./, 'v1.kunknown000.'),
};

const passwordSettings = (smtp: { host: string; port: number }, tenant: string, password = passwords[tenant]) =>
  smtpSettings(smtp, { applyToAllTenants: undefined, fromAddress: `noreply@${tenant}.test`, auth: 'password', username: tenant, password });

async function post(h: Harness, tenant: string | undefined, recipient: string): Promise<string> {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    ...(tenant ? { tenant } : {}),
    recipients: [recipient],
    data: { service: 'media', state: 'failed', host: 'pbx-01' },
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages[0].id;
}

const delivery = async (h: Harness, id: string) =>
  (await h.api('GET', `/api/v1/deliveries/${id}`)).body as { state: string; heldReason: string | null; attempts: number };
const sealedOf = async (h: Harness, scopeId: string) =>
  await h.herald.store.db
    .selectFrom('scopes')
    .innerJoin('mail_server_settings as s', (join) =>
      join.onRef('s.scope_id', '=', 'scopes.id').onRef('s.version', '=', 'scopes.mail_server_version'),
    )
    .select(['s.version', 's.password_enc'])
    .where('scopes.id', '=', scopeId)
    .executeTakeFirstOrThrow();
const tamper = (h: Harness, scopeId: string, version: number, sealed: string) =>
  h.herald.store.db
    .updateTable('mail_server_settings')
    .set({ password_enc: sealed })
    .where('scope_id', '=', scopeId)
    .where('version', '=', version)
    .execute();
const unreadableAudits = async (h: Harness) =>
  (await h.api('GET', '/api/v1/audit?action=security.secret_unreadable&limit=100')).body.items as Array<{
    actor: string;
    scope: string;
    target: string;
    details: Record<string, unknown>;
  }>;

test('a tampered tenant password (copied from another tenant, one byte flipped, unknown key id) holds the mail with the reason, audits once, alerts, and a new password releases it', async () => {
  const clock = manualClock();
  // A `retry@` address is refused once with 451, so a message waits deferred across the tampering.
  const refused = new Set<string>();
  const onRcptTo = (address: string) =>
    address.startsWith('retry@') && !refused.has(address)
      ? (refused.add(address), { code: 451, message: '4.3.0 Try again later' })
      : 'accept';
  await using smtp = await startSmtpTestServer({
    users: { donor: passwords.donor!, copied: passwords.copied!, flipped: passwords.flipped!, rekeyed: passwords.rekeyed! },
    onRcptTo,
  });
  await using systemSmtp = await startSmtpTestServer();
  await using h = await startHarness({}, { herald: { clock, background: false, sampler: quiet } });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(systemSmtp))).status, 200);
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
  const victims = Object.keys(tamperings);
  for (const tenant of ['donor', ...victims]) {
    assert.equal((await h.api('POST', '/api/v1/tenants', { id: tenant, name: tenant.toUpperCase() })).status, 201);
    const saved = await h.api('PUT', `/api/v1/tenants/${tenant}/mail-server`, passwordSettings(smtp, tenant));
    assert.equal(saved.status, 200, saved.raw);
  }

  // One message each, so every victim has a pooled transport holding its good password, and one
  // deferred, due again only when the clock moves.
  for (const tenant of victims) await post(h, tenant, `first@${tenant}.test`);
  await smtp.waitFor(victims.length);
  const deferred = new Map<string, string>();
  for (const tenant of victims) deferred.set(tenant, await post(h, tenant, `retry@${tenant}.test`));
  for (const id of deferred.values()) await h.until(async () => (await delivery(h, id)).state === 'deferred');

  const donor = (await sealedOf(h, 'donor')).password_enc!;
  const tampered: string[] = [];
  for (const tenant of victims) {
    const own = await sealedOf(h, tenant);
    const sealed = tamperings[tenant]!(own.password_enc!, donor);
    assert.notEqual(sealed, own.password_enc);
    tampered.push(sealed);
    await tamper(h, tenant, own.version, sealed);
  }

  // New events are held by the ingest; the deferred messages, due again, by the worker's claim.
  const later = new Map<string, string[]>();
  for (const tenant of victims)
    later.set(tenant, [await post(h, tenant, `a@${tenant}.test`), await post(h, tenant, `b@${tenant}.test`), deferred.get(tenant)!]);
  clock.advance(10 * 60_000);
  const heldAll = async () => {
    for (const [tenant, ids] of later) {
      for (const id of ids) {
        const message = await delivery(h, id);
        if (message.state !== 'held') return false;
        assert.match(
          message.heldReason ?? '',
          new RegExp(
            `^secret_unreadable: the password of the mail server of tenant ${tenant} \\(settings version 1\\) cannot be decrypted; enter the password again or restore the master key`,
          ),
        );
        assert.equal(message.attempts, id === deferred.get(tenant) ? 1 : 0, 'no attempt after the tampering');
      }
    }
    return true;
  };
  await h.until(heldAll);
  await h.until(async () => (await unreadableAudits(h)).length >= victims.length);

  // Stable: release cycles find the same hold and write nothing new.
  for (let cycle = 0; cycle < 3; cycle += 1) assert.equal(await h.herald.worker.releaseHeldMessages(), 0);
  assert.ok(await heldAll());
  assert.equal(smtp.received.length, victims.length, 'none of the later messages reached the SMTP server');

  const audits = await unreadableAudits(h);
  assert.deepEqual(audits.map((a) => a.scope).sort(), [...victims].sort(), 'exactly one entry per tampered row');
  for (const entry of audits) {
    assert.equal(entry.actor, 'system');
    assert.equal(entry.target, `mail_server:${entry.scope}:v1`);
    const text = JSON.stringify(entry);
    for (const sealed of [...tampered, donor])
      for (const part of sealed.split('.').slice(2)) assert.ok(!text.includes(part), 'no ciphertext in the audit entry');
    for (const password of Object.values(passwords)) assert.ok(!text.includes(password));
  }

  const overview = (await h.api('GET', '/api/v1/overview')).body.scopes as Array<{
    scope: string;
    status: string;
    statusReason: string;
    held: { count: number; reasons: Array<{ reason: string }> };
  }>;
  for (const tenant of victims) {
    const health = overview.find((s) => s.scope === tenant)!;
    assert.equal(health.status, 'held');
    assert.match(health.statusReason, /secret_unreadable/);
    assert.equal(health.held.count, 3);
    assert.match(health.held.reasons[0]!.reason, /^secret_unreadable/);
  }

  // The system admins are alerted through the system's server, once per scope.
  const raised = await h.herald.monitor.tick();
  assert.deepEqual(
    raised.map((e) => `${e.type}:${e.status}:${e.labels?.scope}`).sort(),
    victims.map((t) => `mail.delivery_failing:firing:${t}`).sort(),
  );
  await systemSmtp.waitFor(victims.length);
  for (const mail of systemSmtp.received) {
    assert.match(mail.subject, /Mail delivery failing/);
    assert.match(mail.text, /is held \(3 messages\): secret_unreadable: the password of the mail server of tenant \w+/);
  }
  assert.deepEqual(await h.herald.monitor.tick(), [], 'already firing');

  // Entering the password again (a new version) releases and delivers the held mail at once.
  for (const tenant of victims)
    assert.equal((await h.api('PUT', `/api/v1/tenants/${tenant}/mail-server`, passwordSettings(smtp, tenant))).status, 200);
  await smtp.waitFor(victims.length * 4);
  for (const ids of later.values()) for (const id of ids) await h.until(async () => (await delivery(h, id)).state === 'sent');
  const resolved = await h.herald.monitor.tick();
  assert.deepEqual(resolved.map((e) => `${e.status}:${e.labels?.scope}`).sort(), victims.map((t) => `resolved:${t}`).sort());
  assert.equal((await unreadableAudits(h)).length, victims.length);
});

test('a valid ciphertext swapped in under the same settings version gets a new transport, not the pooled one', async () => {
  await using smtp = await startSmtpTestServer({ users: { acme: passwords.acme! } });
  await using h = await startHarness({}, { herald: { background: false, sampler: quiet } });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  assert.equal(
    (await h.api('PUT', '/api/v1/tenants/acme/mail-server', passwordSettings(smtp, 'acme', 'pw-Acme-Old-Wrong-7t'))).status,
    200,
  );
  const old = await sealedOf(h, 'acme');
  assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', passwordSettings(smtp, 'acme'))).status, 200);
  const first = await post(h, 'acme', 'first@acme.test');
  await h.until(async () => (await delivery(h, first)).state === 'sent');

  // Version 1's ciphertext opens for acme (same scope and field), but holds the old, wrong password.
  const current = await sealedOf(h, 'acme');
  await tamper(h, 'acme', current.version, old.password_enc!);
  const next = await post(h, 'acme', 'next@acme.test');
  await h.until(async () => (await delivery(h, next)).state === 'deferred');
  const detail = (await h.api('GET', `/api/v1/deliveries/${next}`)).body;
  assert.equal(detail.lastReplyCode, 535, 'the new transport authenticated with the swapped-in password');
  assert.equal(detail.lastStage, 'auth');
  assert.equal(smtp.received.length, 1);
});

test('the system password unreadable: verify is refused and audited once, mail held and visible in the overview, one error log line', async () => {
  await using smtp = await startSmtpTestServer({ users: { ops: 'pw-System-Ops-3j' } });
  await using h = await startHarness({}, { herald: { background: false, sampler: quiet } });
  assert.equal(
    (
      await h.api(
        'PUT',
        '/api/v1/system/mail-server',
        smtpSettings(smtp, { auth: 'password', username: 'ops', password: 'pw-System-Ops-3j' }),
      )
    ).status,
    200,
  );
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
  const row = await sealedOf(h, 'system');
  await tamper(h, 'system', row.version, tamperings.flipped!(row.password_enc!, ''));

  const verify = await h.api('POST', '/api/v1/system/mail-server/verify', {});
  assert.equal(verify.status, 500);
  assert.equal(verify.body.error.code, 'secret_unreadable');
  assert.match(
    verify.body.error.message,
    new RegExp(`password of the system mail server \\(settings version ${row.version}\\) cannot be decrypted`),
  );
  await h.until(async () => (await unreadableAudits(h)).length === 1);

  const ids = [await post(h, undefined, 'a@example.test'), await post(h, undefined, 'b@example.test')];
  for (const id of ids) await h.until(async () => (await delivery(h, id)).state === 'held');
  for (let cycle = 0; cycle < 3; cycle += 1) assert.equal(await h.herald.worker.releaseHeldMessages(), 0);
  // The alert about it cannot be mailed either: it is held in the system scope, with the rest.
  const raised = await h.herald.monitor.tick();
  assert.deepEqual(
    raised.map((e) => `${e.type}:${e.labels?.scope}`),
    ['mail.delivery_failing:system'],
  );

  const system = ((await h.api('GET', '/api/v1/overview')).body.scopes as any[]).find((s) => s.scope === 'system');
  assert.equal(system.status, 'held');
  assert.match(system.statusReason, /secret_unreadable: the password of the system mail server/);
  assert.equal(system.held.count, 3);
  assert.deepEqual(
    system.held.reasons.map((r: any) => r.reason.split(':')[0]),
    ['secret_unreadable'],
  );
  assert.equal(smtp.received.length, 0);
  const audits = await unreadableAudits(h);
  assert.equal(audits.length, 1, 'one entry, from the verify that met it first');
  assert.equal(audits[0]!.scope, 'system');
  const errors = h.logs.map((line) => JSON.parse(line)).filter((line) => line.level >= 50 && /password cannot be decrypted/.test(line.msg));
  assert.equal(errors.length, 1);
  assert.match(errors[0].msg, /system mail server .*alerts to the system administrators/);
});
