import { useState, type ChangeEvent, type ReactNode } from 'react';
import type { MailServerSettings } from '../api/types';
import { Field, TextField } from '../components/field';
import { readPemCertificates, type CertificateInfo } from '../pem';
import type { FormValues } from './mail-server-form-model';

interface AdvancedProps {
  values: FormValues;
  saved: MailServerSettings | null;
  set: <K extends keyof FormValues>(key: K, value: FormValues[K]) => void;
  shown: (key: keyof FormValues) => string | undefined;
  touch: (key: string) => () => void;
  /** A checkbox with its label and hint (the form's own). */
  check: (props: { label: string; hint?: string; checked: boolean; onChange: (value: boolean) => void }) => ReactNode;
}

const day = 86_400_000;
const dateText = (date: Date) => date.toISOString().slice(0, 10);

function validity(certificate: CertificateInfo, now: number): string {
  const left = certificate.notAfter.getTime() - now;
  if (left < 0) return `expired on ${dateText(certificate.notAfter)}`;
  return `valid until ${dateText(certificate.notAfter)}${left < 30 * day ? ` (in ${Math.ceil(left / day)} days)` : ''}`;
}

/** Whether the saved settings use anything of Advanced, so it opens by itself. */
export const usesAdvanced = (saved: MailServerSettings | null) =>
  Boolean(
    saved && (saved.tlsCa || saved.smtpDomain || saved.rateLimitPerSecond !== null || saved.dailyLimit !== null || saved.poolSize !== 5),
  );

/**
 * The Advanced part of the mail-server form: connections and rate (every real provider), and for a
 * generic SMTP server the EHLO name, a CA to trust (pasted or uploaded, shown with subject and
 * expiry) and, as a last resort, no certificate check.
 */
export function AdvancedSettings({ values, saved, set, shown, touch, check }: AdvancedProps) {
  const isSmtp = values.provider === 'smtp';
  const certificates = values.tlsCa.trim() ? readPemCertificates(values.tlsCa).certificates : [];
  const [now] = useState(() => Date.now());

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) set('tlsCa', (await file.text()).trim());
    event.target.value = '';
  }

  return (
    <details open={usesAdvanced(saved) || undefined}>
      <summary>Advanced</summary>
      <div className="grid">
        <TextField
          label="Connections at once"
          name="poolSize"
          value={values.poolSize}
          onChange={(v) => set('poolSize', v)}
          onBlur={touch('poolSize')}
          error={shown('poolSize')}
          inputMode="numeric"
          hint="How many messages Herald sends to this server in parallel (1–50), per node; for Microsoft Graph, for all nodes together."
        />
        <TextField
          label="Messages per second (optional)"
          name="rateLimit"
          value={values.rateLimit}
          onChange={(v) => set('rateLimit', v)}
          onBlur={touch('rateLimit')}
          error={shown('rateLimit')}
          inputMode="numeric"
          hint="The most this server accepts; empty for no limit. Mail above it waits its turn."
        />
        <TextField
          label="Messages a day (optional)"
          name="dailyLimit"
          value={values.dailyLimit}
          onChange={(v) => set('dailyLimit', v)}
          onBlur={touch('dailyLimit')}
          error={shown('dailyLimit')}
          inputMode="numeric"
          hint={`Across all nodes, per UTC day; mail past it waits for the next day. Empty for the provider's default${values.provider === 'gmail' ? ' (Gmail: 2,000)' : ' (none)'}; 0 for no cap.`}
        />
      </div>
      {isSmtp && (
        <>
          <TextField
            label="EHLO name"
            name="smtpDomain"
            value={values.smtpDomain}
            onChange={(v) => set('smtpDomain', v)}
            hint="The name Herald announces to the server; empty for this machine's name."
          />
          <Field
            label="CA certificate (PEM, optional)"
            error={shown('tlsCa')}
            hint="For a server whose certificate is self-signed or from a private CA: the certificate of that CA (or the server's own). Herald then trusts it for this server only; the certificate is still checked."
          >
            {(props) => (
              <textarea
                {...props}
                name="tlsCa"
                rows={4}
                spellCheck={false}
                value={values.tlsCa}
                placeholder="-----BEGIN CERTIFICATE-----"
                onChange={(event) => set('tlsCa', event.target.value)}
                onBlur={touch('tlsCa')}
              />
            )}
          </Field>
          <label className="file-pick">
            Upload a .pem or .crt file instead{' '}
            <input
              type="file"
              accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert,text/plain"
              onChange={(event) => void upload(event)}
            />
          </label>
          {certificates.length > 0 && (
            <ul className="certificates" aria-label="CA certificates">
              {certificates.map((certificate, index) => (
                <li key={index} className={certificate.notAfter.getTime() < now ? 'error-text' : undefined}>
                  <strong>{certificate.subject || '(no subject)'}</strong>
                  {certificate.issuer && certificate.issuer !== certificate.subject
                    ? `, issued by ${certificate.issuer}`
                    : ' (self-signed)'}
                  , {validity(certificate, now)}
                </li>
              ))}
            </ul>
          )}
          {!saved?.allowInvalidCertificate &&
            check({
              label: 'Accept an invalid TLS certificate (not recommended; logged)',
              checked: values.allowInvalidCertificate,
              onChange: (v) => set('allowInvalidCertificate', v),
            })}
        </>
      )}
    </details>
  );
}

/** Shown outside Advanced once saved: a server whose certificate is not checked is a warning, not a detail. */
export function UncheckedCertificateWarning({ values, set, check }: Pick<AdvancedProps, 'values' | 'set' | 'check'>) {
  return (
    <div className="banner banner-warning" role="note">
      <strong>This server's certificate is not checked.</strong>
      <p>
        Anyone between Herald and the server could read the mail and the password. Trust the server's CA instead (Advanced → CA
        certificate), then turn this off.
      </p>
      {check({
        label: 'Accept an invalid TLS certificate (not recommended; logged)',
        checked: values.allowInvalidCertificate,
        onChange: (v) => set('allowInvalidCertificate', v),
      })}
    </div>
  );
}
