import { useNavigate, useParams } from 'react-router';
import { homeScope } from '../api/credentials';
import { useUser } from '../api/session';
import type { Page, Tenant } from '../api/types';
import { useApi } from '../api/use-api';

/** For a system administrator: the system or one tenant, switching to `pathOf(scope)`. */
export function ScopePicker({ current, pathOf }: { current: string; pathOf: (scope: string) => string }) {
  const navigate = useNavigate();
  const { data } = useApi<Page<Tenant>>('/tenants', { limit: 500 });
  return (
    <div className="field inline-field">
      <label htmlFor="scope-picker">Scope</label>
      <select id="scope-picker" value={current} onChange={(event) => navigate(pathOf(event.target.value))}>
        <option value="system">System</option>
        {data?.items.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            Tenant: {tenant.name} ({tenant.id})
          </option>
        ))}
        {data && !data.items.some((t) => t.id === current) && current !== 'system' && <option value={current}>Tenant {current}</option>}
      </select>
    </div>
  );
}

/** The scope a per-scope page shows: the `:tenantId` in its path, else the user's own scope. */
export function usePageScope(): string {
  const { tenantId } = useParams();
  const user = useUser();
  return tenantId ?? homeScope(user);
}
