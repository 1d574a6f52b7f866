import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness } from './support/herald-harness.js';

// Real: Herald (app, database, ingest). The payload (test/fixtures/alertmanager-v4.json) was
// captured from a real Alertmanager: Debian's prometheus-alertmanager 0.25.0 on 127.0.0.1, with a
// webhook receiver (send_resolved, group_by alertname) pointing at a local HTTP server, after two
// InstanceDown alerts were posted to its /api/v2/alerts. The suite does not need Alertmanager.

const payload = JSON.parse(readFileSync(new URL('./fixtures/alertmanager-v4.json', import.meta.url), 'utf8'));

test('Alertmanager webhook: each alert becomes a tenant alert event (fingerprint dedup, labels in templates, resolved once)', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['oncall@acme.test'] });
  const template = await h.api('PUT', '/api/v1/tenants/acme/templates/alert.generic', {
    subject: '{{ labels.alertname }} on {{ labels.instance }}',
    html: '<p>{{ annotations.description }}</p>',
  });
  assert.equal(template.status, 200, template.raw);

  const first = await h.api('POST', '/api/v1/integrations/alertmanager?tenantId=acme', payload);
  assert.equal(first.status, 202, first.raw);
  assert.deepEqual(
    first.body.events.map((e: any) => [e.scope, e.outcome]),
    [
      ['acme', 'queued'],
      ['acme', 'queued'],
    ],
  );
  const subjects = await h.herald.store.db
    .selectFrom('messages')
    .innerJoin('message_bodies', 'message_bodies.message_id', 'messages.id')
    .select(['subject', 'html_body'])
    .where('scope_id', '=', 'acme')
    .orderBy('subject')
    .execute();
  assert.deepEqual(
    subjects.map((m) => m.subject),
    ['InstanceDown on db-1:9100', 'InstanceDown on db-2:9100'],
  );
  assert.match(subjects[0]!.html_body!, /has been down for more than 5 minutes/);
  const alerts = (await h.api('GET', '/api/v1/tenants/acme/alerts')).body.items;
  assert.deepEqual(alerts.map((a: any) => a.dedupKey).sort(), ['am:b3849143346c2112', 'am:ffdd78bd7f1cd0ed']);

  // Alertmanager repeats firing alerts: deduplicated by fingerprint.
  const repeat = await h.api('POST', '/api/v1/integrations/alertmanager?tenantId=acme', payload);
  assert.deepEqual(
    repeat.body.events.map((e: any) => e.outcome),
    ['suppressed', 'suppressed'],
  );
  const resolvedPayload = {
    ...payload,
    status: 'resolved',
    alerts: [{ ...payload.alerts[0], status: 'resolved', endsAt: '2026-11-21T08:25:00Z' }],
  };
  assert.deepEqual(
    (await h.api('POST', '/api/v1/integrations/alertmanager?tenantId=acme', resolvedPayload)).body.events.map((e: any) => e.outcome),
    ['queued'],
  );
  assert.deepEqual(
    (await h.api('POST', '/api/v1/integrations/alertmanager?tenantId=acme', resolvedPayload)).body.events.map((e: any) => e.outcome),
    ['suppressed'],
  );

  assert.equal((await h.api('POST', '/api/v1/integrations/alertmanager?tenantId=nope', payload)).status, 404);
  assert.equal((await h.api('POST', '/api/v1/integrations/alertmanager', { ...payload, version: '3' })).status, 400);
  assert.equal((await h.api('GET', '/api/v1/system/alerts')).body.items.length, 0, 'nothing leaked into the system scope');
});
