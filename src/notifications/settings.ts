import type { Kysely } from 'kysely';
import { assertScope, systemScopeId, validateRecipientList } from '../scopes/index.js';
import type { Clock } from '../shared/clock.js';
import type { Database, NotificationSettingsTable } from '../store/schema.js';
import { rowsByScope } from '../store/in-lists.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';

export interface Branding {
  productName: string;
  logoUrl: string | null;
  primaryColor: string;
  backgroundColor: string;
  footer: string;
}

/** A scope's notification settings as they apply (inherited values filled in). */
export interface NotificationSettings {
  emailEnabled: boolean;
  thresholds: { cpu: number; memory: number; disk: number };
  repeatIntervalMs: number;
  groupWindowMs: number;
  branding: Branding;
}

/** What a scope set itself; a missing field inherits (tenant → system → default). */
export type NotificationSettingsPatch = {
  emailEnabled?: boolean | null;
  thresholds?: { cpu?: number | null; memory?: number | null; disk?: number | null };
  repeatIntervalMs?: number | null;
  groupWindowMs?: number | null;
  branding?: Partial<{ [K in keyof Branding]: Branding[K] | null }>;
};

export const defaultSettings: NotificationSettings = {
  emailEnabled: true,
  thresholds: { cpu: 90, memory: 90, disk: 90 },
  repeatIntervalMs: 12 * 3_600_000,
  groupWindowMs: 0,
  branding: {
    productName: 'Herald',
    logoUrl: null,
    primaryColor: '#1f6feb',
    backgroundColor: '#f6f8fa',
    footer: 'Sent by Herald system notifications.',
  },
};

type Row = Omit<NotificationSettingsTable, 'scope_id' | 'updated_at'>;

function toPatch(row: Row | undefined): NotificationSettingsPatch {
  if (!row) return {};
  const pick = <T>(value: T | null) => (value === null ? undefined : value);
  return {
    emailEnabled: row.email_enabled === null ? undefined : row.email_enabled === 1,
    thresholds: { cpu: pick(row.cpu_threshold), memory: pick(row.memory_threshold), disk: pick(row.disk_threshold) },
    repeatIntervalMs: row.repeat_interval_ms === null ? undefined : Number(row.repeat_interval_ms),
    groupWindowMs: row.group_window_ms === null ? undefined : Number(row.group_window_ms),
    branding: row.branding ? (JSON.parse(row.branding) as NotificationSettingsPatch['branding']) : {},
  };
}

function layer(base: NotificationSettings, patch: NotificationSettingsPatch): NotificationSettings {
  const branding = { ...base.branding };
  for (const [key, value] of Object.entries(patch.branding ?? {}))
    if (value !== null && value !== undefined) (branding as Record<string, unknown>)[key] = value;
  return {
    emailEnabled: patch.emailEnabled ?? base.emailEnabled,
    thresholds: {
      cpu: patch.thresholds?.cpu ?? base.thresholds.cpu,
      memory: patch.thresholds?.memory ?? base.thresholds.memory,
      disk: patch.thresholds?.disk ?? base.thresholds.disk,
    },
    repeatIntervalMs: patch.repeatIntervalMs ?? base.repeatIntervalMs,
    groupWindowMs: patch.groupWindowMs ?? base.groupWindowMs,
    branding,
  };
}

/** Where a setting's value comes from: the scope itself, the system (for a tenant), or the built-in default. */
export type SettingSource = 'scope' | 'system' | 'default';

/** One setting of a scope: where its value comes from, and what applies when the scope sets nothing. */
export interface SettingOrigin {
  source: SettingSource;
  inherited: unknown;
  inheritedFrom: Exclude<SettingSource, 'scope'>;
}

/** Settings (or a patch: its unset fields are undefined) as dotted names (`thresholds.cpu`, `branding.footer`). */
function flatten(settings: object, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(settings)) {
    if (value !== null && typeof value === 'object') for (const [inner, v] of flatten(value, `${prefix}${key}.`)) flat.set(inner, v);
    else if (value !== undefined) flat.set(`${prefix}${key}`, value);
  }
  return flat;
}

/** For each setting (by dotted name): where the scope's value comes from and what it would inherit. */
function originsOf(system: NotificationSettingsPatch, own: NotificationSettingsPatch, isSystem: boolean): Record<string, SettingOrigin> {
  const [defaults, fromSystem, fromScope] = [flatten(defaultSettings), flatten(system), flatten(isSystem ? system : own)];
  const origins: Record<string, SettingOrigin> = {};
  for (const [key, value] of defaults) {
    const inheritedFrom = !isSystem && fromSystem.has(key) ? 'system' : 'default';
    origins[key] = {
      source: fromScope.has(key) ? 'scope' : inheritedFrom,
      inherited: inheritedFrom === 'system' ? fromSystem.get(key) : value,
      inheritedFrom,
    };
  }
  return origins;
}

/** A scope's settings in force, what it set itself, and where each setting's value comes from. */
export interface LoadedSettings {
  effective: NotificationSettings;
  own: NotificationSettingsPatch;
  origins: Record<string, SettingOrigin>;
}

/**
 * The settings in force for a scope, what the scope set itself, and for each setting where its
 * value comes from and what the scope would inherit without it.
 */
export async function loadSettings(db: Kysely<Database>, scopeId: string): Promise<LoadedSettings> {
  const { system, ownOf } = await readSettingsRows(db, [scopeId]);
  const isSystem = scopeId === systemScopeId;
  const own = ownOf(scopeId);
  const inherited = layer(defaultSettings, system);
  return { effective: isSystem ? inherited : layer(inherited, own), own, origins: originsOf(system, own, isSystem) };
}

/** The settings in force for several scopes (an ingest commit's), without their origins: one query per 64 scopes. */
export async function loadEffectiveSettingsOf(
  db: Kysely<Database>,
  scopeIds: readonly string[],
): Promise<Map<string, NotificationSettings>> {
  const { system, ownOf } = await readSettingsRows(db, scopeIds);
  const inherited = layer(defaultSettings, system);
  return new Map(scopeIds.map((scopeId) => [scopeId, scopeId === systemScopeId ? inherited : layer(inherited, ownOf(scopeId))]));
}

async function readSettingsRows(db: Kysely<Database>, scopeIds: readonly string[]) {
  const rows = await rowsByScope([...scopeIds, systemScopeId], (ids) =>
    db.selectFrom('notification_settings').selectAll().where('scope_id', 'in', ids).execute(),
  );
  return { system: toPatch(rows.get(systemScopeId)?.[0]), ownOf: (scopeId: string) => toPatch(rows.get(scopeId)?.[0]) };
}

/**
 * Merges a change into the scope's own settings; `null` returns a field to inheriting. `along`
 * gets what the scope set itself before and after, in the same transaction.
 */
export async function updateSettings(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  patch: NotificationSettingsPatch,
  along?: AlongWith<{ before: NotificationSettingsPatch; after: NotificationSettingsPatch }>,
) {
  await assertScope(db, scopeId);
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('notification_settings').selectAll().where('scope_id', '=', scopeId).executeTakeFirst();
    const keep = <T>(value: T | undefined, old: T | null | undefined): T | null => (value === undefined ? (old ?? null) : value);
    const oldBranding = current?.branding ? (JSON.parse(current.branding) as Record<string, unknown>) : {};
    const branding: Record<string, unknown> = { ...oldBranding, ...(patch.branding ?? {}) };
    for (const key of Object.keys(branding)) if (branding[key] === null) delete branding[key];
    const row = {
      scope_id: scopeId,
      email_enabled:
        patch.emailEnabled === undefined
          ? (current?.email_enabled ?? null)
          : patch.emailEnabled === null
            ? null
            : patch.emailEnabled
              ? 1
              : 0,
      cpu_threshold: keep(patch.thresholds?.cpu, current?.cpu_threshold),
      memory_threshold: keep(patch.thresholds?.memory, current?.memory_threshold),
      disk_threshold: keep(patch.thresholds?.disk, current?.disk_threshold),
      repeat_interval_ms: keep(patch.repeatIntervalMs, current?.repeat_interval_ms),
      group_window_ms: keep(patch.groupWindowMs, current?.group_window_ms),
      branding: Object.keys(branding).length > 0 ? JSON.stringify(branding) : null,
      updated_at: clock.now(),
    };
    await trx.deleteFrom('notification_settings').where('scope_id', '=', scopeId).execute();
    await trx.insertInto('notification_settings').values(row).execute();
    const saved = await loadSettings(trx, scopeId);
    await along?.(trx, { before: toPatch(current), after: saved.own });
    return saved;
  });
}

/** Per-event overrides a scope set: enabled (null inherits) and its own recipients (null: the admin list). */
export interface EventOverride {
  enabled: boolean | null;
  recipients: string[] | null;
}

const toOverride = (row: { enabled: number | null; recipients: string | null }): EventOverride => ({
  enabled: row.enabled === null ? null : row.enabled === 1,
  recipients: row.recipients ? (JSON.parse(row.recipients) as string[]) : null,
});

/** The per-event overrides a scope sees: its own, and the system's it inherits. */
export interface EventOverrides {
  own: Map<string, EventOverride>;
  system: Map<string, EventOverride>;
}

export async function loadEventOverrides(db: Kysely<Database>, scopeId: string): Promise<EventOverrides> {
  return (await loadEventOverridesOf(db, [scopeId])).get(scopeId)!;
}

/** `loadEventOverrides` for several scopes: one query per 64 of them. */
export async function loadEventOverridesOf(db: Kysely<Database>, scopeIds: readonly string[]): Promise<Map<string, EventOverrides>> {
  const rows = await rowsByScope([...scopeIds, systemScopeId], (ids) =>
    db.selectFrom('event_settings').selectAll().where('scope_id', 'in', ids).execute(),
  );
  const overridesOf = (scopeId: string) => new Map((rows.get(scopeId) ?? []).map((row) => [row.event_type, toOverride(row)]));
  const system = overridesOf(systemScopeId);
  return new Map(scopeIds.map((scopeId) => [scopeId, { own: overridesOf(scopeId), system }]));
}

/** Whether a type sends in a scope: the scope's toggle, else the system's, else the type's default. */
export function eventEnabled(overrides: EventOverrides, typeId: string, defaultEnabled: boolean): boolean {
  return overrides.own.get(typeId)?.enabled ?? overrides.system.get(typeId)?.enabled ?? defaultEnabled;
}

/** Where eventEnabled's answer comes from (for the system scope, its own toggle is the scope's). */
export function eventEnabledSource(overrides: Awaited<ReturnType<typeof loadEventOverrides>>, typeId: string): SettingSource {
  if ((overrides.own.get(typeId)?.enabled ?? null) !== null) return 'scope';
  return (overrides.system.get(typeId)?.enabled ?? null) !== null ? 'system' : 'default';
}

/** Sets a scope's override of one event type; `along` gets the override before (null: none) and after, in the same transaction. */
export async function saveEventOverride(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  typeId: string,
  override: { enabled?: boolean | null; recipients?: string[] | null },
  along?: AlongWith<{ before: EventOverride | null; after: EventOverride }>,
): Promise<EventOverride> {
  await assertScope(db, scopeId);
  const recipients = override.recipients ? validateRecipientList(override.recipients, '/recipients') : override.recipients;
  return inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('event_settings')
      .selectAll()
      .where('scope_id', '=', scopeId)
      .where('event_type', '=', typeId)
      .executeTakeFirst();
    const row = {
      scope_id: scopeId,
      event_type: typeId,
      enabled: override.enabled === undefined ? (current?.enabled ?? null) : override.enabled === null ? null : override.enabled ? 1 : 0,
      recipients: recipients === undefined ? (current?.recipients ?? null) : recipients === null ? null : JSON.stringify(recipients),
      updated_at: clock.now(),
    };
    await trx.deleteFrom('event_settings').where('scope_id', '=', scopeId).where('event_type', '=', typeId).execute();
    await trx.insertInto('event_settings').values(row).execute();
    const after = toOverride(row);
    await along?.(trx, { before: current ? toOverride(current) : null, after });
    return after;
  });
}
