import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBuiltin, type NotificationContext } from './render.js';

const context = (data: Record<string, unknown>, alerts: NotificationContext['alerts'] = []): NotificationContext => ({
  event: {
    id: 'evt_1',
    type: 'service.failed',
    title: 'Service failed',
    severity: 'critical',
    status: 'firing',
    occurredAt: '2026-11-21T09:00:00.000Z',
    dedupKey: null,
    renotify: false,
  },
  data,
  labels: {},
  annotations: {},
  scope: { id: 'acme', name: 'Acme <Ops>' },
  brand: { productName: 'Herald', logoUrl: null, primaryColor: '#0b5cad', backgroundColor: '#ffffff', footer: '' },
  user: null,
  alerts,
});

test('the built-in email escapes every value in its HTML part and keeps the text part plain', () => {
  const rendered = renderBuiltin(
    { id: 'service.failed', title: 'Service failed', summary: '' },
    context({ title: '<script>alert(1)</script>', 'na<me>': 'a & "b"', count: 3 }, [
      { type: 'x', title: "it's <b>", severity: 'warning', status: 'firing', occurredAt: 'now', data: {} },
    ]),
    Date.parse('2026-11-21T09:00:00Z'),
  );
  assert.doesNotMatch(rendered.html, /<script>|<me>|<b>it|<Ops>/);
  assert.match(rendered.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(rendered.html, /na&lt;me&gt;<\/td><td>a &amp; &#34;b&#34;<\/td>/);
  assert.match(rendered.html, /it&#39;s &lt;b&gt;/);
  assert.match(rendered.html, /Acme &lt;Ops&gt;/);
  assert.match(rendered.text, /na<me>: a & "b"/);
  assert.match(rendered.subject, /<script>alert\(1\)<\/script>/);
});
