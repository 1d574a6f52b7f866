/** A `datetime-local` value (local time) as the API's ISO time, and back. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');
const toLocal = (iso: string) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * The Since and Until fields of a list's filter form (local time, fields `since` and `until`),
 * showing the ISO times of the address; `problem` is said under Until.
 */
export function DateRangeFields({ id, since, until, problem }: { id: string; since: string; until: string; problem?: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-since`}>Since</label>
        <input id={`${id}-since`} name="since" type="datetime-local" defaultValue={toLocal(since)} />
      </div>
      <div className={`field${problem ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-until`}>Until</label>
        <input
          id={`${id}-until`}
          name="until"
          type="datetime-local"
          defaultValue={toLocal(until)}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? `${id}-until-error` : undefined}
        />
        {problem && (
          <p id={`${id}-until-error`} className="error-text">
            Until {problem}
          </p>
        )}
      </div>
    </>
  );
}

/** The range a filter form holds, as ISO times for the address, or what is wrong with it. */
export function readDateRange(form: FormData): { since: string; until: string; problem?: string } {
  const since = toIso(String(form.get('since') ?? '').trim());
  const until = toIso(String(form.get('until') ?? '').trim());
  return { since, until, ...(since && until && since > until ? { problem: 'must be after Since' } : {}) };
}
