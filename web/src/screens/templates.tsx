import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, type ErrorDetail } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { EventTypeItem, Rendered, TemplateView } from '../api/rules-types';
import { useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/confirm';
import { Field, TextField } from '../components/field';
import { Badge, ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { RenderedEmail } from '../components/rendered-email';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { scopeApiPath, scopePagePath } from './scope-links';

const partLabels: Record<string, string> = { '/subject': 'Subject', '/html': 'HTML', '/text': 'Text', '/': 'Rendering' };

/** A template_invalid detail as "HTML, line 2, column 5: …" (Liquid puts the position in its message). */
export function templateProblem(detail: ErrorDetail): { part: string; line?: number; column?: number; message: string } {
  const position = /,?\s*line:(\d+),\s*col:(\d+)/.exec(detail.message);
  return {
    part: partLabels[detail.field] ?? detail.field,
    line: position ? Number(position[1]) : undefined,
    column: position ? Number(position[2]) : undefined,
    message: position ? detail.message.replace(position[0], '') : detail.message,
  };
}

function TemplateProblems({ error, title }: { error: ApiError | undefined; title: string }) {
  if (!error) return null;
  if (error.code !== 'template_invalid') return <ErrorBanner error={error} title={title} />;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title}</strong>
      <ul>
        {error.details.map((detail, index) => {
          const problem = templateProblem(detail);
          return (
            <li key={index}>
              <strong>{problem.part}</strong>
              {problem.line !== undefined && (
                <>
                  , line {problem.line}, column {problem.column}
                </>
              )}
              : {problem.message}
            </li>
          );
        })}
      </ul>
      <p className="hint">
        Code: <code>{error.code}</code> (HTTP {error.status})
      </p>
    </div>
  );
}

const originLabels = { scope: '', system: 'Inherited from the system', builtin: 'Built-in default' } as const;

/** Templates per event type: subject, HTML and text with a live preview; save, revert to default. */
export function Templates() {
  const scope = usePageScope();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const types = useApi<{ items: EventTypeItem[] }>(`${scopeApiPath(scope)}/event-types`);
  const type = search.get('type') ?? types.data?.items[0]?.id;
  return (
    <>
      <div className="page-head">
        <h1>Templates</h1>
        {can(user, 'system') && (
          <ScopePicker
            current={scope}
            pathOf={(next) => `${scopePagePath('/templates')(next)}${type ? `?type=${encodeURIComponent(type)}` : ''}`}
          />
        )}
      </div>
      <ErrorBanner error={types.error} title="The event types could not be loaded" />
      {!types.data && <Loading what="event types" />}
      {types.data && type && (
        <>
          <div className="field inline-field">
            <label htmlFor="template-type">Event type</label>
            <select id="template-type" value={type} onChange={(event) => setSearch({ type: event.target.value })}>
              {types.data.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title} ({item.id})
                </option>
              ))}
            </select>
          </div>
          {!can(user, 'settings:write') && <Notice>Read only: your role can see templates but not change or preview them.</Notice>}
          <fieldset className="plain" disabled={!can(user, 'settings:write')}>
            <TemplateEditor
              key={`${scope}|${type}`}
              scope={scope}
              type={types.data.items.find((item) => item.id === type) ?? types.data.items[0]!}
              canPreview={can(user, 'settings:write')}
            />
          </fieldset>
        </>
      )}
    </>
  );
}

/** `canPreview`: a preview renders a template of the caller's choosing, so it takes the right to change settings. */
function TemplateEditor({ scope, type, canPreview }: { scope: string; type: EventTypeItem; canPreview: boolean }) {
  const base = scopeApiPath(scope);
  const path = `${base}/templates/${encodeURIComponent(type.id)}`;
  const saved = useApi<TemplateView>(path);
  // Kept here: the form below starts afresh from each stored version, the notice outlives it.
  const [notice, setNotice] = useState<string>();
  if (saved.error) return <ErrorBanner error={saved.error} title="The template could not be loaded" />;
  if (!saved.data) return <Loading what="the template" />;
  return (
    <TemplateForm
      key={`${saved.data.origin}|${saved.data.version}`}
      scope={scope}
      base={base}
      path={path}
      type={type}
      saved={saved.data}
      canPreview={canPreview}
      notice={notice}
      onNotice={setNotice}
      onChanged={(done) => {
        setNotice(done);
        saved.reload();
      }}
    />
  );
}

function starter(type: EventTypeItem) {
  return {
    subject: '[{{ event.severity }}] {{ event.title }}',
    html: `<h1>{{ event.title }}</h1>\n<p>${type.summary || '{{ event.title }}'}</p>`,
  };
}

function TemplateForm({
  scope,
  base,
  path,
  type,
  saved,
  canPreview,
  notice,
  onNotice,
  onChanged,
}: {
  scope: string;
  base: string;
  path: string;
  type: EventTypeItem;
  saved: TemplateView;
  canPreview: boolean;
  notice: string | undefined;
  onNotice: (notice: string | undefined) => void;
  onChanged: (notice: string) => void;
}) {
  const initial = saved.subject !== null && saved.html !== null ? { subject: saved.subject, html: saved.html } : starter(type);
  const [subject, setSubject] = useState(initial.subject);
  const [html, setHtml] = useState(initial.html);
  const [text, setText] = useState(saved.text ?? '');
  const [preview, setPreview] = useState<Rendered>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState<'save' | 'revert'>();
  const [error, setError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);
  const dirty = subject !== initial.subject || html !== initial.html || text !== (saved.text ?? '');
  const problems = { subject: subject.trim() === '' ? 'is required' : undefined, html: html.trim() === '' ? 'is required' : undefined };

  // The preview follows the editor, 400 ms after the last keystroke; a stale answer is dropped.
  useEffect(() => {
    if (!canPreview || problems.subject || problems.html) return;
    let current = true;
    const timer = setTimeout(() => {
      setPreviewing(true);
      api<Rendered>('POST', `${base}/templates/preview`, { body: { type: type.id, subject, html, text: text === '' ? null : text } })
        .then((rendered) => {
          if (current) {
            setPreview(rendered);
            setPreviewError(undefined);
          }
        })
        .catch((reason: unknown) => {
          if (current) setPreviewError(reason instanceof ApiError ? reason : new ApiError(0, 'unknown', String(reason)));
        })
        .finally(() => {
          if (current) setPreviewing(false);
        });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [canPreview, base, type.id, subject, html, text, problems.subject, problems.html]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    onNotice(undefined);
    if (problems.subject || problems.html) return;
    setBusy('save');
    try {
      const stored = await api<TemplateView>('PUT', path, { body: { subject, html, text: text === '' ? null : text } });
      onChanged(`Saved as version ${stored.version}.`);
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(undefined);
    }
  }

  async function revert() {
    setConfirming(false);
    setBusy('revert');
    setError(undefined);
    onNotice(undefined);
    try {
      await api('DELETE', path);
      onChanged(`Reverted: ${scope === 'system' ? 'the built-in default' : 'the inherited template'} is used now.`);
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(undefined);
    }
  }

  const ownLabel = scope === 'system' ? 'The system’s own template' : 'This tenant’s own template';
  return (
    <>
      <p className="template-origin">
        <Badge tone={saved.origin === 'scope' ? 'own' : 'inherits'}>
          {saved.origin === 'scope' ? ownLabel : originLabels[saved.origin]}
        </Badge>{' '}
        {saved.origin === 'scope' && <span className="muted">version {saved.version}</span>}
        {saved.origin === 'builtin' && (
          <span className="muted">No template is saved: Herald’s built-in email is sent. The editor starts from a simple template.</span>
        )}
        {saved.origin === 'system' && (
          <span className="muted">The system’s template (version {saved.version}) is used until this tenant saves its own.</span>
        )}
      </p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <div className="template-layout">
        <form className="panel template-editor" onSubmit={save} noValidate aria-labelledby="editor-heading">
          <h2 id="editor-heading">Edit {type.title}</h2>
          <TextField label="Subject" value={subject} onChange={setSubject} error={problems.subject} />
          <Field
            label="HTML"
            error={problems.html}
            hint={
              <>
                Liquid; every <code>{'{{ … }}'}</code> output is HTML-escaped. Variables: <code>event</code>, <code>data</code>,{' '}
                <code>labels</code>, <code>scope</code>, <code>brand</code>.
              </>
            }
          >
            {(props) => (
              <textarea {...props} className="code" rows={12} spellCheck={false} value={html} onChange={(e) => setHtml(e.target.value)} />
            )}
          </Field>
          <Field label="Text (optional)" hint="Empty: generated from the HTML.">
            {(props) => (
              <textarea {...props} className="code" rows={6} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <details>
            <summary>Sample data of {type.id}</summary>
            <pre className="email-text">{JSON.stringify(type.sampleData, null, 2)}</pre>
          </details>
          <TemplateProblems error={error} title="The template was not saved" />
          {busy && <Progress label={busy === 'save' ? 'Checking and saving…' : 'Reverting…'} />}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy !== undefined}>
              Save template
            </button>
            {saved.origin === 'scope' && (
              <button type="button" className="danger" disabled={busy !== undefined} onClick={() => setConfirming(true)}>
                Revert to default
              </button>
            )}
            {dirty && <span className="muted">Unsaved changes</span>}
          </div>
        </form>
        <section className="panel template-preview" aria-labelledby="preview-heading" aria-busy={previewing}>
          <h2 id="preview-heading">Preview</h2>
          {canPreview ? (
            <p className="hint">
              Rendered with {type.id}’s sample data as you type; nothing is sent.{previewing ? ' Updating…' : ''}
            </p>
          ) : (
            <p className="hint">
              A preview renders the template, so it needs the permission to change settings, which your role does not have.
            </p>
          )}
          <TemplateProblems error={previewError} title="The preview cannot render" />
          {preview && (
            <div className={previewError ? 'stale' : undefined}>
              <p>
                <span className="muted">Subject:</span> <strong data-testid="preview-subject">{preview.subject}</strong>
              </p>
              <RenderedEmail subject={preview.subject} html={preview.html} text={preview.text} />
            </div>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Revert to the default template?"
        confirmLabel="Revert to default"
        onConfirm={revert}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {ownLabel} for {type.title} is deleted;{' '}
          {scope === 'system' ? 'Herald’s built-in email' : 'the system’s template, or Herald’s built-in email,'} is sent instead.
        </p>
      </ConfirmDialog>
    </>
  );
}
