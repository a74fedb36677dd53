import { createHash } from 'node:crypto';
import type { DocumentSource } from '../ingest/source-document.js';

/** Text compared for duplicates: Unicode NFC, whitespace runs as one space, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Hash of a document's normalised text: the same article from two places is stored once. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex');
}

/** A document's stable id: a hash of where it came from and its normalised text. */
export function documentId(source: DocumentSource, text: string): string {
  const where =
    source.url ??
    (source.channel !== undefined
      ? `${source.channel}#${source.messageId ?? ''}`
      : (source.path ?? source.kind));
  return `doc_${createHash('sha256')
    .update(`${where}\n${normaliseText(text)}`)
    .digest('hex')
    .slice(0, 24)}`;
}
