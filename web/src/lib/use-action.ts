import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

/** What went wrong, in words for the user: the API's message, or the error itself. */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

/** A form's action, with its state: busy while it runs, and the error it ended with. */
export interface Action {
  busy: boolean;
  error: string | undefined;
  /** Show a message (a check that failed before anything was sent), or clear it. */
  setError: (message: string | undefined) => void;
  /** Run the work: the error is cleared first and set to what the work throws. */
  run: (work: () => Promise<void>) => Promise<void>;
}

/** State and runner of a form's action (send, save, merge…). */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
