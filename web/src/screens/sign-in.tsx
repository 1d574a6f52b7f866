import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { credentials, type SignedIn } from '../api/credentials';
import { useApi } from '../api/use-api';
import { TextField } from '../components/field';
import { ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { accountEmail, newPassword, personName, required, tenantId as tenantIdRule, validate } from '../validation';

/** What a refused sign-in means, in words: wrong credentials, or too many tries (and how long to wait). */
export function signInProblem(error: ApiError): ApiError {
  if (error.code === 'invalid_credentials') {
    return new ApiError(
      error.status,
      error.code,
      'The e-mail address or password is not right (or the account is disabled). If you typed a tenant id, check it too.',
    );
  }
  if (error.code === 'tenant_required') {
    return new ApiError(
      error.status,
      error.code,
      'Your address has accounts in several tenants with this password: type the tenant id of the one to sign in to.',
    );
  }
  if (error.status === 429) {
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : undefined;
    return new ApiError(
      error.status,
      error.code,
      `Too many failed sign-ins from this address. Try again ${minutes ? `in ${minutes} minute${minutes === 1 ? '' : 's'}` : 'later'}.`,
      [],
      error.retryAfter,
    );
  }
  return error;
}

/**
 * Sign in with e-mail and password; the tenant id only when the address has accounts in several
 * tenants (`/?tenant=<id>` fills it in: a tenant's own sign-in address). Before the first
 * administrator exists, it says where that one comes from.
 */
export function SignIn({ notice }: { notice?: string }) {
  const [params] = useSearchParams();
  const setup = useApi<{ needed: boolean }>('/auth/setup');
  const [values, setValues] = useState({ email: '', password: '', tenantId: params.get('tenant') ?? '' });
  const { submitted, error, busy, submit } = useFormSubmit();
  const problems = validate(values, { email: [accountEmail], password: [required], tenantId: [tenantIdRule] });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const signIn = submit(
    problems,
    async () => {
      const tenantId = values.tenantId.trim();
      try {
        credentials.signedIn(
          await api<SignedIn>('POST', '/auth/login', {
            body: { email: values.email.trim(), password: values.password, ...(tenantId ? { tenantId } : {}) },
          }),
        );
      } catch (reason) {
        if (reason instanceof ApiError && reason.code === 'tenant_required')
          document.querySelector<HTMLInputElement>('.sign-in input[name="tenant"]')?.focus();
        throw reason;
      }
    },
    (reason) => (reason instanceof ApiError ? signInProblem(reason) : new ApiError(0, 'unknown', String(reason))),
  );

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Herald</h1>
      {notice && <Notice>{notice}</Notice>}
      {setup.data?.needed && (
        <Notice kind="warning">
          <strong>Herald has no administrator yet.</strong> The first one is created with the one-time setup link Herald printed when it
          started (<code>/setup?token=…</code>, in its output or log), or on the server with{' '}
          <code>herald admin create --email you@example.com</code> (the password is read from standard input).
        </Notice>
      )}
      <form onSubmit={signIn} noValidate>
        <TextField
          label="E-mail"
          type="email"
          name="email"
          value={values.email}
          onChange={set('email')}
          error={submitted ? problems.email : undefined}
          autoComplete="username"
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          value={values.password}
          onChange={set('password')}
          error={submitted ? problems.password : undefined}
          autoComplete="current-password"
        />
        <TextField
          label="Tenant id (optional)"
          name="tenant"
          value={values.tenantId}
          onChange={set('tenantId')}
          error={problems.tenantId}
          hint="Only needed when your address has accounts in several tenants; Herald finds your tenant otherwise."
        />
        <ErrorBanner error={error} title="Sign-in failed" />
        {busy && <Progress label="Signing in…" />}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}

/** The first system administrator, created from the one-time link printed on a fresh start. */
export function Setup() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const status = useApi<{ needed: boolean }>('/auth/setup');
  const [values, setValues] = useState({ name: '', email: '', password: '', confirm: '' });
  const { submitted, error, busy, submit } = useFormSubmit();
  const problems = validate(values, { name: [personName], email: [accountEmail], password: [newPassword] });
  if (values.confirm !== values.password) problems.confirm = 'does not match the password';
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const apiFields = error?.fieldErrors() ?? {};

  const create = submit(problems, async () => {
    const session = await api<SignedIn>('POST', '/auth/setup', {
      body: { token, name: values.name.trim(), email: values.email.trim(), password: values.password },
    });
    credentials.signedIn(session);
    navigate('/', { replace: true });
  });

  let body;
  if (status.error) body = <ErrorBanner error={status.error} title="Herald could not be asked whether setup is needed" />;
  else if (!status.data) body = <Loading what="the setup state" />;
  else if (!status.data.needed)
    body = (
      <Notice>
        Herald already has an administrator, so this link is spent. <Link to="/">Sign in</Link>.
      </Notice>
    );
  else if (!token)
    body = (
      <Notice kind="warning">
        This page needs the one-time link Herald printed when it started (<code>/setup?token=…</code>). Open that link.
      </Notice>
    );
  else {
    body = (
      <form onSubmit={create} noValidate>
        <p className="lead">Create the first system administrator. The link works once.</p>
        <TextField
          label="Your name"
          name="name"
          value={values.name}
          onChange={set('name')}
          error={apiFields.name ?? (submitted ? problems.name : undefined)}
          autoComplete="name"
        />
        <TextField
          label="E-mail"
          type="email"
          name="email"
          value={values.email}
          onChange={set('email')}
          error={apiFields.email ?? (submitted ? problems.email : undefined)}
          autoComplete="username"
        />
        <TextField
          label="Password"
          type="password"
          name="new-password"
          value={values.password}
          onChange={set('password')}
          error={apiFields.password ?? (submitted || values.password ? problems.password : undefined)}
          autoComplete="new-password"
          hint="At least 12 characters."
        />
        <TextField
          label="Repeat the password"
          type="password"
          name="confirm-password"
          value={values.confirm}
          onChange={set('confirm')}
          error={submitted ? problems.confirm : undefined}
          autoComplete="new-password"
        />
        <ErrorBanner error={error} title="The administrator was not created" />
        {busy && <Progress label="Creating the administrator…" />}
        <button type="submit" className="primary" disabled={busy}>
          Create administrator
        </button>
      </form>
    );
  }
  return (
    <main id="main" className="sign-in">
      <h1>Set up Herald</h1>
      {body}
    </main>
  );
}
