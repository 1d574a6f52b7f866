import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startHarness } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { isPrivateAddress } from '../src/scopes/index.js';

// Real: Herald with no loopback allowance, a TCP listener on loopback counting connections, a real
// SMTP server for the control case, and the system's resolver for names.

const forbidden = [
  '127.0.0.1',
  'localhost',
  '[::1]',
  '::1',
  '::ffff:127.0.0.1',
  '2130706433',
  '0177.0.0.1',
  '169.254.169.254',
  '10.0.0.1',
  '192.168.1.1',
  'fd00:ec2::254',
  '::127.0.0.1',
  '::ffff:0:127.0.0.1',
  '64:ff9b::a00:1',
  '2002:7f00:1::1',
];

test('address classes: no spelling of a private, loopback, link-local or metadata address is public', () => {
  for (const address of [
    '127.0.0.1',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '169.254.169.254',
    '10.0.0.1',
    '172.16.5.4',
    '100.64.0.1',
    '0.0.0.0',
    'fe80::1',
    'fd00:ec2::254',
    '64:ff9b::7f00:1',
    // IPv4-compatible (::/96), IPv4-translated (::ffff:0:0:0/96), NAT64 and 6to4 forms of loopback and private IPv4.
    '::127.0.0.1',
    '::7f00:1',
    '::10.0.0.1',
    '::ffff:0:127.0.0.1',
    '::ffff:0:a00:1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::192.168.1.1',
    '2002:7f00:1::1',
    '2002:c0a8:101::1',
  ]) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '8.8.8.8'])
    assert.equal(isPrivateAddress(address), false, address);
});

test(
  "SSRF: a tenant's loopback, private and metadata hosts are refused at save and at connect; the loopback listener sees 0 connections",
  { timeout: 120_000 },
  async () => {
    let connections = 0;
    const listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    try {
      // Some 30 tests in a row from one caller: limits raised so the guard, not the rate limit, answers.
      await using h = await startHarness({
        HERALD_SMTP_ALLOWED_HOSTS: '',
        HERALD_LOG_LEVEL: 'warn',
        HERALD_TEST_EMAIL_CALLER_LIMIT_PER_MINUTE: '100',
        HERALD_TEST_EMAIL_LIMIT_PER_MINUTE: '100',
        HERALD_TEST_EMAIL_CALLER_LIMIT: '100',
        HERALD_TEST_EMAIL_LIMIT: '100',
      });
      await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
      // The port is allowed, so only the address rule stands between the tenant and the listener.
      assert.equal((await h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: [], allowedPorts: [port] })).status, 200);
      const settings = (host: string) => ({ provider: 'smtp', host, port, security: 'none', fromAddress: 'noreply@acme.example' });

      for (const host of forbidden) {
        const saved = await h.api('PUT', '/api/v1/tenants/acme/mail-server', settings(host));
        assert.ok(
          (saved.status === 422 && saved.body.error.code === 'host_not_allowed') || saved.status === 400,
          `${host} saved: ${saved.raw}`,
        );
        for (const route of ['test', 'verify']) {
          const probe = await h.api('POST', `/api/v1/tenants/acme/mail-server/${route}`, {
            to: 'x@acme.example',
            settings: settings(host),
          });
          if (probe.status === 400) continue;
          assert.equal(probe.status, 200, probe.raw);
          assert.equal(probe.body.ok, false);
          assert.equal(probe.body.failure.errorCode, 'host_not_allowed', `${host}: ${probe.raw}`);
        }
      }
      assert.equal((await h.api('GET', '/api/v1/tenants/acme/mail-server')).status, 404, 'nothing was saved');
      // Public hosts on a non-mail port are refused with the same answer, whether anything listens.
      const port22 = await h.api('POST', '/api/v1/tenants/acme/mail-server/verify', {
        settings: { ...settings('93.184.215.14'), port: 22 },
      });
      assert.equal(port22.body.failure.errorCode, 'host_not_allowed');
      assert.equal(
        port22.body.failure.message,
        (await h.api('POST', '/api/v1/tenants/acme/mail-server/verify', { settings: settings('10.0.0.1') })).body.failure.message,
      );

      // Saved while allowed, then the allowance is withdrawn: the connect-time check still refuses.
      await h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: ['127.0.0.1'], allowedPorts: [port] });
      assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', settings('127.0.0.1'))).status, 200);
      await h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: [], allowedPorts: [port] });
      const test = await h.api('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'x@acme.example' });
      assert.equal(test.body.failure.errorCode, 'host_not_allowed', test.raw);
      const event = await h.api('POST', '/api/v1/events', { type: 'a.b', tenant: 'acme', recipients: ['x@acme.example'] });
      const id = event.body.messages[0].id;
      const failed = await h.until(async () => {
        const delivery = await h.api('GET', `/api/v1/deliveries/${id}`);
        return delivery.body.state === 'failed' ? delivery.body : undefined;
      });
      assert.equal(failed.attemptHistory[0].errorCode, 'host_not_allowed');
      assert.equal(connections, 0, 'the loopback listener saw no connection');

      // Control: the system scope's own server is not restricted, and an allowed host is reached.
      await using smtp = await startSmtpTestServer();
      const system = await h.api('POST', '/api/v1/system/mail-server/verify', {
        settings: { provider: 'smtp', host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'ops@example.test' },
      });
      assert.equal(system.body.ok, true, system.raw);
      await h.api('PUT', '/api/v1/system/mail-host-policy', { allowedHosts: ['127.0.0.1'], allowedPorts: [] });
      await h.api('POST', '/api/v1/tenants/acme/mail-server/verify', { settings: settings('127.0.0.1') });
      assert.equal(connections, 1, 'once allowed, the tenant reaches the listener: the guard is what stopped it');
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  },
);
