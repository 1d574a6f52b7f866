export { builtinTypes, findType, listEventTypes, registerEventType, type EventType, type EventTypeInput, type Severity } from './catalogue.js';
export { loadSettings, updateSettings, saveEventOverride, loadEventOverrides, eventEnabled, defaultSettings, type NotificationSettings, type NotificationSettingsPatch, type Branding } from './settings.js';
export { getPreferences, setPreferences, type Preference } from './preferences.js';
export { createSilence, deleteSilence, loadSilences, type Silence, type SilenceInput } from './silences.js';
export { newRulesCommit, prepareRules, evaluateRules, flushRules, type RulesCommit, type RuleInput, type Evaluation, type PreparedRules } from './rules/index.js';
export { notificationContext, sampleContext } from './context.js';
export type { Recipient } from './audience.js';
