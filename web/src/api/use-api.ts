import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client';

type Query = Record<string, string | number | undefined | string[]>;

/**
 * Loads one GET resource; `reload` fetches it again and keeps showing the previous data
 * meanwhile, `update` shows a write's answer. A null path loads nothing.
 */
export function useApi<T>(path: string | null, query?: Query) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<{ key: string; data?: T; error?: ApiError }>({ key: '' });
  const queryKey = JSON.stringify(query ?? {});
  const requestKey = `${path}|${queryKey}|${version}`;

  useEffect(() => {
    if (path === null) return;
    let current = true;
    api<T>('GET', path, { query: JSON.parse(queryKey) as Query })
      .then((data) => {
        if (current) setResult({ key: requestKey, data });
      })
      .catch((reason: unknown) => {
        const error = reason instanceof ApiError ? reason : new ApiError(0, 'unknown', String(reason));
        if (current) setResult((previous) => ({ key: requestKey, data: previous.data, error }));
      });
    return () => {
      current = false;
    };
  }, [path, queryKey, requestKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  /** Shows what a write answered (the resource as stored now) without asking again. */
  const update = useCallback((data: T) => setResult({ key: requestKey, data }), [requestKey]);
  return { data: result.data, error: result.error, loading: path !== null && result.key !== requestKey, reload, update };
}
