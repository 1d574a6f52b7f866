import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';

/**
 * A form that checks its fields, then calls the API: `submitted` (problems beside the fields show
 * from the first try), `error` (the API's refusal), `busy` (the call is under way) and `done` (the
 * last call succeeded, for a "saved" notice).
 *
 * @example const form = useFormSubmit(); <form onSubmit={form.submit(problems, () => api('POST', path, { body }))}>
 */
export function useFormSubmit() {
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  /**
   * The form's submit handler: nothing is sent while a problem is left; after `send` succeeds the
   * form starts afresh, and what it throws is kept as the error (`describe` may reword it).
   */
  const submit =
    (problems: Record<string, string | undefined>, send: () => Promise<unknown>, describe = (reason: unknown) => reason as ApiError) =>
    async (event: FormEvent) => {
      event.preventDefault();
      setSubmitted(true);
      setError(undefined);
      setDone(false);
      if (Object.values(problems).some(Boolean)) return;
      setBusy(true);
      try {
        await send();
        setSubmitted(false);
        setDone(true);
      } catch (reason) {
        setError(describe(reason));
      } finally {
        setBusy(false);
      }
    };

  return { submitted, error, busy, done, submit, clearDone: () => setDone(false) };
}
