import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { RowItem } from './dataset-rows.js';

/** Options of {@link readDatasetXlsx}. */
export interface DatasetXlsxOptions {
  /** Columns the header row must have. */
  required: readonly string[];
  /** The dataset's name, for messages ("GTD"). */
  dataset: string;
}

/**
 * Read the first worksheet of an `.xlsx` workbook row by row, streaming (exceljs' WorkbookReader,
 * shared strings cached, styles ignored): the first row names the columns, and each row comes with
 * its spreadsheet row number as `line`. A file that is not an xlsx workbook, has no worksheet or
 * lacks the required columns gives one fatal problem.
 */
export async function* readDatasetXlsx(path: string, options: DatasetXlsxOptions): AsyncGenerator<RowItem> {
  const magic = Buffer.alloc(4);
  try {
    const handle = await open(path, 'r');
    try {
      await handle.read(magic, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (err) {
    yield fatal(
      0,
      'import:unreadable',
      `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
    return;
  }
  if (magic.readUInt32LE(0) !== 0x04034b50) {
    yield fatal(0, 'import:bad-xlsx', 'not an xlsx workbook (it is not a zip archive)');
    return;
  }
  const { default: ExcelJS } = await import('exceljs');
  const input = createReadStream(path);
  let readError: Error | undefined;
  input.on('error', (err) => (readError = err));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const sheet of reader) {
      for await (const r of sheet) {
        row = r.number;
        const cells = (r.values as unknown[]).slice(1).map(cellText);
        if (!header) {
          if (cells.every((c) => c === '')) continue;
          header = cells.map((c) => c.trim());
          const missing = options.required.filter((c) => !header!.includes(c));
          if (missing.length > 0) {
            yield fatal(
              row,
              'import:bad-header',
              `not a ${options.dataset} workbook: row ${row} lacks ${missing.join(', ')}`,
            );
            return;
          }
          continue;
        }
        if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
          yield {
            problem: {
              line: row,
              ruleId: 'import:bad-row',
              reason: `row ${row} has cells beyond the ${header.length} named columns`,
            },
          };
          continue;
        }
        const values: Record<string, string> = {};
        header.forEach((name, i) => (values[name] = cells[i] ?? ''));
        yield { line: row, values };
      }
      break; // the first worksheet only
    }
  } catch (err) {
    const why = readError ?? (err as Error);
    yield fatal(row, 'import:bad-xlsx', `not a readable xlsx workbook: ${why.message.split('\n')[0]}`);
    return;
  } finally {
    input.destroy();
  }
  if (!header) yield fatal(0, 'import:bad-xlsx', 'the workbook has no worksheet with a header row');
}

function fatal(line: number, ruleId: string, reason: string): RowItem {
  return { problem: { line, ruleId, reason, fatal: true } };
}

/** The text of a cell value as exceljs gives it (numbers, strings, dates, rich text, formulas, links). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}
