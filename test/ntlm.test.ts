import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startNtlmSmtpServer, type NtlmSmtpServer } from './support/ntlm-smtp-server.js';
import { md4, ntowfV2 } from './support/ntlm-messages.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';

// Real: Herald (app, the run's database, delivery worker, SMTP thread, nodemailer with
// nodemailer-ntlm-auth) and an SMTP peer that speaks AUTH NTLM and verifies the NTLMv2 response
// against the account's password (test/support/ntlm-smtp-server.ts). Nothing is faked.

const account = { domain: 'CORP', dnsDomain: 'corp.example.test', user: 'svc-herald', password: 'pw-Ntlm-Exch-7q8r' };
const wrongPassword = 'pw-Ntlm-Wrong-3s4t';

const ntlmSettings = (exchange: NtlmSmtpServer, extra: Record<string, unknown> = {}) =>
  smtpSettings(exchange, {
    auth: 'ntlm',
    domain: 'CORP',
    username: account.user,
    password: account.password,
    fromAddress: 'herald@corp.example.test',
    ...extra,
  });

async function postEvent(h: Harness) {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    data: { service: 'pbx' },
    recipients: ['ops@corp.example.test'],
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages[0].id as string;
}

async function settled(h: Harness, id: string, states: string[]) {
  return h.until(async () => {
    const detail = await h.api('GET', `/api/v1/deliveries/${id}`);
    return states.includes(detail.body.state) ? detail.body : undefined;
  });
}

/** The password as it could leak: plain, base64 of its UTF-8 and UTF-16LE bytes, its NT hash. */
const passwordForms = (password: string) => {
  const utf16 = Buffer.from(password, 'utf16le');
  const ntHash = md4(utf16);
  return [password, Buffer.from(password).toString('base64'), utf16.toString('base64'), ntHash.toString('hex'), ntHash.toString('base64')];
};

test('the test peer computes NTLM as [MS-NLMP] and RFC 1320 say (known answers)', () => {
  assert.equal(md4(Buffer.from('')).toString('hex'), '31d6cfe0d16ae931b73c59d7e0c089c0');
  assert.equal(md4(Buffer.from('message digest')).toString('hex'), 'd9130a8164549fe818874806e1c7014b');
  assert.equal(
    md4(Buffer.from('x'.repeat(56))).toString('hex'),
    '374d5f08103b7092c83b4626ebceffab',
    'the padding spills into a second block',
  );
  assert.equal(md4(Buffer.from('Password', 'utf16le')).toString('hex'), 'a4f49c406510bdcab6824ee7c30fd852', 'MS-NLMP 4.2.2.1.2');
  assert.equal(ntowfV2('Password', 'User', 'Domain').toString('hex'), '0c868a403bfd7a93a3001ef22ef02e3f', 'MS-NLMP 4.2.4.1.1');
});

test('an event is delivered over AUTH NTLM; the debug transcript hides the NTLM messages and the password in every form', async () => {
  await using exchange = await startNtlmSmtpServer({ accounts: [account] });
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'debug' });
  const saved = await h.api('PUT', '/api/v1/system/mail-server', ntlmSettings(exchange, { workstation: 'HERALD01' }));
  assert.equal(saved.status, 200, saved.raw);
  const settings = (await h.api('GET', '/api/v1/system/mail-server')).body;
  assert.deepEqual([settings.auth, settings.domain, settings.workstation, settings.passwordSet], ['ntlm', 'CORP', 'HERALD01', true]);

  const delivery = await settled(h, await postEvent(h), ['sent', 'failed', 'deferred']);
  assert.equal(delivery.state, 'sent', JSON.stringify(delivery.attemptHistory));
  assert.equal(exchange.received.length, 1);
  assert.equal(exchange.received[0]!.account, 'CORP\\svc-herald');
  assert.deepEqual(exchange.authentications, [{ user: 'svc-herald', domain: 'CORP', workstation: 'HERALD01', ok: true }]);

  const transcriptLine = () => h.logs.find((line) => line.includes('"smtp":"client"') && line.includes('AUTH NTLM'));
  await h.until(async () => transcriptLine() !== undefined);
  const conversation = h.logs
    .map((line) => JSON.parse(line) as { smtp?: string; msg: string })
    .filter((line) => line.smtp !== undefined)
    .map((line) => `${line.smtp}: ${line.msg}`);
  const auth = conversation.indexOf('client: AUTH NTLM [redacted]');
  const signedIn = conversation.findIndex((line) => line.startsWith('server: 235 '));
  assert.ok(auth >= 0 && signedIn > auth, conversation.join('\n'));
  assert.deepEqual(
    conversation.slice(auth + 1, signedIn).filter((line) => line.startsWith('client')),
    ['client: [redacted]'],
    'the type 3 message (user, domain, response hash) is not shown',
  );
  const logs = h.logs.join('\n');
  for (const form of passwordForms(account.password)) assert.ok(!logs.includes(form), `the log holds ${form}`);
});

test("a wrong password defers the message at AUTH with the server's 535 reply; the right one delivers it", async () => {
  await using exchange = await startNtlmSmtpServer({ accounts: [account] });
  await using h = await startHarness();
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', ntlmSettings(exchange, { password: wrongPassword }))).status, 200);
  const id = await postEvent(h);
  const deferred = await settled(h, id, ['deferred', 'failed']);
  assert.equal(deferred.state, 'deferred', 'a refused login is the settings, not the message: it is not given up');
  assert.equal(deferred.lastStage, 'auth');
  assert.equal(deferred.lastReplyCode, 535);
  assert.equal(deferred.lastReply, '535 5.7.3 Authentication unsuccessful');
  assert.equal(deferred.attemptHistory.at(-1).errorCode, 'EAUTH');
  assert.equal(exchange.authentications[0]?.ok, false, 'the server checked the response and refused it');

  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', ntlmSettings(exchange))).status, 200);
  assert.equal((await settled(h, id, ['sent'])).state, 'sent');
  assert.equal(exchange.received.length, 1);
});

test('verify connection: AUTH NTLM step with the account, a wrong candidate password stops at AUTH with 535, a server without NTLM is named', async () => {
  await using exchange = await startNtlmSmtpServer({ accounts: [account] });
  await using noNtlm = await startNtlmSmtpServer({ accounts: [account], mechanisms: ['LOGIN'] });
  await using h = await startHarness();
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', ntlmSettings(exchange))).status, 200);

  const verified = await h.api('POST', '/api/v1/system/mail-server/verify', {});
  assert.equal(verified.body.ok, true, verified.raw);
  const auth = verified.body.steps.find((step: any) => step.step === 'auth');
  assert.deepEqual([auth.status, auth.command, auth.replyCode], ['ok', 'AUTH NTLM [redacted]', 235]);
  assert.equal(auth.detail, 'Authenticated as CORP\\svc-herald (NTLM)');

  const wrong = await h.api('POST', '/api/v1/system/mail-server/verify', { settings: ntlmSettings(exchange, { password: wrongPassword }) });
  assert.equal(wrong.body.ok, false, wrong.raw);
  assert.deepEqual([wrong.body.failure.stage, wrong.body.failure.replyCode], ['auth', 535]);
  assert.match(wrong.body.failure.hint, /username or password/);

  const missing = await h.api('POST', '/api/v1/system/mail-server/verify', { settings: ntlmSettings(noNtlm) });
  assert.equal(missing.body.ok, false, missing.raw);
  assert.equal(missing.body.failure.stage, 'auth');
  assert.match(missing.body.failure.message, /^The server does not offer AUTH NTLM \(it offers AUTH LOGIN\)/);
  assert.equal(missing.body.failure.reply, '504 5.7.4 Unrecognized authentication type');
  assert.match(missing.body.failure.hint, /AUTH NTLM.*Integrated Windows authentication/);
  for (const result of [verified, wrong, missing])
    for (const form of [...passwordForms(account.password), ...passwordForms(wrongPassword)]) assert.ok(!result.raw.includes(form));
});

test('a server without AUTH NTLM: delivery defers at AUTH with its 504 reply', async () => {
  await using noNtlm = await startNtlmSmtpServer({ accounts: [account], mechanisms: ['LOGIN'] });
  await using h = await startHarness();
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', ntlmSettings(noNtlm))).status, 200);
  const deferred = await settled(h, await postEvent(h), ['deferred', 'failed']);
  assert.deepEqual(
    [deferred.state, deferred.lastStage, deferred.lastReplyCode, deferred.lastReply],
    ['deferred', 'auth', 504, '504 5.7.4 Unrecognized authentication type'],
  );
  assert.equal(noNtlm.authentications.length, 0);
});

test('settings: ntlm needs a Windows domain and the smtp provider; nothing is stored when refused', async () => {
  await using h = await startHarness();
  const base = { provider: 'smtp', host: 'exchange.corp.example.test', fromAddress: 'herald@corp.example.test' };
  const ntlm = { ...base, auth: 'ntlm', username: 'svc-herald', password: account.password };
  const before = await h.api('GET', '/api/v1/system/mail-server');
  const refusals: Array<[Record<string, unknown>, string, string]> = [
    [ntlm, '/domain', 'required'],
    [{ ...ntlm, domain: '' }, '/domain', 'required'],
    [{ ...ntlm, domain: 'CORP\\ops' }, '/domain', 'format'],
    [{ ...ntlm, domain: 'ACCOUNTING-DIVISION' }, '/domain', 'format'],
    [{ ...ntlm, domain: 'corp.example.test.' }, '/domain', 'format'],
    [{ ...ntlm, domain: 'CORP', workstation: 'herald.corp' }, '/workstation', 'format'],
    [{ ...ntlm, domain: 'CORP', username: 'CORP\\svc-herald' }, '/username', 'format'],
    [{ ...ntlm, provider: 'microsoft365', domain: 'CORP' }, '/auth', 'provider'],
    [{ ...base, auth: 'password', username: 'ops', password: 'pw', domain: 'CORP' }, '/domain', 'unexpected'],
  ];
  for (const [body, field, rule] of refusals) {
    const refused = await h.api('PUT', '/api/v1/system/mail-server', body);
    assert.equal(refused.status, 400, `${JSON.stringify(body)}: ${refused.raw}`);
    assert.ok(
      refused.body.error.details.some((detail: any) => detail.field === field && detail.rule === rule),
      `${field} ${rule}: ${refused.raw}`,
    );
    assert.match(refused.body.error.message, new RegExp(field.replace('/', '\\/')));
  }
  assert.deepEqual((await h.api('GET', '/api/v1/system/mail-server')).body, before.body, 'a refused write stores nothing');

  for (const domain of ['CORP', 'corp', 'corp.example.test']) {
    const saved = await h.api('PUT', '/api/v1/system/mail-server', { ...ntlm, domain });
    assert.equal(saved.status, 200, saved.raw);
    assert.equal(saved.body.settings.domain, domain);
    assert.equal(saved.body.settings.workstation, null);
    assert.ok(!saved.raw.includes(account.password));
  }
  const otherDomain = await h.api('PUT', '/api/v1/system/mail-server', { ...ntlm, domain: 'OTHER', password: undefined });
  assert.equal(otherDomain.status, 422, 'the stored password belongs to the account in its domain');
  assert.equal(otherDomain.body.error.details[0].field, '/password');
  assert.match(otherDomain.body.error.details[0].message, /domain changed/);
  const kept = await h.api('PUT', '/api/v1/system/mail-server', {
    ...ntlm,
    domain: 'corp.example.test',
    workstation: 'HERALD01',
    password: undefined,
  });
  assert.equal(kept.status, 200, `the same domain and a new workstation keep the password: ${kept.raw}`);
  assert.equal(kept.body.settings.passwordSet, true);
});
