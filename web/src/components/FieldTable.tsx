import type { ReactNode } from 'react';
import type { Evidence, Review, ReviewAction, ReviewOutcome } from '../api/types';
import { quoted } from '../lib/format';
import { ReviewControls } from './ReviewControls';

/** One row of a field table: the field's name in the API, its label, its value as shown and as sent. */
export interface FieldRow {
  field: string;
  label: string;
  value: ReactNode;
  raw: unknown;
  /** Evidence filed under these names belongs to the row (default: the field). */
  evidenceFields?: string[];
}

/** Evidence sentences quoted per row, at most. */
const QUOTED = 2;

/**
 * The evidence of one row, one item per distinct sentence (several fields may cite it, and
 * several reports may repeat it word for word): with a set, as an incident reported hundreds of
 * times has thousands of evidence items.
 */
function rowEvidence(row: FieldRow, evidence: Evidence[]): Evidence[] {
  const names = row.evidenceFields ?? [row.field];
  const seen = new Set<string>();
  return evidence.filter((e) => {
    if (!names.includes(e.field)) return false;
    const k = e.text.trim();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The documents whose sentences a field table quotes (to credit them). */
export function quotedDocuments(rows: FieldRow[], evidence: Evidence[]): string[] {
  const ids = rows.flatMap((r) =>
    rowEvidence(r, evidence)
      .slice(0, QUOTED)
      .flatMap((e) => (e.docId ? [e.docId] : [])),
  );
  return [...new Set(ids)];
}

/**
 * The fields of an incident or statement, each with the sentences that state it (a sentence opens
 * its document in the evidence viewer) and, for analysts, review controls.
 */
export function FieldTable({
  subject,
  subjectId,
  rows,
  evidence,
  reviews,
  canReview,
  onReviewed,
  onShowEvidence,
}: {
  subject: 'incident' | 'statement';
  subjectId: string;
  rows: FieldRow[];
  evidence: Evidence[];
  reviews: Review[] | undefined;
  canReview: boolean;
  onReviewed: (action: ReviewAction, outcome: ReviewOutcome | undefined) => void;
  onShowEvidence: (e: Evidence) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data field-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Evidence</th>
            {canReview ? <th scope="col">Review</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const unique = rowEvidence(row, evidence);
            return (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">{row.label}</th>
                <td className="field-value">{row.value}</td>
                <td className="field-evidence">
                  {unique.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul>
                      {unique.slice(0, QUOTED).map((e) => (
                        <li key={`${e.docId}-${e.start}-${e.end}`}>
                          <span className="evidence-text clamp">{quoted(e.text)}</span>{' '}
                          {e.docId ? (
                            <button
                              type="button"
                              className="link-button evidence-link"
                              onClick={() => onShowEvidence(e)}
                            >
                              show in document
                            </button>
                          ) : null}
                        </li>
                      ))}
                      {unique.length > QUOTED ? (
                        <li className="muted small">
                          and {unique.length - QUOTED} more in the sources below
                        </li>
                      ) : null}
                    </ul>
                  )}
                </td>
                {canReview ? (
                  <td>
                    <ReviewControls
                      subject={subject}
                      subjectId={subjectId}
                      field={row.field}
                      label={row.label.toLowerCase()}
                      current={row.raw}
                      reviews={reviews}
                      onReviewed={onReviewed}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
