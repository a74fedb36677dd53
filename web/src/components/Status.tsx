import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';

/** A read in flight. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </p>
  );
}

/** A read that failed, with the server's message and a way to try again (or, for 404, a way back). */
export function ErrorMessage({
  error,
  retry,
  back,
}: {
  error: ApiError | Error;
  retry?: () => void;
  back?: { to: string; label: string };
}) {
  const api = 'code' in error ? (error as ApiError) : undefined;
  const notFound = api?.status === 404;
  return (
    <div className="status status-error" role="alert">
      <p>
        {notFound ? 'Not found: ' : null}
        {error.message}
        {api && api.code !== 'network_error' ? <span className="muted small"> ({api.code})</span> : null}
      </p>
      {notFound ? (
        <p className="small">
          It may be hidden at your clearance, or it changed since the link was made (new reports and reviews
          resolve incidents again).{' '}
          {back ? <Link to={back.to}>Back to {back.label}</Link> : <Link to="/">Back to the dashboard</Link>}
        </p>
      ) : retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show, and why or what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="status status-empty">{children}</div>;
}
