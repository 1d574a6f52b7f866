import type { Kysely } from 'kysely';
import { AppError, fieldError } from '../shared/app-error.js';
import { summaryProblem } from '../templates/index.js';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { systemScopeId } from '../scopes/index.js';
import { rowsByScope } from '../store/in-lists.js';
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

// The summaries read well whichever of their fields an event carries (an empty value counts as
// missing): each value comes with its words, and a sentence without it says less, not nonsense.
/** `then` when the event has `data.<name>` (not empty), else `otherwise`. */
const ifData = (name: string, then: string, otherwise = '') =>
  `{% if data.${name} != blank %}${then}${otherwise ? `{% else %}${otherwise}` : ''}{% endif %}`;
/** `then` when the event has every one of `names`, else `otherwise`. */
const ifAll = (names: string[], then: string, otherwise = '') =>
  `{% if ${names.map((name) => `data.${name} != blank`).join(' and ')} %}${then}${otherwise ? `{% else %}${otherwise}` : ''}{% endif %}`;
const usage = (what: string) =>
  `${what}${ifData('host', ' on {{ data.host }}')} ${ifData('value', `is {{ data.value }}%${ifData('threshold', ' (threshold {{ data.threshold }}%)')}`, `is over the threshold${ifData('threshold', ' of {{ data.threshold }}%')}`)}.`;
const mailOf = `Mail${ifData('scope', ' of {{ data.scope }}')}`;

// Every event of the reference portals (see /work/shared/reference and docs/api.md#event-catalogue).
const builtins: Builtin[] = [
  {
    id: 'host.cpu',
    title: 'CPU usage over threshold',
    category: 'host',
    severity: 'warning',
    audience: 'admins',
    sampleData: host,
    summary: usage('CPU usage'),
  },
  {
    id: 'host.memory',
    title: 'Memory usage over threshold',
    category: 'host',
    severity: 'warning',
    audience: 'admins',
    sampleData: host,
    summary: usage('Memory usage'),
  },
  {
    id: 'host.disk',
    title: 'Disk usage over threshold',
    category: 'host',
    severity: 'warning',
    audience: 'admins',
    sampleData: { ...host, path: '/var' },
    summary: usage(`Disk usage${ifData('path', ' of {{ data.path }}')}`),
  },
  {
    id: 'ip.blacklisted',
    title: 'IP address blacklisted',
    category: 'security',
    severity: 'critical',
    audience: 'admins',
    optOut: false,
    sampleData: { ip: '203.0.113.9', reason: 'too many failed registrations' },
    summary: `${ifData('ip', 'The IP address {{ data.ip }}', 'An IP address')} was blacklisted${ifData('reason', ': {{ data.reason }}')}.`,
  },
  {
    id: 'license.limit',
    title: 'License limit reached',
    category: 'license',
    severity: 'warning',
    audience: 'admins',
    sampleData: { used: 100, limit: 100, item: 'extensions' },
    summary: `The license limit was reached${ifAll(['used', 'limit'], `: {{ data.used }} of {{ data.limit }}${ifData('item', ' {{ data.item }}')}`, ifData('item', ' for {{ data.item }}'))}.`,
  },
  {
    id: 'service.failed',
    title: 'Service stopped or failed',
    category: 'service',
    severity: 'critical',
    audience: 'admins',
    sampleData: { service: 'media-server', state: 'failed', host: 'pbx-01' },
    summary: `${ifData('service', 'The service {{ data.service }}', 'A service')}${ifData('host', ' on {{ data.host }}')} ${ifData('state', 'is {{ data.state }}', 'stopped or failed')}.`,
  },
  {
    id: 'certificate.update_failed',
    title: 'Certificate update failed',
    category: 'service',
    severity: 'critical',
    audience: 'admins',
    sampleData: { certificate: 'push notification (APNs)', error: 'expired' },
    summary: `${ifData('certificate', 'The {{ data.certificate }} certificate', 'A certificate')} could not be updated${ifData('error', ': {{ data.error }}')}.`,
  },
  {
    id: 'password.recovery',
    title: 'Password recovery',
    category: 'account',
    severity: 'info',
    audience: 'user',
    optOut: false,
    sampleData: { link: 'https://portal.example.com/reset?token=abc', expiresIn: '30 minutes' },
    summary: ifData(
      'link',
      `Use this link${ifData('expiresIn', ' within {{ data.expiresIn }}')} to choose a new password: {{ data.link }}`,
      'A new password was requested for your account.',
    ),
  },
  {
    id: 'user.created',
    title: 'User created',
    category: 'account',
    severity: 'info',
    audience: 'user',
    sampleData: { login: 'jane', portalUrl: 'https://portal.example.com' },
    summary: `Your account${ifData('login', ' {{ data.login }}')} was created${ifData('portalUrl', ': {{ data.portalUrl }}', '.')}`,
  },
  {
    id: 'license.status',
    title: 'License status',
    category: 'license',
    severity: 'info',
    audience: 'admins',
    sampleData: { status: 'expires soon', expiresAt: '2026-12-31' },
    summary: `License status${ifData('status', ': {{ data.status }}', ' changed')}${ifData('expiresAt', ' (expires {{ data.expiresAt }})')}.`,
  },
  {
    id: 'product.update',
    title: 'Product update',
    category: 'product',
    severity: 'info',
    audience: 'admins',
    sampleData: { version: '2.4.0', notesUrl: 'https://example.com/notes' },
    summary: `${ifData('version', 'Version {{ data.version }}', 'A new version')} is available${ifData('notesUrl', ': {{ data.notesUrl }}', '.')}`,
  },
  {
    id: 'job.failed',
    title: 'Job failed / robot alert',
    category: 'automation',
    severity: 'warning',
    audience: 'subscribers',
    sampleData: { job: 'Invoice import', robot: 'robot-7', error: 'timeout' },
    summary: `${ifData('job', 'The job {{ data.job }}', 'A job')}${ifData('robot', ' on {{ data.robot }}')} failed${ifData('error', ': {{ data.error }}')}.`,
  },
  {
    id: 'record.added',
    title: 'Record added',
    category: 'app',
    severity: 'info',
    audience: 'subscribers',
    sampleData: { app: 'Customers', record: 'ACME Corp', url: 'https://portal.example.com/r/1' },
    summary: `A record was added${ifData('app', ' to {{ data.app }}')}${ifData('record', ': {{ data.record }}')}.`,
  },
  {
    id: 'comment.posted',
    title: 'Comment posted',
    category: 'app',
    severity: 'info',
    audience: 'subscribers',
    sampleData: { author: 'Jane', record: 'ACME Corp', comment: 'Looks good' },
    summary: `${ifData('author', '{{ data.author }}', 'Someone')} commented${ifData('record', ' on {{ data.record }}')}${ifData('comment', ': {{ data.comment }}', '.')}`,
  },
  {
    id: 'audit.entry',
    title: 'Audit entry',
    category: 'security',
    severity: 'info',
    audience: 'admins',
    optOut: false,
    defaultEnabled: false,
    sampleData: { actor: 'admin@example.com', action: 'settings.changed' },
    summary: ifData(
      'action',
      `${ifData('actor', '{{ data.actor }}: ')}{{ data.action }}`,
      ifData('actor', 'An action by {{ data.actor }} was recorded.'),
    ),
  },
  {
    id: 'alert.generic',
    title: 'Alert',
    category: 'alert',
    severity: 'warning',
    audience: 'admins',
    sampleData: {
      alertname: 'HighLatency',
      summary: 'p99 latency above 2s',
      labels: { alertname: 'HighLatency', instance: 'web-1', job: 'web', severity: 'warning' },
      annotations: { summary: 'p99 latency above 2s', description: 'p99 latency of web-1 has been above 2s for 10 minutes.' },
    },
    summary: '{{ data.summary }}',
  },
  {
    id: 'mail.delivery_failing',
    title: 'Mail delivery failing',
    category: 'system',
    severity: 'critical',
    audience: 'admins',
    optOut: false,
    sampleData: { scope: 'acme', failingFor: '15 minutes', failed: 3, deferred: 12, lastError: '421 try later' },
    summary: ifData(
      'heldReason',
      `${mailOf} is held${ifData('held', ' ({{ data.held }} messages)')}: {{ data.heldReason }}.`,
      `${mailOf} has failed or been deferred${ifData('failingFor', ' for {{ data.failingFor }}')}${ifAll(['failed', 'deferred'], ' ({{ data.failed }} failed, {{ data.deferred }} deferred)')}.${ifData('lastError', ' Last reply: {{ data.lastError }}')}`,
    ),
  },
];

export const builtinTypes: ReadonlyMap<string, EventType> = new Map(
  builtins.map((type) => [type.id, { optOut: true, defaultEnabled: true, ...type, origin: 'builtin' as const }]),
);

/** A type nobody registered: it still sends (to the scope's admins) so no event is lost for want of a definition. */
export function unregisteredType(id: string, severity: Severity = 'info'): EventType {
  const words = id.replace(/[._-]+/g, ' ').trim();
  return {
    id,
    title: words.charAt(0).toUpperCase() + words.slice(1),
    category: 'custom',
    severity,
    audience: 'admins',
    optOut: true,
    defaultEnabled: true,
    sampleData: {},
    summary: '',
    origin: 'unregistered',
  };
}

export type EventTypeInput = Partial<Omit<EventType, 'origin' | 'id'>> & { id: string; title: string };

/** Registers an application's own event type in a scope (a system one is seen by every tenant); `along` runs in its transaction. */
export async function registerEventType(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  input: EventTypeInput,
  along?: AlongWith<EventType>,
): Promise<EventType> {
  const taken =
    builtinTypes.has(input.id) ||
    (await db
      .selectFrom('event_types')
      .select('id')
      .where('id', '=', input.id)
      .where('scope_id', 'in', [scopeId, 'system'])
      .executeTakeFirst());
  if (taken)
    throw new AppError('event_type_exists', `The event type ${input.id} already exists.`, [
      { field: '/id', rule: 'unique', message: 'already exists' },
    ]);
  const summary = input.summary === undefined ? undefined : summaryProblem(input.summary);
  if (summary) throw fieldError('/summary', 'summary', summary);
  const type: EventType = {
    category: 'custom',
    severity: 'info',
    audience: 'admins',
    optOut: true,
    defaultEnabled: true,
    sampleData: {},
    summary: '',
    ...input,
    origin: 'registered',
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('event_types')
      .values({ scope_id: scopeId, id: type.id, definition: JSON.stringify(type), created_at: clock.now() })
      .execute();
    await along?.(trx, type);
  });
  return type;
}

/** The types a scope sees: the built-ins, the system's registered ones, and its own. */
export async function loadRegisteredTypes(db: Kysely<Database>, scopeId: string): Promise<Map<string, EventType>> {
  return (await loadRegisteredTypesOf(db, [scopeId])).get(scopeId)!;
}

/** `loadRegisteredTypes` for several scopes: each scope's types and the system's, oldest first; one query per 64 scopes. */
export async function loadRegisteredTypesOf(
  db: Kysely<Database>,
  scopeIds: readonly string[],
): Promise<Map<string, Map<string, EventType>>> {
  const rows = await rowsByScope([...scopeIds, systemScopeId], (ids) =>
    db
      .selectFrom('event_types')
      .select(['scope_id', 'definition', 'created_at'])
      .where('scope_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
  );
  const system = rows.get(systemScopeId) ?? [];
  return new Map(
    scopeIds.map((scopeId) => {
      const own = scopeId === systemScopeId ? [] : (rows.get(scopeId) ?? []);
      const registered = [...system, ...own].sort((a, b) => a.created_at - b.created_at);
      return [scopeId, new Map(registered.map((row) => JSON.parse(row.definition) as EventType).map((type) => [type.id, type]))];
    }),
  );
}

export function findType(registered: ReadonlyMap<string, EventType>, id: string, severity?: Severity): EventType {
  return builtinTypes.get(id) ?? registered.get(id) ?? unregisteredType(id, severity);
}

export async function listEventTypes(db: Kysely<Database>, scopeId: string): Promise<EventType[]> {
  return [...builtinTypes.values(), ...(await loadRegisteredTypes(db, scopeId)).values()];
}
