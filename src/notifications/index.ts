export { builtinTypes, type EventType, type EventTypeInput, type Severity } from './catalogue.js';
export {
  loadSettings,
  defaultSettings,
  type NotificationSettings,
  type NotificationSettingsPatch,
  type Branding,
  type SettingOrigin,
  type SettingSource,
} from './settings.js';
export { createPreferences, type Preference, type Preferences } from './preferences.js';
export { createSilences, type Silence, type SilenceInput, type Silences } from './silences.js';
export {
  newRulesCommit,
  preloadRules,
  prepareRules,
  evaluateRules,
  flushRules,
  type RulesCommit,
  type RuleInput,
  type Evaluation,
  type PreparedRules,
} from './rules/index.js';
export { notificationContext } from './context.js';
export type { Recipient } from './audience.js';
export { createScopeNotifications, type ScopeNotifications, type ScopeEventType, type ScopeSettings } from './scope-notifications.js';
export { createAlerts, type Alerts, type AlertView } from './alert-list.js';
