import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertRow } from '../../store/schema.js';
import { chooseAudience, type AudienceFacts } from '../audience.js';
import { findType } from '../catalogue.js';
import type { ScopeRules } from '../scope-rules.js';
import { defaultSettings, type NotificationSettings } from '../settings.js';
import type { Silence } from '../silences.js';
import { decide, type Decision } from './decide.js';
import type { RuleInput } from './rule-input.js';
import { recordDecision } from './record.js';
import { noWrites, type AlertSlot, type Digest, type DigestSlot } from './slots.js';

// Pure: no database. Each row is one commit of a scope — its settings, what the database holds
// (the alert, the group's open digest, the named user) — and the events it decides in order; the
// decisions are recorded between events as the ingest records them, so later events see earlier ones.

const minute = 60_000;
const hour = 60 * minute;
const T = Date.UTC(2026, 0, 5, 12); // a Monday, 12:00 UTC

interface Situation {
  settings?: Partial<NotificationSettings>;
  /** The scope's own toggle of every type (undefined: the type's default). */
  enabled?: boolean;
  adminRecipients?: string[];
  silences?: Silence[];
  /** What the database says about the audience (the named user, the subscribers). */
  facts?: AudienceFacts;
  /** The alert row as read (fields over a firing alert first seen and notified an hour ago). */
  alert?: Partial<AlertRow>;
  /** The group's open digest as read. */
  digest?: Partial<Digest>;
  /** The events of the commit, in order; `at` is the clock when each is decided. */
  events: Array<RuleInput & { at?: number }>;
}

interface Expected {
  outcome: Decision['outcome'];
  /** The reason's code (before the colon). */
  code?: string;
  notes: string[];
  recipients?: string[];
  renotify?: boolean;
  alert?: Pick<AlertRow, 'status' | 'last_notified_at' | 'next_notify_at'>;
  digest?: { id: string; recipients: string[] };
}

const firingAlert = (fields: Partial<AlertRow>): AlertRow => ({
  scope_id: 'acme',
  dedup_key: 'cpu',
  event_type: 'host.cpu',
  status: 'firing',
  severity: 'warning',
  group_key: null,
  data: '{}',
  labels: '{}',
  first_seen_at: T - hour,
  last_seen_at: T - hour,
  last_notified_at: T - hour,
  resolved_at: null,
  last_event_id: 'evt_0',
  next_notify_at: T + hour,
  ...fields,
});
const openDigest = (fields: Partial<Digest>): Digest => ({
  id: 'dig_open',
  scope_id: 'acme',
  group_key: 'host.cpu',
  state: 'open',
  recipients: '["root@acme.test"]',
  opened_at: T - minute,
  due_at: T + 4 * minute,
  sent_event_id: null,
  ...fields,
});
const cpu = { type: 'host.cpu', dedupKey: 'cpu' } as const;
const jane = { email: 'jane@acme.test', name: 'Jane', locale: 'en', disabled: false };

const cases: Array<{ name: string; situation: Situation; expected: Expected[] }> = [
  {
    name: "an event without a dedup key goes to the scope's admins",
    situation: { events: [{ type: 'license.limit' }] },
    expected: [{ outcome: 'queued', notes: [], recipients: ['root@acme.test'], renotify: false }],
  },
  {
    name: "explicit recipients win over the type's audience",
    situation: { events: [{ type: 'license.limit', recipients: ['ops@acme.test'] }] },
    expected: [{ outcome: 'queued', notes: [], recipients: ['ops@acme.test'], renotify: false }],
  },
  {
    name: 'first firing sends and opens the alert',
    situation: { events: [cpu] },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: false,
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'a repeat within the repeat interval is suppressed',
    situation: { alert: { last_notified_at: T - 10 * minute }, events: [cpu] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'repeat_interval',
        notes: ['repeat_interval'],
        alert: { status: 'firing', last_notified_at: T - 10 * minute, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'a repeat after the repeat interval re-notifies',
    situation: { alert: { last_notified_at: T - 2 * hour }, events: [cpu] },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: true,
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'the second firing of an alert in one commit sees the first and is suppressed',
    situation: { events: [cpu, { ...cpu, at: T + 1 }] },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: false,
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
      },
      {
        outcome: 'suppressed',
        code: 'repeat_interval',
        notes: ['repeat_interval'],
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'resolved sends the all-clear once',
    situation: {
      alert: {},
      events: [
        { ...cpu, status: 'resolved' },
        { ...cpu, status: 'resolved' },
      ],
    },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: false,
        alert: { status: 'resolved', last_notified_at: T - hour, next_notify_at: null },
      },
      {
        outcome: 'suppressed',
        code: 'not_firing',
        notes: ['not_firing'],
        alert: { status: 'resolved', last_notified_at: T - hour, next_notify_at: null },
      },
    ],
  },
  {
    name: 'resolved for an alert that never fired is suppressed',
    situation: { events: [{ ...cpu, status: 'resolved' }] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'not_firing',
        notes: ['not_firing'],
        alert: { status: 'resolved', last_notified_at: null, next_notify_at: null },
      },
    ],
  },
  {
    name: 'resolved for a firing alert that was never notified is suppressed',
    situation: { alert: { last_notified_at: null }, events: [{ ...cpu, status: 'resolved' }] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'not_firing',
        notes: ['not_firing'],
        alert: { status: 'resolved', last_notified_at: null, next_notify_at: null },
      },
    ],
  },
  {
    name: 'silenced: suppressed, and the alert is tried again when the silence ends',
    situation: { silences: [{ id: 'sil_1', eventType: 'host.cpu', labels: {}, endsAt: T + 20 * minute, comment: '' }], events: [cpu] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'silenced',
        notes: ['silenced'],
        alert: { status: 'firing', last_notified_at: null, next_notify_at: T + 20 * minute },
      },
    ],
  },
  {
    name: 'a silence whose labels the event does not carry does not apply',
    situation: { silences: [{ id: 'sil_1', labels: { host: 'db-1' }, comment: '' }], events: [{ ...cpu, labels: { host: 'web-1' } }] },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: false,
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'a recurring silence covers its weekday window',
    situation: {
      silences: [{ id: 'sil_1', labels: {}, recurring: { days: [1], from: '11:00', to: '13:00' }, comment: '' }],
      events: [{ type: 'license.limit' }],
    },
    expected: [{ outcome: 'suppressed', code: 'silenced', notes: ['silenced'] }],
  },
  {
    name: 'event disabled by default (audit.entry)',
    situation: { events: [{ type: 'audit.entry' }] },
    expected: [{ outcome: 'suppressed', code: 'event_disabled', notes: ['event_disabled'] }],
  },
  {
    name: 'event turned on by the scope',
    situation: { enabled: true, events: [{ type: 'audit.entry' }] },
    expected: [{ outcome: 'queued', notes: [], recipients: ['root@acme.test'], renotify: false }],
  },
  {
    name: 'event disabled: a firing alert is not notified, and tried again after the repeat interval',
    situation: { enabled: false, events: [cpu] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'event_disabled',
        notes: ['event_disabled'],
        alert: { status: 'firing', last_notified_at: null, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'email turned off for the scope',
    situation: { settings: { emailEnabled: false }, events: [{ type: 'license.limit' }] },
    expected: [{ outcome: 'suppressed', code: 'email_disabled', notes: ['email_disabled'] }],
  },
  {
    name: 'no recipients: the scope has no admin recipients',
    situation: { adminRecipients: [], events: [cpu] },
    expected: [
      {
        outcome: 'suppressed',
        code: 'no_recipients',
        notes: [],
        alert: { status: 'firing', last_notified_at: null, next_notify_at: T + hour },
      },
    ],
  },
  {
    name: 'no recipients: the named user is not in the scope',
    situation: { events: [{ type: 'user.created', user: 'nobody@acme.test' }] },
    expected: [{ outcome: 'suppressed', code: 'no_recipients', notes: ['user_not_found'] }],
  },
  {
    name: 'no recipients: no user opted in to a subscribers type',
    situation: { facts: { subscribers: [] }, events: [{ type: 'job.failed' }] },
    expected: [{ outcome: 'suppressed', code: 'no_recipients', notes: ['no_subscribers'] }],
  },
  {
    name: 'a user who opted out of a type that allows it gets nothing',
    situation: { facts: { user: { ...jane, choice: false } }, events: [{ type: 'user.created', user: 'jane@acme.test' }] },
    expected: [{ outcome: 'suppressed', code: 'no_recipients', notes: ['opted_out'] }],
  },
  {
    name: "mandatory type: the user's opt-out does not apply (password recovery)",
    situation: { facts: { user: { ...jane, choice: false } }, events: [{ type: 'password.recovery', user: 'jane@acme.test' }] },
    expected: [{ outcome: 'queued', notes: [], recipients: ['jane@acme.test'], renotify: false }],
  },
  {
    name: 'mandatory type still skips a disabled user',
    situation: {
      facts: { user: { ...jane, disabled: true, choice: undefined } },
      events: [{ type: 'password.recovery', user: 'jane@acme.test' }],
    },
    expected: [{ outcome: 'suppressed', code: 'no_recipients', notes: ['user_disabled'] }],
  },
  {
    name: 'group window: alerts of one group in one commit open one digest, their audiences merged',
    situation: {
      settings: { groupWindowMs: 5 * minute },
      events: [
        { ...cpu, group: 'web' },
        { type: 'host.disk', dedupKey: 'disk', group: 'web', recipients: ['ops@acme.test'] },
      ],
    },
    expected: [
      {
        outcome: 'grouped',
        code: 'grouped',
        notes: [],
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
        digest: { id: 'dig_new', recipients: ['root@acme.test'] },
      },
      {
        outcome: 'grouped',
        code: 'grouped',
        notes: [],
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
        digest: { id: 'dig_new', recipients: ['root@acme.test', 'ops@acme.test'] },
      },
    ],
  },
  {
    name: "group window: an alert joins the group's open digest while it is not due",
    situation: { settings: { groupWindowMs: 5 * minute }, digest: { recipients: '["ops@acme.test"]' }, events: [cpu] },
    expected: [
      {
        outcome: 'grouped',
        code: 'grouped',
        notes: [],
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
        digest: { id: 'dig_open', recipients: ['ops@acme.test', 'root@acme.test'] },
      },
    ],
  },
  {
    name: 'group window: a due open digest is left to the scheduler; the alert opens a new one',
    situation: { settings: { groupWindowMs: 5 * minute }, digest: { due_at: T }, events: [cpu] },
    expected: [
      {
        outcome: 'grouped',
        code: 'grouped',
        notes: [],
        alert: { status: 'firing', last_notified_at: T, next_notify_at: T + hour },
        digest: { id: 'dig_new', recipients: ['root@acme.test'] },
      },
    ],
  },
  {
    name: 'group window: the all-clear is sent on its own, not grouped',
    situation: { settings: { groupWindowMs: 5 * minute }, alert: {}, events: [{ ...cpu, status: 'resolved' }] },
    expected: [
      {
        outcome: 'queued',
        notes: [],
        recipients: ['root@acme.test'],
        renotify: false,
        alert: { status: 'resolved', last_notified_at: T - hour, next_notify_at: null },
      },
    ],
  },
];

/** Decides the situation's events in order, recording each decision before the next as the ingest does. */
function decideAll(situation: Situation): Decision[] {
  const settings = { ...defaultSettings, repeatIntervalMs: hour, ...situation.settings };
  const enabled = situation.enabled;
  const rules: ScopeRules = {
    settings,
    overrides: { own: new Map(), system: new Map() },
    adminRecipients: situation.adminRecipients ?? ['root@acme.test'],
    registered: new Map(),
    silences: situation.silences ?? [],
  };
  const alerts = new Map<string, AlertSlot>();
  const digests = new Map<string, DigestSlot>();
  const writes = noWrites();
  return situation.events.map(({ at, ...input }, index) => {
    const type = findType(rules.registered, input.type, input.severity);
    if (enabled !== undefined) rules.overrides.own.set(type.id, { enabled, recipients: null });
    const event = { id: `evt_${index + 1}`, scope: { id: 'acme', name: 'Acme' }, input };
    let alert: AlertSlot | undefined;
    let digest: DigestSlot | undefined;
    if (input.dedupKey) {
      alert = alerts.get(input.dedupKey) ?? { loaded: situation.alert ? firingAlert(situation.alert) : undefined };
      alerts.set(input.dedupKey, alert);
      const group = input.group ?? type.id;
      if (settings.groupWindowMs > 0) {
        digest = digests.get(group) ?? {
          loaded: situation.digest ? openDigest({ group_key: group, ...situation.digest }) : undefined,
          opens: 'dig_new',
          items: [],
        };
        digests.set(group, digest);
      }
    }
    const state = { rules, type, audience: chooseAudience(type, rules, input, situation.facts ?? {}), alert, digest };
    const now = at ?? T;
    const decision = decide(event, state, now);
    recordDecision(writes, state, { id: event.id, scopeId: 'acme' }, now, decision);
    return decision;
  });
}

function summary(decision: Decision): Expected {
  const out: Expected = { outcome: decision.outcome, notes: decision.notes.map((note) => note.code) };
  if (decision.outcome !== 'queued') out.code = decision.reason.split(':')[0];
  if (decision.outcome === 'queued')
    Object.assign(out, { recipients: decision.recipients.map((r) => r.address), renotify: decision.email.event.renotify });
  if (decision.alert)
    out.alert = {
      status: decision.alert.status,
      last_notified_at: decision.alert.last_notified_at,
      next_notify_at: decision.alert.next_notify_at,
    };
  if (decision.outcome === 'grouped')
    out.digest = { id: decision.digest.id, recipients: JSON.parse(decision.digest.recipients) as string[] };
  return out;
}

for (const { name, situation, expected } of cases) {
  test(`decide: ${name}`, () => {
    assert.deepEqual(decideAll(situation).map(summary), expected);
  });
}

test('decide: the second event with one dedup key in a commit is suppressed because the first was recorded, not because of the database', () => {
  // Without recording the first decision, the second sees no alert and would send again.
  const rules: ScopeRules = {
    settings: { ...defaultSettings, repeatIntervalMs: hour },
    overrides: { own: new Map(), system: new Map() },
    adminRecipients: ['root@acme.test'],
    registered: new Map(),
    silences: [],
  };
  const type = findType(rules.registered, 'host.cpu');
  const slot: AlertSlot = { loaded: undefined };
  const state = { rules, type, audience: chooseAudience(type, rules, {}, {}), alert: slot };
  const first = decide({ id: 'evt_1', scope: { id: 'acme', name: 'Acme' }, input: cpu }, state, T);
  assert.equal(decide({ id: 'evt_2', scope: { id: 'acme', name: 'Acme' }, input: cpu }, state, T + 1).outcome, 'queued');
  const writes = noWrites();
  recordDecision(writes, state, { id: 'evt_1', scopeId: 'acme' }, T, first);
  assert.equal(decide({ id: 'evt_2', scope: { id: 'acme', name: 'Acme' }, input: cpu }, state, T + 1).outcome, 'suppressed');
  assert.deepEqual([writes.alerts, writes.notes.length], [[slot], 0]);
});
