/** Why an action failed, announced to screen readers; nothing when it did not. */
export function ActionError({ error }: { error: string | undefined }) {
  return error ? (
    <p className="action-error small" role="alert">
      {error}
    </p>
  ) : null;
}
