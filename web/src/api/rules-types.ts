/**
 * Response shapes of the notification-rules routes (docs/api.md "Notification rules"): the
 * server's route schemas (src/api/schemas/notifications.ts), imported as types only.
 */
import type { Static } from 'typebox';
import type {
  EffectiveNotificationSettings,
  EventTypeView,
  PreferencesView,
  PreviewView,
  SettingOrigin as SettingOriginSchema,
  SilenceView,
  TemplateView as TemplateViewSchema,
} from '../../../src/api/schemas/notifications.js';

export type EventTypeItem = Static<typeof EventTypeView>;
export type Audience = EventTypeItem['audience'];
export type NotificationSettings = Static<typeof EffectiveNotificationSettings>;
export type Branding = NotificationSettings['branding'];
export type SettingOrigin = Static<typeof SettingOriginSchema>;

export interface SettingsView {
  effective: NotificationSettings;
  /** What this scope set itself (the API leaves its shape open); the rest is inherited. */
  own: {
    emailEnabled?: boolean;
    thresholds?: { cpu?: number; memory?: number; disk?: number };
    repeatIntervalMs?: number;
    groupWindowMs?: number;
    branding?: Partial<Branding>;
  };
  /** Per setting by dotted name (`thresholds.cpu`): where the effective value comes from, and what empty inherits. */
  origins: Record<string, SettingOrigin>;
}

export type Silence = Static<typeof SilenceView>;
export type TemplateView = Static<typeof TemplateViewSchema>;
export type Rendered = Static<typeof PreviewView>;
export type Preference = Static<typeof PreferencesView>['preferences'][number];
