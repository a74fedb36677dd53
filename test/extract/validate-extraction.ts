import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Extraction } from '../../src/pipeline/extraction.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/extraction.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Schema errors of an extraction (empty when valid), plus evidence that does not match the text. */
export function extractionErrors(extraction: Extraction, text: string): string[] {
  const errors = validate(extraction)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  const all = [...extraction.incidents, ...extraction.statements, ...extraction.links];
  for (const item of all)
    for (const e of item.evidence)
      if (text.slice(e.start, e.end) !== e.text)
        errors.push(`evidence ${e.field} ${e.start}-${e.end} does not match the text`);
  for (const ent of extraction.entities)
    for (const [s, e] of ent.spans)
      if (s >= e || e > text.length) errors.push(`entity ${ent.id} span ${s}-${e} out of range`);
  return errors;
}
