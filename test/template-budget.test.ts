import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './support/herald-harness.js';
import { asUser, createAccount, signIn } from './support/accounts.js';

// Real: Herald (app, database of this run's dialect), requests through inject(). Nothing is faked.

async function tenants(h: Harness) {
  for (const id of ['a', 'b']) {
    assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: `Tenant ${id.toUpperCase()}` })).status, 201);
    await h.api('PUT', `/api/v1/tenants/${id}/recipients`, { recipients: [`admin@${id}.test`] });
  }
}

test('preview renders a template of the caller\'s choosing: it needs settings:write, a viewer gets 403', async () => {
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
