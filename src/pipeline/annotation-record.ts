import type { DateValue, Doc, EntityRef, Message, PlaceRef, QuantityValue, QuoteValue } from '../doc.js';

/** One mention as printed by `vigil annotate` (issue #2 contract). */
export interface MentionRecord {
  kind: string;
  start: number;
  end: number;
  text: string;
  entity?: EntityRef;
  place?: PlaceRef;
  /** Dates: the ISO value (`2019-03-15`, `2019-W11`, `2018-09`, `2018`); quantities: the number; quotes: the quoted words. */
  value?: string | number;
  precision?: DateValue['precision'];
  qualifier?: QuantityValue['qualifier'];
  /** Quotes: offsets of the quoted words without the marks. */
  inner?: [number, number];
  speaker?: QuoteValue['speaker'];
}

/** One document as printed by `vigil annotate`. */
export interface AnnotationRecord {
  id: string;
  sentences: [number, number][];
  mentions: MentionRecord[];
  messages: Message[];
}

/** The JSON line `vigil annotate` prints for an annotated document. */
export function toAnnotationRecord(doc: Doc): AnnotationRecord {
  return {
    id: doc.id,
    sentences: doc.sentences.map((s) => [s.start, s.end]),
    mentions: doc.mentions.map((m) => {
      const out: MentionRecord = { kind: m.kind, start: m.start, end: m.end, text: m.text };
      if (m.entity) out.entity = m.entity;
      if (m.place) out.place = m.place;
      if (m.kind === 'date' && m.value) {
        const v = m.value as DateValue;
        out.value = v.value;
        out.precision = v.precision;
      } else if (m.kind === 'quantity' && m.value) {
        const v = m.value as QuantityValue;
        out.value = v.value;
        out.qualifier = v.qualifier;
      } else if (m.kind === 'quote' && m.value) {
        const v = m.value as QuoteValue;
        out.value = doc.text.slice(v.inner.start, v.inner.end);
        out.inner = [v.inner.start, v.inner.end];
        if (v.speaker) out.speaker = v.speaker;
      }
      return out;
    }),
    messages: doc.messages,
  };
}
