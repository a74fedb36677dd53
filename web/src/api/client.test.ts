import { describe, expect, it } from 'vitest';
import { toIngestResult } from './client';

const problems = [{ source: 'upload/a.docx', ruleId: 'ingest:unsupported', reason: 'unsupported file type' }];

describe('toIngestResult', () => {
  it('reads a stored and resolved answer (200)', () => {
    expect(
      toIngestResult({
        read: 2,
        stored: 1,
        duplicates: 1,
        skipped: 0,
        problems,
        incidents: 61,
        newAlerts: 2,
      }),
    ).toEqual({
      kind: 'stored',
      read: 2,
      stored: 1,
      duplicates: 1,
      skipped: 0,
      problems,
      incidents: 61,
      newAlerts: 2,
    });
  });

  it('reads a queued answer (202): the jobs and documents handed to the workers', () => {
    expect(
      toIngestResult({ read: 5, queuedDocuments: 4, queuedJobs: 1, duplicates: 1, skipped: 0, problems }),
    ).toEqual({ kind: 'queued', jobs: 1, documents: 4, read: 5, duplicates: 1, skipped: 0, problems });
  });
});
