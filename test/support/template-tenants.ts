import assert from 'node:assert/strict';
import type { Harness } from './herald-harness.js';

/** Tenants acme and globex, each with one recipient; acme with a `service.failed` template of its own. */
export async function acmeWithTemplate(h: Harness, subject: string): Promise<void> {
  for (const id of ['acme', 'globex']) {
    await h.api('POST', '/api/v1/tenants', { id, name: id });
    await h.api('PUT', `/api/v1/tenants/${id}/recipients`, { recipients: [`admin@${id}.test`] });
  }
  const saved = await h.api('PUT', '/api/v1/tenants/acme/templates/service.failed', { subject, html: '<p>{{ data.host }}</p>' });
  assert.equal(saved.status, 200, saved.raw);
}
