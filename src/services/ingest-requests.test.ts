import { describe, expect, it } from 'vitest';
import { safeFileName } from './ingest-requests.js';

describe('safeFileName', () => {
  it('keeps an uploaded file’s own name and extension, never a path or a hidden file', () => {
    expect(safeFileName('report.html')).toBe('report.html');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ana\\Kabul report (2).txt')).toBe('Kabul report _2_.txt');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('..')).toBe('upload.txt');
    expect(safeFileName('Zürich.jsonl')).toBe('Zürich.jsonl');
  });
});
