import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { Page, UserView } from '../api/types';
import { useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/confirm';
import { SelectField, TextField } from '../components/field';
import { Badge, ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { Pager, useCursorPages } from '../components/pager';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { accountEmail, locale as localeRule, newPassword, personName, validate } from '../validation';
import { parseImport, type ImportRow } from './user-import';
import { roleLabel, scopeApiPath, scopePagePath } from './scope-links';

type Role = UserView['role'];
/** The roles a scope's users may have: the API refuses the others. */
export const rolesOf = (scope: string): Role[] =>
  scope === 'system' ? ['system_admin', 'member'] : ['tenant_admin', 'tenant_viewer', 'member'];
const roleOptions = (scope: string) => rolesOf(scope).map((role) => ({ value: role, label: roleLabel(role) }));

/** The users of the system or of one tenant: sign-in accounts and notification members. */
export function Users() {
  const scope = usePageScope();
  const user = useUser();
  const pages = useCursorPages();
  const base = `${scopeApiPath(scope)}/users`;
  const list = useApi<Page<UserView>>(base, { cursor: pages.cursor, limit: 50 });
  const writable = can(user, 'users:write');
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<UserView>();
  const [deleting, setDeleting] = useState<UserView>();
  const [actionError, setActionError] = useState<ApiError>();
  const done = (text: string) => {
    setNotice(text);
    setActionError(undefined);
    list.reload();
  };

  async function act(run: () => Promise<unknown>, text: string) {
    setNotice(undefined);
    try {
      await run();
      done(text);
    } catch (reason) {
      setActionError(reason as ApiError);
    }
  }
  const userPath = (u: UserView) => `${base}/${encodeURIComponent(u.id)}`;

  return (
    <>
      <div className="page-head">
        <h1>Users</h1>
        {can(user, 'system') && <ScopePicker current={scope} pathOf={scopePagePath('/users')} />}
      </div>
      <p className="lead">
        Accounts that sign in (with a password) and members who only receive notifications
        {scope === 'system' ? ' for the system' : ` for tenant ${scope}`}.
      </p>
      {writable && <CreateUser key={`create-${scope}`} scope={scope} base={base} onCreated={(u) => done(`${u.email} was added.`)} />}
      {writable && scope !== 'system' && (
        <ImportUsers
          key={`import-${scope}`}
          scope={scope}
          base={base}
          onImported={(n) => done(`${n} user${n === 1 ? '' : 's'} imported.`)}
        />
      )}
      {editing && (
        <EditUser
          key={editing.id}
          scope={scope}
          user={editing}
          path={userPath(editing)}
          onDone={(u) => {
            setEditing(undefined);
            if (u) done(`${u.email} was saved.`);
          }}
        />
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBanner error={list.error ?? actionError} />
      {!list.data && list.loading && <Loading what="users" />}
      {list.data && list.data.items.length === 0 && <p>No users yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Users" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Locale</th>
                <th scope="col">Status</th>
                {writable && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((u) => (
                <tr key={u.id}>
                  <td data-label="Name">
                    {u.name}
                    {u.id === user.id && <span className="muted"> (you)</span>}
                  </td>
                  <td data-label="E-mail">{u.email}</td>
                  <td data-label="Role">{roleLabel(u.role)}</td>
                  <td data-label="Locale">{u.locale}</td>
                  <td data-label="Status">
                    {u.disabled ? (
                      <Badge tone="failing">Disabled</Badge>
                    ) : u.canSignIn ? (
                      <Badge tone="working">Can sign in</Badge>
                    ) : (
                      <Badge tone="untested">Notifications only</Badge>
                    )}
                  </td>
                  {writable && (
                    <td data-label="Actions" className="row-actions">
                      <button type="button" onClick={() => setEditing(u)}>
                        Edit<span className="visually-hidden"> {u.email}</span>
                      </button>
                      {u.id !== user.id && (
                        <button
                          type="button"
                          onClick={() =>
                            act(
                              () => api('PATCH', userPath(u), { body: { disabled: !u.disabled } }),
                              `${u.email} was ${u.disabled ? 'enabled' : 'disabled'}.`,
                            )
                          }
                        >
                          {u.disabled ? 'Enable' : 'Disable'}
                          <span className="visually-hidden"> {u.email}</span>
                        </button>
                      )}
                      {u.id !== user.id && (
                        <button type="button" className="danger" onClick={() => setDeleting(u)}>
                          Delete<span className="visually-hidden"> {u.email}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.email ?? ''}?`}
        confirmLabel="Delete user"
        onConfirm={() => {
          const u = deleting!;
          setDeleting(undefined);
          void act(() => api('DELETE', userPath(u)), `${u.email} was deleted.`);
        }}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          The account, its sessions and its notification preferences are deleted, and API tokens it created stop working. Disable the user
          instead to keep them.
        </p>
      </ConfirmDialog>
    </>
  );
}

function CreateUser({ scope, base, onCreated }: { scope: string; base: string; onCreated: (user: UserView) => void }) {
  const empty = { email: '', name: '', locale: 'en', role: 'member' as Role, password: '' };
  const [values, setValues] = useState(empty);
  const { submitted, error, busy, submit } = useFormSubmit();
  const problems = validate(values, {
    email: [accountEmail],
    name: [personName],
    locale: [localeRule],
    password: [(v) => (v === '' ? undefined : newPassword(v))],
  });
  const apiFields = error?.fieldErrors() ?? {};
  const shown = (key: keyof typeof problems) => apiFields[key] ?? (submitted ? problems[key] : undefined);
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const create = submit(problems, async () => {
    const body = {
      email: values.email.trim(),
      name: values.name.trim(),
      locale: values.locale || undefined,
      role: values.role,
      ...(values.password ? { password: values.password } : {}),
    };
    const user = await api<UserView>('POST', base, { body });
    setValues(empty);
    onCreated(user);
  });

  return (
    <form className="panel" onSubmit={create} noValidate aria-labelledby="create-user">
      <h2 id="create-user">New user</h2>
      <div className="grid">
        <TextField label="E-mail" type="email" name="email" value={values.email} onChange={set('email')} error={shown('email')} />
        <TextField label="Name" name="name" value={values.name} onChange={set('name')} error={shown('name')} />
        <SelectField label="Role" name="role" value={values.role} options={roleOptions(scope)} onChange={set('role')} />
        <TextField
          label="Locale"
          name="locale"
          value={values.locale}
          onChange={set('locale')}
          error={shown('locale')}
          hint="Language of their emails, e.g. en or de."
        />
        <TextField
          label="Password (optional)"
          type="password"
          name="new-password"
          value={values.password}
          onChange={set('password')}
          error={shown('password')}
          autoComplete="new-password"
          hint="At least 12 characters. Without one, the user only receives notifications and cannot sign in."
        />
      </div>
      <ErrorBanner error={error} title="The user was not created" />
      {busy && <Progress label="Creating…" />}
      <button type="submit" className="primary" disabled={busy}>
        Create user
      </button>
    </form>
  );
}

function EditUser({ scope, user, path, onDone }: { scope: string; user: UserView; path: string; onDone: (saved?: UserView) => void }) {
  const [values, setValues] = useState({ name: user.name, locale: user.locale, role: user.role });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const problems = validate(values, { name: [personName], locale: [localeRule] });
  const apiFields = error?.fieldErrors() ?? {};
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== user[key as keyof typeof values]));
      onDone(Object.keys(changed).length > 0 ? await api<UserView>('PATCH', path, { body: changed }) : undefined);
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="edit-user">
      <h2 id="edit-user">Edit {user.email}</h2>
      <div className="grid">
        <TextField label="Name" name="edit-name" value={values.name} onChange={set('name')} error={apiFields.name ?? problems.name} />
        <SelectField
          label="Role"
          name="edit-role"
          value={values.role}
          options={roleOptions(scope)}
          onChange={set('role')}
          hint="A new role signs the user out."
        />
        <TextField
          label="Locale"
          name="edit-locale"
          value={values.locale}
          onChange={set('locale')}
          error={apiFields.locale ?? problems.locale}
        />
      </div>
      <ErrorBanner error={error} title="The user was not saved" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save user
        </button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ImportUsers({ scope, base, onImported }: { scope: string; base: string; onImported: (count: number) => void }) {
  const [text, setText] = useState('');
  const [rows, setRows] = useState<ImportRow[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const parsed = parseImport(text, rolesOf(scope));
    setRows(parsed.rows);
    if (parsed.rows.length === 0 || parsed.rows.some((row) => row.problems.length > 0)) return;
    setBusy(true);
    try {
      const answer = await api<{ items: UserView[] }>('POST', `${base}/import`, { body: parsed.rows.map((row) => row.user) });
      setText('');
      setRows(undefined);
      onImported(answer.items.length);
    } catch (reason) {
      const apiError = reason as ApiError;
      setError(apiError);
      // the API names rows as /<index>/<field>: show each beside its row
      setRows(
        parsed.rows.map((row, index) => ({
          ...row,
          problems: apiError.details.filter((d) => d.field.startsWith(`/${index}/`)).map((d) => `${d.field.split('/')[2]} ${d.message}`),
        })),
      );
    } finally {
      setBusy(false);
    }
  }

  const bad = rows?.filter((row) => row.problems.length > 0) ?? [];
  return (
    <details className="panel">
      <summary>Import users (CSV or JSON)</summary>
      <form onSubmit={submit} noValidate>
        <label htmlFor="import-text" className="block-label">
          Users to import
        </label>
        <textarea
          id="import-text"
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="import-hint"
          spellCheck={false}
        />
        <p id="import-hint" className="hint">
          One user a line as <code>email,name,locale,role</code> (a header line is optional; locale and role may be empty: en and member),
          or a JSON array of <code>{'{"email","name","locale","role"}'}</code>. All or none are imported.
        </p>
        {rows && rows.length === 0 && (
          <p className="error-text" role="alert">
            Nothing to import: paste at least one user.
          </p>
        )}
        {bad.length > 0 && (
          <div className="banner banner-error" role="alert">
            <strong>
              {bad.length} row{bad.length === 1 ? '' : 's'} to fix; nothing was imported
            </strong>
            <ul>
              {bad.map((row) => (
                <li key={row.line}>
                  Row {row.line}
                  {row.user.email ? ` (${row.user.email})` : ''}: {row.problems.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        )}
        {bad.length === 0 && <ErrorBanner error={error} title="Nothing was imported" />}
        {busy && <Progress label="Importing…" />}
        <button type="submit" className="primary" disabled={busy}>
          Import users
        </button>
      </form>
    </details>
  );
}
