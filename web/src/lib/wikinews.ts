/** The shipped demo corpus comes from Wikinews (CC BY 2.5): its text must be credited where it is shown. */

/** Whether a document URL is a Wikinews article. */
export function isWikinews(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'en.wikinews.org' || host === 'en.m.wikinews.org';
  } catch {
    return false;
  }
}

/** An http(s) URL that may be a link target; anything else (javascript:, data:) is not. */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
