import { memo, useMemo } from 'react';
import { segmentText, type Range } from '../lib/segments';

/** What a highlighted range looks like: CSS classes, a tooltip, and an anchor id on its first piece. */
export interface Highlight {
  className: string;
  title?: string;
  anchor?: string;
}

/**
 * A document's text with ranges marked. The text is always rendered as React text nodes (never
 * as HTML): ingested content is hostile by assumption.
 */
export const HighlightedText = memo(function HighlightedText({
  text,
  ranges,
  className = 'doc-text',
}: {
  text: string;
  ranges: Range<Highlight>[];
  className?: string;
}) {
  const segments = useMemo(() => segmentText(text, ranges), [text, ranges]);
  return (
    <div className={className}>
      {segments.map((seg) => {
        if (seg.marks.length === 0) return <span key={seg.start}>{seg.text}</span>;
        const classes = [...new Set(seg.marks.flatMap((m) => m.data.className.split(' ')))].join(' ');
        const titles = [...new Set(seg.marks.flatMap((m) => (m.data.title ? [m.data.title] : [])))].join(
          '; ',
        );
        const anchor = seg.marks.find((m) => m.start === seg.start && m.data.anchor)?.data.anchor;
        return (
          <mark key={seg.start} className={classes} title={titles || undefined} id={anchor}>
            {seg.text}
          </mark>
        );
      })}
    </div>
  );
});
