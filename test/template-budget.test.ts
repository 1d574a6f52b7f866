import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './support/herald-harness.js';
import { asToken, asUser, createAccount, createToken, signIn } from './support/accounts.js';

// Real: Herald (app, database of this run's dialect, ingest, render threads), requests through
// inject() and timed as they are answered. Nothing is faked.

// Nested loops over an array whose size the event's data decides: service.failed's sample host,
// "pbx-01", makes 8 × 8 turns, so the save check passes; an event with a 15-character host makes
// 4,096 × 4,096 (seconds of CPU; Liquid's own 2 s limit stopped it, on the main thread).
const dataDependent = {
  subject: 'Hostile {{ data.service }}',
  html: '{% assign n = data.host | size | minus: 3 %}{% assign s = "x" %}{% for i in (1..n) %}{% assign s = s | append: s %}{% endfor %}{% assign cells = s | split: "" %}{% for row in cells %}{% for cell in cells %}{% endfor %}{% endfor %}<p>{{ cells | size }} cells</p>',
};
const slowData = { service: 'media-server', state: 'failed', host: 'h'.repeat(15) };

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.ceil((p / 100) * samples.length) - 1]!;

async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await call();
  return [result, performance.now() - started];
}

async function tenants(h: Harness) {
  for (const id of ['a', 'b']) {
    assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: `Tenant ${id.toUpperCase()}` })).status, 201);
    await h.api('PUT', `/api/v1/tenants/${id}/recipients`, { recipients: [`admin@${id}.test`] });
  }
}

test(
  "a tenant's slow template stalls nobody: its previews and events run over budget in the render threads, the other tenant's events and /healthz stay fast",
  { timeout: 300_000 },
  async () => {
    await using h = await startHarness();
    await tenants(h);
    const adminOfA = asToken(h, (await createToken(h, 'a', ['events:write', 'settings:read', 'settings:write'])).token);
    const postA = (data: object) => adminOfA('POST', '/api/v1/events', { type: 'service.failed', tenant: 'a', data });
    const postB = () =>
      h.api('POST', '/api/v1/events', { type: 'service.failed', tenant: 'b', data: { service: 'backup', state: 'stopped', host: 'db-1' } });
    // At least 300 samples of B's event → 202 and of /healthz, one after the other, while A posts an
    // event every 10 samples.
    const sampleB = async (dataOfA: object, more: () => boolean = () => false) => {
      const events: number[] = [];
      const health: number[] = [];
      const eventsOfA: Array<ReturnType<typeof postA>> = [];
      while ((events.length < 300 || more()) && events.length < 1_000) {
        if (events.length % 10 === 0) eventsOfA.push(postA(dataOfA));
        const [event, eventMs] = await timed(postB);
        assert.equal(event.status, 202, event.raw);
        events.push(eventMs);
        const [healthz, healthMs] = await timed(() => h.api('GET', '/healthz'));
        assert.equal(healthz.status, 200);
        health.push(healthMs);
      }
      return { events, health, eventsOfA: await Promise.all(eventsOfA) };
    };
    const messageOf = (event: { body: any }) =>
      h.herald.store.db
        .selectFrom('messages')
        .innerJoin('message_bodies', 'message_bodies.message_id', 'messages.id')
        .selectAll('messages')
        .select(['text_body', 'html_body'])
        .where('event_id', '=', event.body.eventId)
        .executeTakeFirstOrThrow();
    const notesOf = async (event: { body: any }) =>
      (await h.api('GET', `/api/v1/events/${event.body.eventId}`)).body.notes as Array<{ kind: string; code: string; message: string }>;

    // What B sees on this machine, now, while A sends with an ordinary template of its own.
    assert.equal(
      (
        await adminOfA('PUT', '/api/v1/tenants/a/templates/service.failed', {
          subject: 'Down: {{ data.service }}',
          html: '<p>{{ data.host }}</p>',
        })
      ).status,
      200,
    );
    const ordinary = await sampleB({ service: 'sip', state: 'failed', host: 'pbx' });
    for (const event of ordinary.eventsOfA) assert.equal((await messageOf(event)).subject, 'Down: sip', "rendered with A's template");

    // A saves the hostile template (through the API: the sample data is small), then previews it with
    // slow data in a loop and posts events that render it.
    const saved = await adminOfA('PUT', '/api/v1/tenants/a/templates/service.failed', dataDependent);
    assert.equal(saved.status, 200, saved.raw);
    let attacking = true;
    const previews: Array<{ status: number; rule?: string }> = [];
    const previewing = (async () => {
      while (attacking) {
        const preview = await adminOfA('POST', '/api/v1/tenants/a/templates/preview', { type: 'service.failed', data: slowData });
        previews.push({ status: preview.status, rule: preview.body?.error?.details?.[0]?.rule });
      }
    })();
    const attacked = await sampleB(slowData, () => previews.length < 3);
    attacking = false;
    await previewing;

    const p99 = (samples: number[]) => percentile(samples, 99);
    // The machine is shared and busy, so the limit follows what B saw before: 100 ms, or three times
    // that p99. Rendering on the main thread, one preview held the event loop for a second or more, and
    // B's p99 went to 0.9–2 s on this machine (5–25 times its p99 before).
    const limit = Math.max(100, 3 * p99(ordinary.events));
    const slowest = (samples: number[]) =>
      [...samples]
        .sort((x, y) => y - x)
        .slice(0, 5)
        .map((ms) => ms.toFixed(0))
        .join(', ');
    const report = `before: p99 ${p99(ordinary.events).toFixed(0)} ms (slowest ${slowest(ordinary.events)}); attacked: p99 ${p99(attacked.events).toFixed(0)} ms (slowest ${slowest(attacked.events)}) over ${attacked.events.length} samples, /healthz p99 ${p99(attacked.health).toFixed(0)} ms, ${previews.length} previews`;
    console.log(report);
    assert.ok(p99(attacked.events) <= limit, `B's events stay fast (limit ${limit.toFixed(0)} ms): ${report}`);
    assert.ok(p99(attacked.health) <= limit, `/healthz stays fast (limit ${limit.toFixed(0)} ms): ${report}`);

    // Every preview was refused for its budget, naming the rule.
    assert.ok(previews.length >= 3, report);
    assert.deepEqual(
      previews.filter((p) => p.status !== 422 || p.rule !== 'budget'),
      [],
      'every preview: 422 template_invalid, rule budget',
    );

    // A's events were accepted and sent with the built-in email, and their notes say why. After the
    // first overrun the version is skipped at once rather than run again.
    const skipped: string[] = [];
    for (const event of attacked.eventsOfA) {
      assert.equal(event.status, 202, event.raw);
      const message = await messageOf(event);
      assert.equal(message.subject, '[critical] Service stopped or failed — Tenant A', "the built-in subject, not the template's");
      assert.match(message.html_body!, /The service media-server on h{15} is failed\./);
      assert.doesNotMatch(message.html_body!, /\d+ cells/);
      const notes = await notesOf(event);
      assert.deepEqual(
        notes.map((note) => [note.kind, note.code]),
        [['warning', 'template_budget']],
        JSON.stringify(notes),
      );
      assert.match(notes[0]!.message, /^the a template v2 was stopped: .+; the built-in default was sent$/);
      if (/stopped: this template version/.test(notes[0]!.message)) skipped.push(event.body.eventId);
    }
    assert.ok(skipped.length >= attacked.eventsOfA.length - 2, `${skipped.length} of ${attacked.eventsOfA.length} skipped`);
  },
);

test("preview renders a template of the caller's choosing: it needs settings:write, a viewer gets 403", async () => {
  await using h = await startHarness();
  await tenants(h);
  const password = 'correct horse battery 9';
  await createAccount(h, 'a', { email: 'viewer@a.test', role: 'tenant_viewer', password });
  await createAccount(h, 'a', { email: 'admin@a.test', role: 'tenant_admin', password });
  const viewer = asUser(h, await signIn(h, { email: 'viewer@a.test', password, tenantId: 'a' }));
  const admin = asUser(h, await signIn(h, { email: 'admin@a.test', password, tenantId: 'a' }));
  const body = { type: 'service.failed', subject: 'Down: {{ data.service }}', html: '<p>{{ data.host }}</p>' };

  const refused = await viewer('POST', '/api/v1/tenants/a/templates/preview', body);
  assert.equal(refused.status, 403, refused.raw);
  assert.equal(refused.body.error.code, 'forbidden');
  assert.equal((await viewer('GET', '/api/v1/tenants/a/templates/service.failed')).status, 200, 'a viewer still reads templates');
  const previewed = await admin('POST', '/api/v1/tenants/a/templates/preview', body);
  assert.equal(previewed.status, 200, previewed.raw);
  assert.equal(previewed.body.subject, 'Down: media-server');
});

test("save refuses a template that goes over the render budget with the type's sample data, naming the rule", async () => {
  await using h = await startHarness();
  await tenants(h);
  // One filter call, sorting 131,072 strings (three times): Liquid's own render limit cannot stop it.
  const sorts = {
    subject: 'Sorted',
    html: '{% assign s = "x" %}{% for i in (1..17) %}{% assign s = s | append: s %}{% endfor %}<p>{{ s | split: "" | sort_natural | sort_natural | sort_natural | size }}</p>',
  };
  const refused = await h.api('PUT', '/api/v1/tenants/a/templates/service.failed', sorts);
  assert.equal(refused.status, 422, refused.raw);
  assert.equal(refused.body.error.code, 'template_invalid');
  assert.deepEqual(
    refused.body.error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]),
    [['/', 'budget']],
  );
  assert.equal((await h.api('GET', '/api/v1/tenants/a/templates/service.failed')).body.origin, 'builtin', 'nothing was stored');

  // The render threads live on: an ordinary template is saved and renders after the overrun.
  const ordinary = await h.api('PUT', '/api/v1/tenants/a/templates/service.failed', {
    subject: 'Down: {{ data.service }}',
    html: '<p>{{ data.host }}</p>',
  });
  assert.equal(ordinary.status, 200, ordinary.raw);
  const event = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    tenant: 'a',
    data: { service: 'sip', state: 'failed', host: 'pbx' },
  });
  const message = await h.herald.store.db
    .selectFrom('messages')
    .selectAll()
    .where('event_id', '=', event.body.eventId)
    .executeTakeFirstOrThrow();
  assert.equal(message.subject, 'Down: sip');
});
