export { createAuditLog, type AuditLog } from './audit-log-handle.js';
export { appendAudit, type AuditEntry, type AuditFilter, type AuditView } from './audit-log.js';
export { verifyAudit, type AuditProblem } from './verify-audit.js';
export { actorsNamed, auditNames } from './audit-names.js';
export { diffFields } from './settings-diff.js';
