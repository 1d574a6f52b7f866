import { useState } from 'react';
import { api } from '../api/client';
import { useUser } from '../api/session';
import { TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { newPassword, required, validate } from '../validation';
import { roleLabel } from './scope-links';

/** The signed-in user's own account: who they are, and a password change. */
export function Account() {
  const user = useUser();
  return (
    <>
      <h1>Your account</h1>
      <dl className="facts panel">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(user.role)}</dd>
        <dt>Scope</dt>
        <dd>
          {user.tenantId ? (
            <>
              Tenant <code>{user.tenantId}</code>
            </>
          ) : (
            'System'
          )}
        </dd>
      </dl>
      <ChangePassword />
    </>
  );
}

function ChangePassword() {
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const [values, setValues] = useState(empty);
  const { submitted, error, busy, done, submit } = useFormSubmit();
  const problems = validate(values, { currentPassword: [required], newPassword: [newPassword] });
  if (values.confirm !== values.newPassword) problems.confirm = 'does not match the new password';
  const apiFields = error?.fieldErrors() ?? {};
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const change = submit(problems, async () => {
    await api('POST', '/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    setValues(empty);
  });

  return (
    <form className="panel" onSubmit={change} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <TextField
        label="Current password"
        type="password"
        name="current-password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={apiFields.currentPassword ?? (submitted ? problems.currentPassword : undefined)}
        autoComplete="current-password"
      />
      <TextField
        label="New password"
        type="password"
        name="new-password"
        value={values.newPassword}
        onChange={set('newPassword')}
        error={apiFields.newPassword ?? (submitted || values.newPassword ? problems.newPassword : undefined)}
        autoComplete="new-password"
        hint="At least 12 characters. Your other sessions are signed out."
      />
      <TextField
        label="Repeat the new password"
        type="password"
        name="confirm-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={submitted ? problems.confirm : undefined}
        autoComplete="new-password"
      />
      <ErrorBanner error={error} title="The password was not changed" />
      {done && <Notice kind="success">Your password was changed; your other sessions were signed out.</Notice>}
      {busy && <Progress label="Changing the password…" />}
      <button type="submit" className="primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}
