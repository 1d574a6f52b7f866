/** Where a scope's mail-server page is, and how its mail-server source reads. */
export const mailServerPath = (scope: string) => (scope === 'system' ? '/mail-server' : `/mail-server/${encodeURIComponent(scope)}`);

const providerLabels: Record<string, string> = {
  smtp: 'Generic SMTP',
  gmail: 'Gmail',
  microsoft365: 'Microsoft 365',
  builtin: 'Built-in mailbox',
};
export const providerLabel = (provider: string | null) => (provider ? (providerLabels[provider] ?? provider) : 'none');

export function sourceLabel(scope: string, source: 'own' | 'system' | 'none', provider: string | null): string {
  if (source === 'own') return `${scope === 'system' ? 'System server' : 'Own server'} (${providerLabel(provider)})`;
  if (source === 'system') return `Inherits the system server (${providerLabel(provider)})`;
  return 'No mail server: mail is held';
}

const roleLabels: Record<string, string> = {
  system_admin: 'System administrator',
  tenant_admin: 'Tenant administrator',
  tenant_viewer: 'Tenant viewer',
  member: 'Member',
};
export const roleLabel = (role: string) => roleLabels[role] ?? role;

/** The API path of a scope (`/system` or `/tenants/acme`) and a console page's path for it. */
export const scopeApiPath = (scope: string) => (scope === 'system' ? '/system' : `/tenants/${encodeURIComponent(scope)}`);
export const scopePagePath = (page: string) => (scope: string) => (scope === 'system' ? page : `${page}/${encodeURIComponent(scope)}`);
