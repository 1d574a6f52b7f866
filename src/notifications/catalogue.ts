import type { Kysely } from 'kysely';
import { AppError, fieldError } from '../shared/app-error.js';
import { summaryProblem } from '../templates/index.js';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';

export type Audience = 'admins' | 'user' | 'subscribers';
export type Severity = 'info' | 'warning' | 'critical';

/** One kind of event Herald knows how to notify about. */
export interface EventType {
  id: string;
  title: string;
  category: string;
  severity: Severity;
  audience: Audience;
  /** Whether a member may turn it off in personal settings (never for password recovery or security). */
  optOut: boolean;
  defaultEnabled: boolean;
  /** Data a template is checked against when saved, and rendered with by preview. */
  sampleData: Record<string, unknown>;
  /** One Liquid line that opens the built-in email body. */
  summary: string;
  origin: 'builtin' | 'registered' | 'unregistered';
}

const host = { host: 'pbx-01', value: 93, threshold: 90 };

type Builtin = Omit<EventType, 'origin' | 'optOut' | 'defaultEnabled'> & { optOut?: boolean; defaultEnabled?: boolean };

// Every event of the reference portals (see /work/shared/reference and docs/api.md#event-catalogue).
const builtins: Builtin[] = [
  { id: 'host.cpu', title: 'CPU usage over threshold', category: 'host', severity: 'warning', audience: 'admins', sampleData: host, summary: 'CPU usage on {{ data.host }} is {{ data.value }}% (threshold {{ data.threshold }}%).' },
  { id: 'host.memory', title: 'Memory usage over threshold', category: 'host', severity: 'warning', audience: 'admins', sampleData: host, summary: 'Memory usage on {{ data.host }} is {{ data.value }}% (threshold {{ data.threshold }}%).' },
  { id: 'host.disk', title: 'Disk usage over threshold', category: 'host', severity: 'warning', audience: 'admins', sampleData: { ...host, path: '/var' }, summary: 'Disk usage of {{ data.path }} on {{ data.host }} is {{ data.value }}% (threshold {{ data.threshold }}%).' },
  { id: 'ip.blacklisted', title: 'IP address blacklisted', category: 'security', severity: 'critical', audience: 'admins', optOut: false, sampleData: { ip: '203.0.113.9', reason: 'too many failed registrations' }, summary: 'The IP address {{ data.ip }} was blacklisted.' },
  { id: 'license.limit', title: 'License limit reached', category: 'license', severity: 'warning', audience: 'admins', sampleData: { used: 100, limit: 100, item: 'extensions' }, summary: 'The license limit was reached: {{ data.used }} of {{ data.limit }} {{ data.item }}.' },
  { id: 'service.failed', title: 'Service stopped or failed', category: 'service', severity: 'critical', audience: 'admins', sampleData: { service: 'media-server', state: 'failed', host: 'pbx-01' }, summary: 'The service {{ data.service }} on {{ data.host }} is {{ data.state }}.' },
  { id: 'certificate.update_failed', title: 'Certificate update failed', category: 'service', severity: 'critical', audience: 'admins', sampleData: { certificate: 'push notification (APNs)', error: 'expired' }, summary: 'The {{ data.certificate }} certificate could not be updated: {{ data.error }}.' },
  { id: 'password.recovery', title: 'Password recovery', category: 'account', severity: 'info', audience: 'user', optOut: false, sampleData: { link: 'https://portal.example.com/reset?token=abc', expiresIn: '30 minutes' }, summary: 'Use this link within {{ data.expiresIn }} to choose a new password: {{ data.link }}' },
  { id: 'user.created', title: 'User created', category: 'account', severity: 'info', audience: 'user', sampleData: { login: 'jane', portalUrl: 'https://portal.example.com' }, summary: 'Your account {{ data.login }} was created: {{ data.portalUrl }}' },
  { id: 'license.status', title: 'License status', category: 'license', severity: 'info', audience: 'admins', sampleData: { status: 'expires soon', expiresAt: '2026-12-31' }, summary: 'License status: {{ data.status }} (expires {{ data.expiresAt }}).' },
  { id: 'product.update', title: 'Product update', category: 'product', severity: 'info', audience: 'admins', sampleData: { version: '2.4.0', notesUrl: 'https://example.com/notes' }, summary: 'Version {{ data.version }} is available: {{ data.notesUrl }}' },
  { id: 'job.failed', title: 'Job failed / robot alert', category: 'automation', severity: 'warning', audience: 'subscribers', sampleData: { job: 'Invoice import', robot: 'robot-7', error: 'timeout' }, summary: 'The job {{ data.job }} on {{ data.robot }} failed: {{ data.error }}.' },
  { id: 'record.added', title: 'Record added', category: 'app', severity: 'info', audience: 'subscribers', sampleData: { app: 'Customers', record: 'ACME Corp', url: 'https://portal.example.com/r/1' }, summary: 'A record was added to {{ data.app }}: {{ data.record }}.' },
  { id: 'comment.posted', title: 'Comment posted', category: 'app', severity: 'info', audience: 'subscribers', sampleData: { author: 'Jane', record: 'ACME Corp', comment: 'Looks good' }, summary: '{{ data.author }} commented on {{ data.record }}: {{ data.comment }}' },
  { id: 'audit.entry', title: 'Audit entry', category: 'security', severity: 'info', audience: 'admins', optOut: false, defaultEnabled: false, sampleData: { actor: 'admin@example.com', action: 'settings.changed' }, summary: '{{ data.actor }}: {{ data.action }}' },
  { id: 'alert.generic', title: 'Alert', category: 'alert', severity: 'warning', audience: 'admins', sampleData: { alertname: 'HighLatency', summary: 'p99 latency above 2s', labels: { alertname: 'HighLatency', instance: 'web-1', job: 'web', severity: 'warning' }, annotations: { summary: 'p99 latency above 2s', description: 'p99 latency of web-1 has been above 2s for 10 minutes.' } }, summary: '{{ data.summary }}' },
  { id: 'mail.delivery_failing', title: 'Mail delivery failing', category: 'system', severity: 'critical', audience: 'admins', optOut: false, sampleData: { scope: 'acme', failingFor: '15 minutes', failed: 3, deferred: 12, lastError: '421 try later' }, summary: '{% if data.heldReason %}Mail of {{ data.scope }} is held ({{ data.held }} messages): {{ data.heldReason }}.{% else %}Mail of {{ data.scope }} has failed or been deferred for {{ data.failingFor }} ({{ data.failed }} failed, {{ data.deferred }} deferred). Last reply: {{ data.lastError }}{% endif %}' },
];

export const builtinTypes: ReadonlyMap<string, EventType> = new Map(
  builtins.map((type) => [type.id, { optOut: true, defaultEnabled: true, ...type, origin: 'builtin' as const }]),
);

/** A type nobody registered: it still sends (to the scope's admins) so no event is lost for want of a definition. */
export function unregisteredType(id: string, severity: Severity = 'info'): EventType {
  const words = id.replace(/[._-]+/g, ' ').trim();
  return {
    id, title: words.charAt(0).toUpperCase() + words.slice(1), category: 'custom', severity, audience: 'admins',
    optOut: true, defaultEnabled: true, sampleData: {}, summary: '', origin: 'unregistered',
  };
}

export type EventTypeInput = Partial<Omit<EventType, 'origin' | 'id'>> & { id: string; title: string };

/** Registers an application's own event type in a scope (a system one is seen by every tenant); `along` runs in its transaction. */
export async function registerEventType(db: Kysely<Database>, clock: Clock, scopeId: string, input: EventTypeInput, along?: AlongWith<EventType>): Promise<EventType> {
  const taken = builtinTypes.has(input.id) || (await db.selectFrom('event_types').select('id').where('id', '=', input.id).where('scope_id', 'in', [scopeId, 'system']).executeTakeFirst());
  if (taken) throw new AppError('event_type_exists', `The event type ${input.id} already exists.`, [{ field: '/id', rule: 'unique', message: 'already exists' }]);
  const summary = input.summary === undefined ? undefined : summaryProblem(input.summary);
  if (summary) throw fieldError('/summary', 'summary', summary);
  const type: EventType = {
    category: 'custom', severity: 'info', audience: 'admins', optOut: true, defaultEnabled: true, sampleData: {}, summary: '',
    ...input, origin: 'registered',
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('event_types').values({ scope_id: scopeId, id: type.id, definition: JSON.stringify(type), created_at: clock.now() }).execute();
    await along?.(trx, type);
  });
  return type;
}

/** The types a scope sees: the built-ins, the system's registered ones, and its own. */
export async function loadRegisteredTypes(db: Kysely<Database>, scopeId: string): Promise<Map<string, EventType>> {
  const rows = await db.selectFrom('event_types').select(['scope_id', 'definition']).where('scope_id', 'in', [scopeId, 'system']).orderBy('created_at').execute();
  return new Map(rows.map((row) => {
    const type = JSON.parse(row.definition) as EventType;
    return [type.id, type];
  }));
}

export function findType(registered: ReadonlyMap<string, EventType>, id: string, severity?: Severity): EventType {
  return builtinTypes.get(id) ?? registered.get(id) ?? unregisteredType(id, severity);
}

export async function listEventTypes(db: Kysely<Database>, scopeId: string): Promise<EventType[]> {
  return [...builtinTypes.values(), ...(await loadRegisteredTypes(db, scopeId)).values()];
}
