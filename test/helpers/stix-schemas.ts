import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../schemas/', import.meta.url));
const stixDir = join(root, 'stix2');

/** Every `.json` file under a folder. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

// The OASIS schemas declare draft 2020-12; they use formats (uri) and keywords Ajv's strict mode
// rejects (`definitions` beside `$defs`), and patterns that are not valid with the `u` flag (`\-`):
// strict mode and Unicode patterns are off, and `uri` is checked with URL.
const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
const byFolderAndName = new Map<string, string>();
for (const file of jsonFiles(stixDir)) {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  const folder = file.split('/').slice(-2)[0]!;
  byFolderAndName.set(
    `${folder}/${file
      .split('/')
      .pop()!
      .replace(/\.json$/, '')}`,
    schema.$id,
  );
}

/** The schema an object of `type` is validated against (its own type's schema). */
function schemaIdOf(type: string): string | undefined {
  for (const folder of ['sdos', 'sros', 'common', 'observables']) {
    const id = byFolderAndName.get(`${folder}/${type}`);
    if (id) return id;
  }
  return undefined;
}

const validators = new Map<string, ValidateFunction>();

/**
 * Validate one STIX object against the OASIS schema of its type; returns the errors as lines
 * (empty when valid). Objects of a type without a schema are validated against `common/core.json`.
 */
export function stixErrors(object: { type: string; id: string; [property: string]: unknown }): string[] {
  const id = schemaIdOf(object.type) ?? schemaIdOf('core')!;
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.getSchema(id)!;
    validators.set(id, validate);
  }
  const where = object.id;
  if (validate(object as unknown)) return [];
  return (validate.errors ?? []).map((e) => `${where} ${e.instancePath} ${e.message ?? ''}`);
}

/** Validate an extension's properties against Vigil's JSON schema of it (schemas/stix-extension/). */
export function extensionErrors(
  file: 'vigil-incident.json' | 'vigil-statement.json',
  value: unknown,
): string[] {
  const validate = extensionValidators.get(file)!;
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${file} ${e.instancePath} ${e.message ?? ''}`);
}

const extensionAjv = new Ajv2020({ allErrors: true, strict: true });
const extensionValidators = new Map(
  (['vigil-incident.json', 'vigil-statement.json'] as const).map((f) => [
    f,
    extensionAjv.compile(JSON.parse(readFileSync(join(root, 'stix-extension', f), 'utf8')) as object),
  ]),
);
