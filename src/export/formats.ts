/** Export formats: a STIX 2.1 bundle, GTD-style CSV, JSON Lines of everything. */
export const EXPORT_FORMATS = ['stix', 'csv', 'jsonl'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
