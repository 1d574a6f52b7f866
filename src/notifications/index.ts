export { builtinTypes, findType, listEventTypes, registerEventType, type EventType, type EventTypeInput, type Severity } from './catalogue.js';
export { loadSettings, updateSettings, saveEventOverride, loadEventOverrides, eventEnabled, eventEnabledSource, defaultSettings, type NotificationSettings, type NotificationSettingsPatch, type Branding, type SettingOrigin, type SettingSource } from './settings.js';
export { getPreferences, setPreferences, type Preference } from './preferences.js';
export { createSilence, deleteSilence, loadSilences, type Silence, type SilenceInput } from './silences.js';
export { newRulesCommit, prepareRules, evaluateRules, flushRules, type RulesCommit, type RuleInput, type Evaluation } from './rules.js';
export { notificationContext, sampleContext } from './context.js';
export type { Recipient } from './audience.js';
