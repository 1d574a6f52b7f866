import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { Field } from '../components/field';
import { ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';

interface HostPolicy {
  allowedHosts: string[];
  allowedPorts: number[];
}

const hostPattern = /^[A-Za-z0-9.:[\]-]{1,253}$/;
const lines = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function hostsProblem(text: string): string | undefined {
  const bad = lines(text).find((host) => !hostPattern.test(host));
  if (bad) return `has "${bad}": a host name or an IP address, one a line`;
  return lines(text).length > 200 ? 'may hold at most 200 hosts' : undefined;
}

function portsProblem(text: string): string | undefined {
  const bad = lines(text).find((port) => !/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535);
  if (bad) return `has "${bad}": ports are whole numbers from 1 to 65535`;
  return lines(text).length > 50 ? 'may hold at most 50 ports' : undefined;
}

/**
 * The system administrator's allow-list for tenants' mail servers: a tenant may not point its
 * server at a private address (that would reach the inside of this network) unless it is listed
 * here, nor at ports other than the usual mail ones unless listed.
 */
export function MailHostPolicy() {
  const loaded = useApi<HostPolicy>('/system/mail-host-policy');
  if (loaded.error) return <ErrorBanner error={loaded.error} title="The mail host allow-list could not be loaded" />;
  if (!loaded.data) return <Loading what="the mail host allow-list" />;
  return <MailHostPolicyForm policy={loaded.data} onSaved={loaded.update} />;
}

function MailHostPolicyForm({ policy, onSaved }: { policy: HostPolicy; onSaved: (policy: HostPolicy) => void }) {
  const [hosts, setHosts] = useState(policy.allowedHosts.join('\n'));
  const [ports, setPorts] = useState(policy.allowedPorts.join(', '));
  const { submitted, error, busy, done, submit } = useFormSubmit();
  const problems = { hosts: hostsProblem(hosts), ports: portsProblem(ports) };

  const save = submit(problems, async () => {
    onSaved(
      await api<HostPolicy>('PUT', '/system/mail-host-policy', {
        body: { allowedHosts: lines(hosts), allowedPorts: lines(ports).map(Number) },
      }),
    );
  });

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="host-policy-heading">
      <h2 id="host-policy-heading">Mail servers tenants may use</h2>
      <p className="hint">
        Tenants' own mail servers must be public hosts on the usual mail ports (25, 465, 587, 2525): a private address would let a tenant
        reach the inside of this network. List here the private relays and other ports you allow. Hosts in{' '}
        <code>HERALD_SMTP_ALLOWED_HOSTS</code> are allowed as well. The system's own server is not limited.
      </p>
      <div className="grid">
        <Field label="Private hosts allowed (one a line)" error={submitted ? problems.hosts : undefined}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              spellCheck={false}
              value={hosts}
              onChange={(e) => setHosts(e.target.value)}
              placeholder="relay.internal.example"
            />
          )}
        </Field>
        <Field label="Other ports allowed" hint="Comma-separated, such as 2587, 10025." error={submitted ? problems.ports : undefined}>
          {(props) => <input {...props} value={ports} onChange={(e) => setPorts(e.target.value)} inputMode="numeric" />}
        </Field>
      </div>
      <ErrorBanner error={error} title="The allow-list was not saved" />
      {busy && <Progress label="Saving…" />}
      {done && !busy && <Notice kind="success">The allow-list was saved.</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save allow-list
        </button>
      </div>
    </form>
  );
}
