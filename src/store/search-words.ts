/**
 * The words of a user's search, as both stores take them: runs of letters and digits (with inner
 * apostrophes and hyphens). Everything else — quotes, operators, brackets — is dropped, so no
 * query syntax can be injected.
 */
export function ftsWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}
