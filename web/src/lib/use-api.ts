import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api/client';

/** The state of one API read. */
export interface ApiState<T> {
  /** The answer for the current `deps`; kept while a reload (after a change) is in flight. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Read again (after a change). */
  reload: () => void;
}

interface Answer<T> {
  /** The deps (and reload count) the answer is for. */
  key: string;
  base: string;
  data?: T;
  error?: ApiError;
}

/**
 * Read from the API when the component mounts and whenever `deps` (strings, numbers, booleans)
 * change; an earlier read still in flight is aborted so that a slow answer never overwrites a
 * newer one.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>();
  const base = JSON.stringify(deps);
  const key = `${base}#${version}`;
  const run = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setAnswer({ key, base, data });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e));
        setAnswer({ key, base, error });
      },
    );
    return () => controller.abort();
  }, [key, base]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = answer?.base === base ? answer : undefined;
  return {
    data: current?.data,
    error: answer?.key === key ? answer.error : undefined,
    loading: answer?.key !== key,
    reload,
  };
}

/** Set the document title while a page is shown. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Vigil` : 'Vigil';
  }, [title]);
}
