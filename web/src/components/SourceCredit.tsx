import { isWikinews, safeHref } from '../lib/wikinews';

/**
 * Where shown text comes from. Wikinews articles (the shipped corpus) are CC BY 2.5: the credit
 * names Wikinews, links the article and the licence. Other sources get a plain link.
 */
export function SourceCredit({ url, title }: { url?: string | undefined; title?: string | undefined }) {
  const href = safeHref(url);
  if (!href) return null;
  if (isWikinews(href)) {
    return (
      <p className="credit">
        Text from{' '}
        <a href={href} rel="noreferrer" target="_blank">
          {title ? `“${title}”` : 'this article'}
        </a>
        , Wikinews, licensed under{' '}
        <a href="https://creativecommons.org/licenses/by/2.5/" rel="license noreferrer" target="_blank">
          CC BY 2.5
        </a>
        .
      </p>
    );
  }
  return (
    <p className="credit">
      Source:{' '}
      <a href={href} rel="noreferrer" target="_blank">
        {href}
      </a>
    </p>
  );
}

/** One credit line for several Wikinews documents shown together (a list of statements, search hits). */
export function CorpusCredit({ urls }: { urls: (string | undefined)[] }) {
  if (!urls.some((u) => isWikinews(u))) return null;
  return (
    <p className="credit">
      Quoted text from Wikinews articles (linked beside each item), licensed under{' '}
      <a href="https://creativecommons.org/licenses/by/2.5/" rel="license noreferrer" target="_blank">
        CC BY 2.5
      </a>
      .
    </p>
  );
}

/** One credit line naming and linking every Wikinews article among `docs`. */
export function WikinewsCredit({
  docs,
  lead = 'Quoted text from Wikinews',
}: {
  docs: { id?: string; title?: string | undefined; url?: string | undefined }[];
  lead?: string;
}) {
  const seen = new Set<string>();
  const wiki = docs.filter((d) => {
    const href = safeHref(d.url);
    if (!href || !isWikinews(href) || seen.has(href)) return false;
    seen.add(href);
    return true;
  });
  if (wiki.length === 0) return null;
  return (
    <p className="credit">
      {lead}:{' '}
      {wiki.map((d, i) => (
        <span key={d.url}>
          {i > 0 ? '; ' : null}
          <a href={safeHref(d.url)} rel="noreferrer" target="_blank">
            {d.title ?? d.url}
          </a>
        </span>
      ))}{' '}
      (
      <a href="https://creativecommons.org/licenses/by/2.5/" rel="license noreferrer" target="_blank">
        CC BY 2.5
      </a>
      ).
    </p>
  );
}
