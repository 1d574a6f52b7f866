import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import { useApi } from '../api/use-api';
import { ErrorBanner, Loading } from '../components/feedback';
import { RecipientList } from '../components/recipient-list';
import { scopeApiPath, scopePagePath } from './scope-links';

type Recipients = { recipients: string[] };

/** A scope's admin recipients with add and remove; `onSaved` gets the list as stored. */
export function AdminRecipientsPanel({
  base,
  recipients,
  onSaved,
  readOnly,
  children,
}: {
  base: string;
  recipients: string[];
  onSaved: (stored: Recipients) => void;
  readOnly: boolean;
  children?: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby="recipients-heading">
      <h2 id="recipients-heading">Admin recipients</h2>
      <p className="hint">
        Notifications for administrators (host alerts, failing mail, licences…) go to these addresses, unless an event type has its own
        list.
      </p>
      {children}
      <RecipientList
        label="Admin recipients"
        recipients={recipients}
        readOnly={readOnly}
        save={async (next) => {
          const stored = await api<Recipients>('PUT', `${base}/recipients`, { body: { recipients: next } });
          onSaved(stored);
          return stored.recipients;
        }}
      />
    </section>
  );
}

/**
 * The admin recipients on the mail-server page: who this server's notifications reach, editable
 * where the user may change settings, with the way to the rest of the notification rules.
 */
export function ScopeAdminRecipients({ scope }: { scope: string }) {
  const base = scopeApiPath(scope);
  const list = useApi<Recipients>(`${base}/recipients`);
  const readOnly = !can(useUser(), 'settings:write');
  if (list.error) return <ErrorBanner error={list.error} title="The admin recipients could not be loaded" />;
  if (!list.data) return <Loading what="the admin recipients" />;
  return (
    <AdminRecipientsPanel base={base} recipients={list.data.recipients} onSaved={list.update} readOnly={readOnly}>
      <p className="hint">
        Per-event lists, which events send, silences and branding: <Link to={scopePagePath('/notifications')(scope)}>Notifications</Link>.
      </p>
    </AdminRecipientsPanel>
  );
}
