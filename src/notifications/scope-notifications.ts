import type { Kysely } from 'kysely';
import { assertScope, getTenant, systemScopeId } from '../scopes/index.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import type { AlongWith } from '../store/transaction.js';
import type { NotificationContext } from '../templates/index.js';
import { findType, listEventTypes, registerEventType, type EventType, type EventTypeInput } from './catalogue.js';
import { sampleContext } from './context.js';
import {
  eventEnabled,
  eventEnabledSource,
  loadEventOverrides,
  loadSettings,
  saveEventOverride,
  updateSettings,
  type EventOverride,
  type NotificationSettings,
  type NotificationSettingsPatch,
  type SettingOrigin,
  type SettingSource,
} from './settings.js';

/** An event type as a scope sees it: whether it sends there, and what the scope set itself. */
/** A type as a scope sees it: enabled or not, where that comes from, and the scope's own override. */
export type ScopeEventType = EventType & { enabled: boolean; enabledSource: SettingSource; override: EventOverride };

/** What applies in a scope and what it set itself. */
export interface ScopeSettings {
  effective: NotificationSettings;
  own: NotificationSettingsPatch;
  /** Per setting, where its value comes from (the scope, the system, the built-in default). */
  origins: Record<string, SettingOrigin>;
}

/** Every scope's notification settings and event catalogue, with the per-event toggles and recipients. */
export interface ScopeNotifications {
  /** The settings in force for a scope (inherited values filled in) and what it set itself. */
  settings(scopeId: string): Promise<ScopeSettings>;
  /** Merges a change into the scope's own settings (`null` inherits again); host thresholds only on the system scope. */
  updateSettings(
    scopeId: string,
    patch: NotificationSettingsPatch,
    along?: AlongWith<{ before: NotificationSettingsPatch; after: NotificationSettingsPatch }>,
  ): Promise<ScopeSettings>;
  /** Every type the scope sees (built-in, the system's and its own), whether each sends, and the scope's override. */
  eventTypes(scopeId: string): Promise<ScopeEventType[]>;
  /** Registers an application's own event type in a scope (a system one is seen by every tenant). */
  registerEventType(scopeId: string, input: EventTypeInput, along?: AlongWith<EventType>): Promise<EventType>;
  /** Sets a scope's toggle and recipients of one event type; `along` gets the override before (null: none) and after. */
  saveEventOverride(
    scopeId: string,
    typeId: string,
    override: { enabled?: boolean | null; recipients?: string[] | null },
    along?: AlongWith<{ before: EventOverride | null; after: EventOverride }>,
  ): Promise<EventOverride>;
  /** The type and the context a scope's template of it is checked against and previewed with: its sample data, or `data`. */
  sample(scopeId: string, typeId: string, data?: Record<string, unknown>): Promise<{ type: EventType; context: NotificationContext }>;
}

export function createScopeNotifications({ db, clock }: { db: Kysely<Database>; clock: Clock }): ScopeNotifications {
  return {
    async settings(scopeId) {
      await assertScope(db, scopeId);
      return loadSettings(db, scopeId);
    },
    async updateSettings(scopeId, patch, along) {
      if (scopeId !== systemScopeId && patch.thresholds) {
        throw new AppError('system_only_field', 'Host thresholds are set on the system scope.', [
          { field: '/thresholds', rule: 'system_only', message: 'only on /system' },
        ]);
      }
      return updateSettings(db, clock, scopeId, patch, along);
    },
    async eventTypes(scopeId) {
      await assertScope(db, scopeId);
      const [types, overrides] = await Promise.all([listEventTypes(db, scopeId), loadEventOverrides(db, scopeId)]);
      return types.map((type) => ({
        ...type,
        enabled: eventEnabled(overrides, type.id, type.defaultEnabled),
        enabledSource: eventEnabledSource(overrides, type.id),
        override: overrides.own.get(type.id) ?? { enabled: null, recipients: null },
      }));
    },
    async registerEventType(scopeId, input, along) {
      await assertScope(db, scopeId);
      return registerEventType(db, clock, scopeId, input, along);
    },
    saveEventOverride: (scopeId, typeId, override, along) => saveEventOverride(db, clock, scopeId, typeId, override, along),
    async sample(scopeId, typeId, data) {
      await assertScope(db, scopeId);
      const types = new Map((await listEventTypes(db, scopeId)).map((type) => [type.id, type]));
      const type = findType(types, typeId);
      const name = scopeId === systemScopeId ? 'System' : (await getTenant(db, scopeId)).name;
      return { type, context: sampleContext(type, { id: scopeId, name }, (await loadSettings(db, scopeId)).effective.branding, data) };
    },
  };
}
