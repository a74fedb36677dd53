/**
 * PostgreSQL text and jsonb cannot hold U+0000, which hostile or broken input may contain. It is
 * stored as U+FFFD, one UTF-16 unit like U+0000, so that every offset into a text still holds.
 */
export function pgText(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s;
}

/** {@link pgText} for optional values: `undefined` and `null` become SQL NULL. */
export function pgTextOrNull(s: string | null | undefined): string | null {
  return s === undefined || s === null ? null : pgText(s);
}

/**
 * A value as JSON for a jsonb parameter, with U+0000 in its strings (keys too) as U+FFFD. The
 * escape is replaced only where it is one (not an escaped backslash followed by `u0000`).
 */
export function pgJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}
