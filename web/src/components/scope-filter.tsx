import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { Page, Tenant } from '../api/types';
import { useApi } from '../api/use-api';

/**
 * A list's scope filter (deliveries, audit log), field name `scope`: for system administrators
 * only; anyone else sees their own scope alone, so it shows nothing and asks for no tenants.
 */
export function ScopeFilterField({ id, defaultValue }: { id: string; defaultValue: string }) {
  const system = can(useUser(), 'system');
  const tenants = useApi<Page<Tenant>>(system ? '/tenants' : null, { limit: 500 });
  if (!system) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Scope</label>
      {/* Mounted again once the tenants are in, so a scope from the address is selected even when it is a tenant. */}
      <select id={id} name="scope" defaultValue={defaultValue} key={tenants.data ? 'tenants' : 'loading'}>
        <option value="">All scopes</option>
        <option value="system">System</option>
        {tenants.data?.items.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
        {defaultValue && defaultValue !== 'system' && !tenants.data?.items.some((tenant) => tenant.id === defaultValue) && (
          <option value={defaultValue}>{defaultValue}</option>
        )}
      </select>
    </div>
  );
}
