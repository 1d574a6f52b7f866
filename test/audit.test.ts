import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config/config.js';
import { sql } from 'kysely';
import { openStore } from '../src/store/database.js';
import { verifyAudit } from '../src/audit/index.js';
import { smtpSettings, startHarness } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { asUser, createAccount, createToken, send, signIn } from './support/accounts.js';
import { dropAuditTriggers, everyStoredRow, testDialect } from './support/test-database.js';

// Real: Herald, its database (the verifier reads it as `herald audit verify` does) and an SMTP server.

const secrets = ['audit-Smtp-Secret-11', 'audit user password 22', 'audit changed password 33', 'audit wrong guess 44'];

test(
  'audit: a script of 40 actions gives exactly one entry each, no secret in any entry; the verifier detects an edited, a deleted and a reordered entry',
  { timeout: 180_000 },
  async () => {
    await using smtp = await startSmtpTestServer({ users: { ops: secrets[0]! } });
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    const count = async () => (await h.api('GET', '/api/v1/audit?limit=500')).body.items.length as number;
    let userId = '';
    let tokenId = '';
    let session: Awaited<ReturnType<typeof signIn>> | undefined;
    const as = () => asUser(h, session!);
    const actions: Array<[string, () => Promise<{ status: number }>]> = [
      ['tenant.create', () => h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })],
      ['tenant.create', () => h.api('POST', '/api/v1/tenants', { id: 'beta', name: 'Beta' })],
      ['tenant.rename', () => h.api('PATCH', '/api/v1/tenants/beta', { name: 'Beta Two' })],
      [
        'mail_server.save',
        () => h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { auth: 'password', username: 'ops', password: secrets[0] })),
      ],
      [
        'mail_server.save',
        () => h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { auth: 'password', username: 'ops', fromName: 'Ops Team' })),
      ],
      ['mail_server.test_email', () => h.api('POST', '/api/v1/system/mail-server/test', { to: 'ops@example.test' })],
      ['mail_server.verify', () => h.api('POST', '/api/v1/system/mail-server/verify', {})],
      [
        'mail_server.save',
        () => h.api('PUT', '/api/v1/tenants/acme/mail-server', { provider: 'builtin', fromAddress: 'noreply@acme.test' }),
      ],
      ['mail_server.test_email', () => h.api('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'x@acme.test' })],
      ['mail_server.clear', () => h.api('DELETE', '/api/v1/tenants/acme/mail-server')],
      ['recipients.replace', () => h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] })],
      ['recipients.replace', () => h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['a@acme.test', 'b@acme.test'] })],
      [
        'user.create',
        async () => {
          const r = await h.api('POST', '/api/v1/tenants/acme/users', {
            email: 'admin@acme.test',
            name: 'Admin',
            role: 'tenant_admin',
            password: secrets[1],
          });
          userId = r.body.id;
          return r;
        },
      ],
      ['user.create', () => h.api('POST', '/api/v1/tenants/acme/users', { email: 'member@acme.test', name: 'Member' })],
      [
        'user.import',
        () =>
          h.api('POST', '/api/v1/tenants/acme/users/import', [
            { email: 'm1@acme.test', name: 'M1' },
            { email: 'm2@acme.test', name: 'M2' },
          ]),
      ],
      [
        'auth.login_failed',
        () => send(h, 'POST', '/api/v1/auth/login', { body: { email: 'admin@acme.test', password: secrets[3], tenantId: 'acme' } }),
      ],
      [
        'auth.login_failed',
        () => send(h, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@acme.test', password: secrets[3], tenantId: 'acme' } }),
      ],
      [
        'auth.login',
        async () => {
          session = await signIn(h, { email: 'admin@acme.test', password: secrets[1]!, tenantId: 'acme' });
          return { status: 200 };
        },
      ],
      ['mail_server.save', () => as()('PUT', '/api/v1/tenants/acme/mail-server', { provider: 'builtin', fromAddress: 'alerts@acme.test' })],
      ['recipients.replace', () => as()('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['c@acme.test'] })],
      [
        'token.create',
        async () => {
          const r = await as()('POST', '/api/v1/tenants/acme/tokens', { label: 'ci', permissions: ['events:write'] });
          tokenId = r.body.apiToken.id;
          return r;
        },
      ],
      ['token.revoke', () => as()('DELETE', `/api/v1/tenants/acme/tokens/${tokenId}`)],
      [
        'token.create',
        () => h.api('POST', '/api/v1/system/tokens', { label: 'platform', permissions: ['events:write', 'deliveries:read'] }),
      ],
      ['auth.password_change', () => as()('POST', '/api/v1/auth/password', { currentPassword: secrets[1], newPassword: secrets[2] })],
      ['auth.logout', () => as()('POST', '/api/v1/auth/logout')],
      ['user.update', () => h.api('PATCH', `/api/v1/tenants/acme/users/${userId}`, { role: 'tenant_viewer' })],
      ['user.update', () => h.api('PATCH', `/api/v1/tenants/acme/users/${userId}`, { password: 'another audit password 55' })],
      ['user.update', () => h.api('PATCH', `/api/v1/tenants/acme/users/${userId}`, { disabled: true })],
      ['user.delete', () => h.api('DELETE', `/api/v1/tenants/acme/users/${userId}`)],
      [
        'mail_host_policy.save',
        () => h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: ['relay.internal'], allowedPorts: [2587] }),
      ],
      ['mail_host_policy.save', () => h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: [], allowedPorts: [] })],
      [
        'user.create',
        () =>
          h.api('POST', '/api/v1/system/users', { email: 'root@example.test', name: 'Root', role: 'system_admin', password: secrets[1] }),
      ],
      ['auth.login', () => send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password: secrets[1] } })],
      ['auth.login_failed', () => send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password: secrets[3] } })],
      [
        'mail_server.save',
        () => h.api('PUT', '/api/v1/tenants/beta/mail-server', { provider: 'builtin', fromAddress: 'noreply@beta.test' }),
      ],
      ['mail_server.test_email', () => h.api('POST', '/api/v1/tenants/beta/mail-server/test', { to: 'y@beta.test' })],
      ['recipients.replace', () => h.api('PUT', '/api/v1/tenants/beta/recipients', { recipients: [] })],
      ['tenant.rename', () => h.api('PATCH', '/api/v1/tenants/acme', { name: 'Acme Corp' })],
      ['tenant.delete', () => h.api('DELETE', '/api/v1/tenants/beta')],
      ['tenant.create', () => h.api('POST', '/api/v1/tenants', { id: 'gamma', name: 'Gamma' })],
    ];
    assert.equal(actions.length, 40);
    for (const [action, run] of actions) {
      const before = await count();
      const result = await run();
      assert.ok(result.status < 300 || action === 'auth.login_failed', `${action}: ${result.status}`);
      assert.equal(await count(), before + 1, `${action} gives exactly one entry`);
      assert.equal((await h.api('GET', '/api/v1/audit?limit=1')).body.items[0].action, action);
    }
    // Reads and events are not audited.
    const before = await count();
    await h.api('GET', '/api/v1/tenants');
    await h.api('POST', '/api/v1/events', { type: 'a.b', recipients: ['z@example.test'] });
    assert.equal(await count(), before);

    const entries = (await h.api('GET', '/api/v1/audit?limit=500')).body.items;
    const text = JSON.stringify(entries);
    for (const secret of secrets) {
      for (const form of [secret, Buffer.from(secret).toString('base64')])
        assert.ok(!text.includes(form), `an audit entry holds ${secret}`);
    }
    const settingsChange = entries.find((e: any) => e.action === 'mail_server.save' && e.scope === 'system' && e.details.changes.password);
    assert.equal(settingsChange.details.changes.password, 'changed');
    const rename = entries.find((e: any) => e.action === 'mail_server.save' && e.details.changes.fromName);
    assert.deepEqual(rename.details.changes.fromName, { from: 'Herald Tests', to: 'Ops Team' });
    assert.ok(entries.every((e: any) => e.actor && e.scope && e.at && e.ip === '127.0.0.1'));

    // A tenant admin sees its tenant's entries only.
    await h.api('POST', '/api/v1/tenants/acme/users', {
      email: 'boss@acme.test',
      name: 'Boss',
      role: 'tenant_admin',
      password: secrets[1],
    });
    const boss = asUser(h, await signIn(h, { email: 'boss@acme.test', password: secrets[1]!, tenantId: 'acme' }));
    const seen = (await boss('GET', '/api/v1/audit?limit=500')).body.items;
    assert.ok(seen.length > 5 && seen.every((e: any) => e.scope === 'acme'));
    assert.equal((await boss('GET', '/api/v1/audit?scope=system')).status, 404);
    assert.ok(
      (await boss('GET', '/api/v1/audit?action=recipients.replace')).body.items.every((e: any) => e.action === 'recipients.replace'),
    );

    // Tampering: edit, delete, reorder — each found by the verifier. An attacker with the database
    // first drops the triggers that refuse UPDATE and DELETE on the log.
    const store = openStore(loadConfig(h.env).database);
    try {
      const { db } = store;
      await dropAuditTriggers(db);
      const swap = async (a: number, b: number) => {
        for (const [from, to] of [
          [a, -1],
          [b, a],
          [-1, b],
        ] as const)
          await db.updateTable('audit_log').set({ seq: to }).where('seq', '=', from).execute();
      };
      assert.deepEqual((await verifyAudit(db)).problems, []);
      const original = await db.selectFrom('audit_log').selectAll().where('seq', '=', 10).executeTakeFirstOrThrow();
      await db.updateTable('audit_log').set({ details: '{"to":"someone-else@example.test"}' }).where('seq', '=', 10).execute();
      assert.deepEqual(
        (await verifyAudit(db)).problems.map((p) => [p.seq, p.problem]),
        [[10, 'edited']],
      );
      await db.updateTable('audit_log').set({ details: original.details }).where('seq', '=', 10).execute();
      assert.deepEqual((await verifyAudit(db)).problems, []);

      await db.deleteFrom('audit_log').where('seq', '=', 20).execute();
      const deleted = await verifyAudit(db);
      assert.ok(
        deleted.problems.some((p) => p.seq === 21 && p.problem === 'missing') && deleted.problems.some((p) => p.problem === 'chain_broken'),
        JSON.stringify(deleted.problems),
      );

      // A deleted entry cannot be put back (the hash is the point): start a clean chain for reordering.
      await db.deleteFrom('audit_log').execute();
      await db
        .updateTable('audit_head')
        .set({ seq: 0, hash: '0'.repeat(64) })
        .execute();
      for (let i = 0; i < 3; i += 1) await h.api('PATCH', '/api/v1/tenants/acme', { name: `Acme ${i}` });
      assert.deepEqual((await verifyAudit(db)).problems, []);
      await swap(1, 2);
      const reordered = await verifyAudit(db);
      assert.ok(
        reordered.problems.some((p) => p.problem === 'edited' || p.problem === 'chain_broken'),
        JSON.stringify(reordered.problems),
      );

      // Cutting the newest entry shows too.
      await swap(1, 2);
      assert.deepEqual((await verifyAudit(db)).problems, []);
      await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
      assert.deepEqual(
        (await verifyAudit(db)).problems.map((p) => p.problem),
        ['tail_missing'],
      );
    } finally {
      await store.close();
    }
  },
);

test('audit: a change whose audit entry cannot be written is not applied, and the chain still verifies', { timeout: 120_000 }, async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'fatal' });
  const password = 'atomic audit password 66';
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings({ host: '127.0.0.1', port: 2525 }, { applyToAllTenants: false }));
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password });
  const memberId = await createAccount(h, 'acme', { email: 'member@acme.test', role: 'member' });
  const token = await createToken(h, 'acme', ['events:write']);
  const session = await signIn(h, { email: 'admin@acme.test', password, tenantId: 'acme' });
  const template = { subject: '{{ event.title }}', html: '<p>{{ event.title }}</p>' };
  assert.equal((await h.api('PUT', '/api/v1/tenants/acme/templates/service.failed', template)).status, 200);
  const silence = await h.api('POST', '/api/v1/tenants/acme/silences', {
    eventType: 'host.cpu',
    endsAt: Date.now() + 3_600_000,
    comment: 'maintenance',
  });
  const event = await h.api('POST', '/api/v1/events', { tenant: 'acme', type: 'service.failed', recipients: ['ops@acme.test'] });
  const messageId = event.body.messages[0].id as string;
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${messageId}`)).body.state === 'held');

  const store = openStore(loadConfig(h.env).database);
  try {
    // A real failure of the audit append: the chain's head row is gone, so appending throws.
    const head = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_head').execute();
    const before = await everyStoredRow(h.env);
    const changes: Array<[string, () => Promise<{ status: number; raw: string }>]> = [
      [
        'mail_server.save',
        () =>
          h.api(
            'PUT',
            '/api/v1/system/mail-server',
            smtpSettings({ host: '127.0.0.1', port: 2525 }, { applyToAllTenants: false, fromName: 'Changed' }),
          ),
      ],
      ['mail_server.clear', () => h.api('DELETE', '/api/v1/tenants/acme/mail-server')],
      ['recipients.replace', () => h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['new@acme.test'] })],
      ['tenant.create', () => h.api('POST', '/api/v1/tenants', { id: 'beta', name: 'Beta' })],
      ['tenant.rename', () => h.api('PATCH', '/api/v1/tenants/acme', { name: 'Acme Corp' })],
      ['tenant.delete', () => h.api('DELETE', '/api/v1/tenants/acme')],
      ['user.create', () => h.api('POST', '/api/v1/tenants/acme/users', { email: 'new@acme.test', name: 'New' })],
      ['user.import', () => h.api('POST', '/api/v1/tenants/acme/users/import', [{ email: 'm1@acme.test', name: 'M1' }])],
      ['user.update', () => h.api('PATCH', `/api/v1/tenants/acme/users/${memberId}`, { name: 'Renamed', disabled: true })],
      ['user.delete', () => h.api('DELETE', `/api/v1/tenants/acme/users/${memberId}`)],
      ['token.create', () => h.api('POST', '/api/v1/tenants/acme/tokens', { label: 'ci', permissions: ['events:write'] })],
      ['token.revoke', () => h.api('DELETE', `/api/v1/tenants/acme/tokens/${token.id}`)],
      [
        'auth.password_change',
        () => asUser(h, session)('POST', '/api/v1/auth/password', { currentPassword: password, newPassword: 'another atomic password 77' }),
      ],
      ['auth.logout', () => asUser(h, session)('POST', '/api/v1/auth/logout')],
      [
        'mail_host_policy.save',
        () => h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: ['relay.internal'], allowedPorts: [2587] }),
      ],
      ['delivery.retry', () => h.api('POST', `/api/v1/deliveries/${messageId}/retry`)],
      ['notifications.save', () => h.api('PATCH', '/api/v1/tenants/acme/notifications', { emailEnabled: false })],
      ['notifications.save', () => h.api('PATCH', '/api/v1/system/notifications', { thresholds: { cpu: 50 } })],
      ['event_type.register', () => h.api('POST', '/api/v1/tenants/acme/event-types', { id: 'app.deployed', title: 'Deployed' })],
      ['event_type.settings_save', () => h.api('PUT', '/api/v1/tenants/acme/event-types/service.failed/settings', { enabled: false })],
      [
        'preferences.save',
        () => h.api('PUT', `/api/v1/tenants/acme/users/${memberId}/preferences`, { preferences: { 'job.failed': true } }),
      ],
      [
        'template.save',
        () => h.api('PUT', '/api/v1/tenants/acme/templates/service.failed', { ...template, subject: 'Changed {{ event.title }}' }),
      ],
      ['template.delete', () => h.api('DELETE', '/api/v1/tenants/acme/templates/service.failed')],
      ['silence.create', () => h.api('POST', '/api/v1/tenants/acme/silences', { endsAt: Date.now() + 3_600_000 })],
      ['silence.delete', () => h.api('DELETE', `/api/v1/tenants/acme/silences/${silence.body.id}`)],
    ];
    for (const [action, run] of changes) {
      const response = await run();
      assert.equal(response.status, 500, `${action}: ${response.raw}`);
      assert.equal(await everyStoredRow(h.env), before, `${action} was applied without its audit entry`);
    }

    // With the head back, the same change and its entry commit together and the chain verifies.
    await store.db.insertInto('audit_head').values(head).execute();
    assert.equal((await h.api('PATCH', '/api/v1/tenants/acme', { name: 'Acme Corp' })).status, 200);
    assert.equal((await h.api('GET', '/api/v1/audit?limit=1')).body.items[0].action, 'tenant.rename');
    assert.deepEqual((await verifyAudit(store.db)).problems, []);
  } finally {
    await store.close();
  }
});

test('audit: the database refuses UPDATE and DELETE of audit entries, whoever sends them; appends go on', async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PATCH', '/api/v1/tenants/acme', { name: 'Acme Corp' });
  const store = openStore(loadConfig(h.env).database);
  try {
    const { db } = store;
    const rows = async () => JSON.stringify(await db.selectFrom('audit_log').selectAll().orderBy('seq').execute());
    const before = await rows();
    assert.equal(JSON.parse(before).length, 2);
    const refusals: Array<[string, () => Promise<unknown>]> = [
      ['update one', () => db.updateTable('audit_log').set({ details: '{}' }).where('seq', '=', 1).execute()],
      ['update all', () => db.updateTable('audit_log').set({ actor: 'someone-else' }).execute()],
      ['delete one', () => db.deleteFrom('audit_log').where('seq', '=', 2).execute()],
      ['delete all', () => db.deleteFrom('audit_log').execute()],
      ...(testDialect === 'postgres' ? [['truncate', () => sql`truncate audit_log`.execute(db)] as [string, () => Promise<unknown>]] : []),
    ];
    for (const [what, run] of refusals) await assert.rejects(run(), /audit_log is append-only/, what);
    assert.equal(await rows(), before, 'no entry was changed or removed');
    assert.deepEqual((await verifyAudit(db)).problems, []);
    assert.equal((await h.api('PATCH', '/api/v1/tenants/acme', { name: 'Acme Again' })).status, 200);
    assert.equal((await verifyAudit(db)).entries, 3);
  } finally {
    await store.close();
  }
});
