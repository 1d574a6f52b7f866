import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import type { OverviewPage, Page, Tenant } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { TextField } from '../components/field';
import { Badge, ErrorBanner, Loading, Notice, Progress, StatusBadge } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { Pager, useCursorPages } from '../components/pager';
import { tenantId as tenantIdRule, tenantName } from '../validation';
import { mailServerPath } from './scope-links';

const pageSize = 50;

/** Tenants with their mail-server source and health; create, rename, delete. */
export function Tenants() {
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const list = useApi<Page<Tenant>>('/tenants', { cursor, limit: pageSize });
  const health = useApi<OverviewPage>('/overview', { cursor, limit: pageSize });
  const [notice, setNotice] = useState<string>();
  const [deleting, setDeleting] = useState<Tenant>();
  const [actionError, setActionError] = useState<ApiError>();
  const reload = () => {
    list.reload();
    health.reload();
  };

  async function remove(tenant: Tenant) {
    setDeleting(undefined);
    setActionError(undefined);
    try {
      await api('DELETE', `/tenants/${encodeURIComponent(tenant.id)}`);
      setNotice(`Tenant ${tenant.name} was deleted.`);
      reload();
    } catch (reason) {
      setActionError(reason as ApiError);
    }
  }

  return (
    <>
      <h1>Tenants</h1>
      <CreateTenant
        onCreated={(tenant) => {
          setNotice(`Tenant ${tenant.name} was created.`);
          reload();
        }}
      />
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBanner error={list.error ?? actionError} />
      {!list.data && list.loading && <Loading what="tenants" />}
      {list.data && list.data.items.length === 0 && <p>No tenants yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Tenants" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Id</th>
                <th scope="col">Mail server</th>
                <th scope="col">Health</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tenant) => {
                const scope = health.data?.scopes.find((s) => s.scope === tenant.id);
                return (
                  <tr key={tenant.id}>
                    <td data-label="Name">
                      <TenantName tenant={tenant} onRenamed={reload} />
                    </td>
                    <td data-label="Id">
                      <code>{tenant.id}</code>
                    </td>
                    <td data-label="Mail server">
                      {scope ? (
                        <Badge tone={scope.source === 'own' ? 'own' : scope.source === 'system' ? 'inherits' : 'held'}>
                          {scope.source === 'own' ? 'Own server' : scope.source === 'system' ? 'Inherits' : 'No server'}
                        </Badge>
                      ) : (
                        <span className="muted">…</span>
                      )}
                    </td>
                    <td data-label="Health">
                      {scope ? (
                        <>
                          <StatusBadge status={scope.status} />
                          {scope.queueDepth > 0 && <span className="muted"> {scope.queueDepth} queued</span>}
                        </>
                      ) : (
                        <span className="muted">…</span>
                      )}
                    </td>
                    <td data-label="Actions" className="row-actions">
                      <Link to={mailServerPath(tenant.id)}>
                        Mail server<span className="visually-hidden"> of {tenant.name}</span>
                      </Link>
                      <button type="button" className="danger" onClick={() => setDeleting(tenant)}>
                        Delete<span className="visually-hidden"> {tenant.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete tenant ${deleting?.name ?? ''}?`}
        confirmLabel="Delete tenant"
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(undefined)}
      >
        <p>Its mail server settings, events, messages, history and mailbox are deleted with it. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

function CreateTenant({ onCreated }: { onCreated: (tenant: Tenant) => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const { submitted, error, busy, submit } = useFormSubmit();
  const problems = { id: tenantIdRule(id), name: tenantName(name) };
  const apiFields = error?.fieldErrors() ?? {};

  const create = submit(problems, async () => {
    const tenant = await api<Tenant>('POST', '/tenants', { body: { name: name.trim(), ...(id ? { id } : {}) } });
    setId('');
    setName('');
    onCreated(tenant);
  });

  return (
    <form className="panel inline-form" onSubmit={create} noValidate aria-labelledby="create-tenant">
      <h2 id="create-tenant">New tenant</h2>
      <div className="grid">
        <TextField
          label="Name"
          name="tenantName"
          value={name}
          onChange={setName}
          error={apiFields.name ?? (submitted ? problems.name : undefined)}
        />
        <TextField
          label="Id (optional)"
          name="tenantId"
          value={id}
          onChange={setId}
          error={apiFields.id ?? (submitted || id ? problems.id : undefined)}
          hint="Your platform's own tenant id; generated when empty."
        />
      </div>
      <ErrorBanner error={error} title="The tenant was not created" />
      {busy && <Progress label="Creating…" />}
      <button type="submit" className="primary" disabled={busy}>
        Create tenant
      </button>
    </form>
  );
}

function TenantName({ tenant, onRenamed }: { tenant: Tenant; onRenamed: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tenant.name);
  const [error, setError] = useState<ApiError>();
  const problem = tenantName(name);

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (problem) return;
    try {
      await api('PATCH', `/tenants/${encodeURIComponent(tenant.id)}`, { body: { name: name.trim() } });
      setEditing(false);
      onRenamed();
    } catch (reason) {
      setError(reason as ApiError);
    }
  }

  if (!editing) {
    return (
      <span className="name-cell">
        {tenant.name}{' '}
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Rename<span className="visually-hidden"> {tenant.name}</span>
        </button>
      </span>
    );
  }
  return (
    <form onSubmit={rename} className="rename-form" noValidate>
      <TextField label={`New name for ${tenant.id}`} value={name} onChange={setName} error={error?.fieldErrors().name ?? problem} />
      <ErrorBanner error={error} />
      <button type="submit">Save name</button>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setEditing(false);
          setName(tenant.name);
        }}
      >
        Cancel
      </button>
    </form>
  );
}
