export { systemScopeId, createTenants, listTenants, getTenant, assertScope, type Tenant, type Tenants } from './tenants.js';
export * from './mail-server/mail-server-settings.js';
export { passwordField } from './mail-server/settings-repository.js';
export { createMailServerSettings, type MailServerSettings } from './mail-server/settings-handle.js';
export type { MailServer, SmtpMailServer, MailServerConnection, MailServerAuth, MailServerSender } from './mail-server/mail-server.js';
export { resolveEffectiveSettings, resolveEffectiveSettingsOf, type EffectiveSettings } from './mail-server/effective-settings.js';
export { candidateSettings, type CandidateSettings } from './mail-server/candidate-settings.js';
export { candidateSenderProblems, serverDomains } from './mail-server/candidate-sender.js';
export { createRecipients, validateRecipientList, maxRecipients, type Recipients } from './recipients.js';
export { holdReason } from './mail-server/hold-reason.js';
export { sharedSystemApp, type OAuthGrant } from './mail-server/oauth-grant.js';
export { passwordDeprecation, type SettingsWarning } from './mail-server/password-deprecation.js';
export { passwordScopes, type PasswordScope } from './mail-server/password-scopes.js';
export { createSettingsSecrets, type SettingsSecrets, type OnUnreadableSecret } from './mail-server/settings-secrets.js';
export {
  createMailHostGuard,
  isPrivateAddress,
  standardMailPorts,
  type MailHostGuard,
  type MailHostPolicy,
} from './mail-server/host-policy.js';
