export { systemScopeId, createTenant, listTenants, getTenant, renameTenant, deleteTenant, assertScope, type Tenant } from './tenants.js';
export * from './mail-server/mail-server-settings.js';
export { saveSettings, clearTenantSettings, currentSettings, toSettingsView, passwordField } from './mail-server/settings-repository.js';
export { resolveEffectiveSettings, type EffectiveSettings } from './mail-server/effective-settings.js';
export { normalizeSettings } from './mail-server/normalize-settings.js';
export { candidateSenderProblems, serverDomains } from './mail-server/candidate-sender.js';
export { listRecipients, replaceRecipients, validateRecipientList, maxRecipients } from './recipients.js';
export { holdReason } from './mail-server/hold-reason.js';
export { createMailHostGuard, isPrivateAddress, standardMailPorts, type MailHostGuard, type MailHostPolicy } from './mail-server/host-policy.js';
