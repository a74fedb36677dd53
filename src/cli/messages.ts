import type { Message } from '../doc.js';

/** Render a message as one line: `source:line:col ruleId reason` (CONVENTIONS.md §3). */
export function formatMessage(m: Message, text?: string): string {
  let where = m.source ?? '';
  if (m.span && text !== undefined) {
    const before = text.slice(0, m.span.start);
    const line = before.split('\n').length;
    const col = m.span.start - before.lastIndexOf('\n');
    where += `:${line}:${col}`;
  }
  return `${where ? `${where} ` : ''}${m.ruleId} ${m.reason}`;
}
