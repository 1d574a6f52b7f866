import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './support/herald-harness.js';
import { acmeWithTemplate } from './support/template-tenants.js';

// Real: Herald (app, database, ingest, templates); messages read from the database as stored.

test('templates: inheritance system → tenant, preview, refused at save, runtime fallback with a warning, escaping, multipart', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['root@example.test'] });
  await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['admin@acme.test'] });
  const message = async (body: object) => {
    const event = await h.api('POST', '/api/v1/events', body);
    assert.equal(event.body.outcome, 'queued', event.raw);
    return {
      event: event.body,
      row: await h.herald.store.db
        .selectFrom('messages')
        .innerJoin('message_bodies', 'message_bodies.message_id', 'messages.id')
        .selectAll('messages')
        .select(['text_body', 'html_body'])
        .where('event_id', '=', event.body.eventId)
        .executeTakeFirstOrThrow(),
    };
  };

  // Refused at save: syntax error, unknown variable; nothing stored.
  const syntax = await h.api('PUT', '/api/v1/system/templates/license.limit', { subject: '{{ data.used ', html: '<p>x</p>' });
  assert.equal(syntax.status, 422);
  assert.equal(syntax.body.error.details[0].field, '/subject');
  const unknown = await h.api('PUT', '/api/v1/system/templates/license.limit', { subject: 'Limit', html: '<p>{{ data.nope }}</p>' });
  assert.equal(unknown.status, 422);
  assert.match(unknown.body.error.message, /undefined variable: data.nope/);
  assert.equal((await h.api('GET', '/api/v1/system/templates/license.limit')).body.origin, 'builtin');

  const saved = await h.api('PUT', '/api/v1/system/templates/license.limit', {
    subject: 'License: {{ data.used }}/{{ data.limit }} {{ data.item }}',
    html: '<style>.big { font-size: 20px; }</style><p class="big">Used {{ data.used }} of {{ data.limit }} {{ data.item }}</p>',
  });
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.version, 1);
  // The tenant inherits the system's template.
  assert.deepEqual([(await h.api('GET', '/api/v1/tenants/acme/templates/license.limit')).body.origin], ['system']);
  const inherited = await message({ type: 'license.limit', tenant: 'acme', data: { used: 5, limit: 5, item: '<script>x</script>' } });
  assert.equal(inherited.row.subject, 'License: 5/5 <script>x</script>');
  assert.match(inherited.row.html_body!, /&lt;script&gt;x&lt;\/script&gt;/, 'event data is escaped in HTML');
  assert.doesNotMatch(inherited.row.html_body!, /<script>/);
  assert.match(inherited.row.html_body!, /<p class="big" style="font-size: 20px;">/, 'CSS inlined');
  assert.match(inherited.row.text_body, /Used 5 of 5 <script>x<\/script>/, 'text part generated from the HTML');

  // The tenant overrides it; the system scope keeps its own.
  await h.api('PUT', '/api/v1/tenants/acme/templates/license.limit', {
    subject: 'Acme limit {{ data.used }}',
    html: '<p>{{ scope.name }}</p>',
    text: 'Plain {{ data.used }}',
  });
  const own = await message({ type: 'license.limit', tenant: 'acme', data: { used: 7, limit: 9, item: 'seats' } });
  assert.deepEqual([own.row.subject, own.row.text_body], ['Acme limit 7', 'Plain 7']);
  assert.equal((await message({ type: 'license.limit', data: { used: 7, limit: 9, item: 'seats' } })).row.subject, 'License: 7/9 seats');

  // Runtime failure (the event lacks a variable the template needs): the built-in default goes out, with a warning.
  const fallback = await message({ type: 'license.limit', data: { used: 1 } });
  assert.match(fallback.row.subject, /^\[warning\] License limit reached — System$/);
  const notes = (await h.api('GET', `/api/v1/events/${fallback.event.eventId}`)).body.notes;
  assert.equal(notes[0].kind, 'warning');
  assert.equal(notes[0].code, 'template_failed');

  // Preview renders without sending: with the sample data, or given data and an unsaved template.
  const before = (await h.herald.store.db.selectFrom('messages').select('id').execute()).length;
  const preview = await h.api('POST', '/api/v1/tenants/acme/templates/preview', { type: 'license.limit' });
  assert.equal(preview.status, 200, preview.raw);
  assert.equal(preview.body.subject, 'Acme limit 100');
  const unsaved = await h.api('POST', '/api/v1/system/templates/preview', {
    type: 'host.cpu',
    subject: 'CPU {{ data.value }}%',
    html: '<b>{{ data.host }}</b>',
    data: { value: 99, host: '<h1>' },
  });
  assert.equal(unsaved.body.subject, 'CPU 99%');
  assert.match(unsaved.body.html, /<b>&lt;h1&gt;<\/b>/);
  assert.equal((await h.api('POST', '/api/v1/system/templates/preview', { type: 'host.cpu', html: '{% if %}' })).status, 422);
  assert.equal((await h.herald.store.db.selectFrom('messages').select('id').execute()).length, before, 'preview sends nothing');

  // The built-in default is multipart with the branded layout.
  await h.api('PATCH', '/api/v1/system/notifications', {
    branding: { productName: 'Acme PBX', primaryColor: '#ff0000', footer: 'Acme Inc.' },
  });
  const builtin = await message({ type: 'service.failed', data: { service: 'sip', state: 'stopped', host: 'pbx' } });
  assert.match(builtin.row.html_body!, /Acme PBX/);
  assert.match(builtin.row.html_body!, /background: #ff0000/);
  assert.match(builtin.row.text_body, /The service sip on pbx is stopped\./);
  assert.equal((await h.api('DELETE', '/api/v1/tenants/acme/templates/license.limit')).status, 204);
  assert.equal((await h.api('GET', '/api/v1/tenants/acme/templates/license.limit')).body.origin, 'system');
});

test('the first event with a template after the render threads stopped starts one without holding the database: other events commit meanwhile', async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'debug', HERALD_TEMPLATE_IDLE: '1s' });
  await acmeWithTemplate(h, 'Acme: {{ data.service }} is {{ data.state }}');
  const logged = (message: string) => h.logs.filter((line) => line.includes(message)).length;
  // The save's check started the threads; with nothing more to render they stop.
  await h.until(async () => h.logs.some((line) => line.includes('idle template render threads stopped') && line.includes('"threads":0')));
  const post = (tenant: string) =>
    h.api('POST', '/api/v1/events', { type: 'service.failed', tenant, data: { service: 'sip', state: 'failed', host: 'pbx' } });

  let templated: Awaited<ReturnType<typeof post>> | undefined;
  const started = logged('a template render thread is starting');
  const first = post('acme').then((response) => (templated = response));
  await h.until(async () => logged('a template render thread is starting') > started);
  // One after another until Acme's event is answered: each is a commit of its own.
  const meanwhile: number[] = [];
  while (!templated) {
    const other = await post('globex');
    assert.equal(other.status, 202, other.raw);
    if (!templated) meanwhile.push(other.status);
  }
  await first;
  assert.equal(templated.status, 202, templated.raw);
  assert.ok(meanwhile.length >= 2, `Globex's events were committed while Acme's render thread started (${meanwhile.length})`);
  assert.equal(logged('a template render thread is starting'), started + 1, 'one event, one thread started for it');
  const message = await h.herald.store.db
    .selectFrom('messages')
    .select('subject')
    .where('event_id', '=', templated.body.eventId)
    .executeTakeFirstOrThrow();
  assert.equal(message.subject, 'Acme: sip is failed', "rendered with Acme's template once the thread was ready");
  assert.deepEqual((await h.api('GET', `/api/v1/events/${templated.body.eventId}`)).body.notes, [], 'no warning: nothing fell back');
});
