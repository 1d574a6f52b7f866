import { useRef, useState } from 'react';
import { api, type ApiError } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { ApiTokenView } from '../api/types';
import { useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/confirm';
import { Field, TextField } from '../components/field';
import { Badge, ErrorBanner, Loading, Notice, Progress, When } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { tenantName as labelRule } from '../validation';
import { scopeApiPath, scopePagePath } from './scope-links';

const tokenPermissions = [
  { value: 'events:write', label: 'Post events (events:write)' },
  { value: 'settings:read', label: 'Read settings (settings:read)' },
  { value: 'settings:write', label: 'Change settings (settings:write)' },
  { value: 'deliveries:read', label: 'Read deliveries (deliveries:read)' },
];

function tokenStatus(token: ApiTokenView, now: number) {
  if (token.revokedAt) return <Badge tone="failing">Revoked</Badge>;
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return <Badge tone="held">Expired</Badge>;
  return <Badge tone="working">Active</Badge>;
}

/** API tokens of the system or of one tenant: created with a subset of permissions, shown once, revoked. */
export function Tokens() {
  const scope = usePageScope();
  const user = useUser();
  const base = `${scopeApiPath(scope)}/tokens`;
  const list = useApi<{ items: ApiTokenView[] }>(base);
  const [created, setCreated] = useState<{ token: string; apiToken: ApiTokenView }>();
  const [revoking, setRevoking] = useState<ApiTokenView>();
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<ApiError>();
  const [now] = useState(() => Date.now());

  async function revoke(token: ApiTokenView) {
    setRevoking(undefined);
    setNotice(undefined);
    setActionError(undefined);
    try {
      await api('DELETE', `${base}/${encodeURIComponent(token.id)}`);
      setNotice(`Token ${token.label} was revoked; it no longer works.`);
      list.reload();
    } catch (reason) {
      setActionError(reason as ApiError);
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>API tokens</h1>
        {can(user, 'system') && <ScopePicker current={scope} pathOf={scopePagePath('/tokens')} />}
      </div>
      <p className="lead">
        Tokens let applications call Herald ({scope === 'system' ? 'a system token works in every tenant' : `only for tenant ${scope}`}).
        Send one as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <CreateToken
        key={scope}
        base={base}
        onCreated={(answer) => {
          setCreated(answer);
          setNotice(undefined);
          list.reload();
        }}
      />
      {created && <CreatedToken created={created} onDone={() => setCreated(undefined)} />}
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBanner error={list.error ?? actionError} />
      {!list.data && list.loading && <Loading what="tokens" />}
      {list.data && list.data.items.length === 0 && <p>No API tokens yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="API tokens" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Permissions</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((token) => (
                <tr key={token.id}>
                  <td data-label="Label">{token.label}</td>
                  <td data-label="Permissions">
                    {token.permissions.map((p) => (
                      <code key={p} className="tag">
                        {p === '*' ? 'everything' : p}
                      </code>
                    ))}
                  </td>
                  <td data-label="Expires">{token.expiresAt ? <When at={token.expiresAt} /> : <span className="muted">never</span>}</td>
                  <td data-label="Last used">
                    <When at={token.lastUsedAt} />
                  </td>
                  <td data-label="Status">
                    {tokenStatus(token, now)}
                    {token.revokedAt && (
                      <>
                        {' '}
                        <When at={token.revokedAt} />
                      </>
                    )}
                  </td>
                  <td data-label="Actions" className="row-actions">
                    {!token.revokedAt && (
                      <button type="button" className="danger" onClick={() => setRevoking(token)}>
                        Revoke<span className="visually-hidden"> {token.label}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke token ${revoking?.label ?? ''}?`}
        confirmLabel="Revoke token"
        onConfirm={() => revoking && revoke(revoking)}
        onCancel={() => setRevoking(undefined)}
      >
        <p>Applications using it are refused from now on. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

function CreateToken({ base, onCreated }: { base: string; onCreated: (answer: { token: string; apiToken: ApiTokenView }) => void }) {
  const [label, setLabel] = useState('');
  const [permissions, setPermissions] = useState<string[]>(['events:write']);
  const [expires, setExpires] = useState('');
  const { submitted, error, busy, submit } = useFormSubmit();
  const [openedAt] = useState(() => Date.now());
  const expiresAt = expires ? new Date(`${expires}T23:59:59`) : undefined;
  const problems = {
    label: labelRule(label),
    permissions: permissions.length === 0 ? 'needs at least one permission' : undefined,
    expiresAt: expiresAt && !(expiresAt.getTime() > openedAt) ? 'must be a day in the future' : undefined,
  };
  const apiFields = error?.fieldErrors() ?? {};
  const shown = (key: keyof typeof problems) => apiFields[key] ?? (submitted ? problems[key] : undefined);

  const create = submit(problems, async () => {
    const answer = await api<{ token: string; apiToken: ApiTokenView }>('POST', base, {
      body: { label: label.trim(), permissions, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
    });
    setLabel('');
    setExpires('');
    onCreated(answer);
  });

  const permissionError = shown('permissions');
  return (
    <form className="panel" onSubmit={create} noValidate aria-labelledby="create-token">
      <h2 id="create-token">New API token</h2>
      <div className="grid">
        <TextField
          label="Label"
          name="label"
          value={label}
          onChange={setLabel}
          error={shown('label')}
          hint="What uses it, e.g. billing service."
        />
        <Field label="Expires on (optional)" error={shown('expiresAt')} hint="At the end of that day; empty: never.">
          {(props) => <input {...props} type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />}
        </Field>
      </div>
      <fieldset
        className={`switch${permissionError ? ' field-invalid' : ''}`}
        aria-describedby={permissionError ? 'permissions-error' : undefined}
      >
        <legend>Permissions</legend>
        {tokenPermissions.map((p) => (
          <label key={p.value}>
            <input
              type="checkbox"
              checked={permissions.includes(p.value)}
              onChange={(event) =>
                setPermissions((current) => (event.target.checked ? [...current, p.value] : current.filter((v) => v !== p.value)))
              }
            />{' '}
            {p.label}
          </label>
        ))}
      </fieldset>
      {permissionError && (
        <p id="permissions-error" className="error-text">
          Permissions {permissionError}
        </p>
      )}
      <ErrorBanner error={error} title="The token was not created" />
      {busy && <Progress label="Creating…" />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create token
        </button>
      </div>
    </form>
  );
}

/** The new token, shown this once, with a copy button. */
function CreatedToken({ created, onDone }: { created: { token: string; apiToken: ApiTokenView }; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  }

  return (
    <section className="panel created-token" aria-labelledby="created-token">
      <h2 id="created-token">Token {created.apiToken.label} created</h2>
      <Notice kind="warning">Copy it now: Herald stores only its hash and will not show it again.</Notice>
      <div className="field">
        <label htmlFor="new-token">New token</label>
        <input id="new-token" ref={input} readOnly value={created.token} onFocus={(event) => event.target.select()} />
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
        {copied && <span role="status">{copied}</span>}
      </div>
    </section>
  );
}
