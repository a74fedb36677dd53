import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../api/types';
import { getDocumentSummary } from '../lib/doc-cache';
import { WikinewsCredit } from './SourceCredit';

/**
 * The credit for quoted evidence that names its documents by id only: the Wikinews articles among
 * them (CC BY 2.5) are looked up and linked.
 */
export function EvidenceCredit({ docIds }: { docIds: string[] }) {
  const key = [...new Set(docIds)].sort().join(',');
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    Promise.allSettled(ids.map((id) => getDocumentSummary(id))).then((results) => {
      if (!live) return;
      setDocs(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return <WikinewsCredit docs={docs} />;
}
