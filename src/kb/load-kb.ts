import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import type { Message } from '../doc.js';
import { groupSchema, outletSchema, personSchema, platformSchema, type KbEntry } from './kb-schema.js';

/** The knowledge base shipped with Vigil (`data/kb/`), resolved from this module's location. */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/** A knowledge-base entry and the file it came from. */
export interface SourcedEntry {
  entry: KbEntry;
  file: string;
}

/** Which schema validates which file: by folder or file name. */
function schemaFor(relPath: string): z.ZodType<KbEntry> | undefined {
  if (relPath.startsWith('groups/')) return groupSchema;
  if (relPath.startsWith('people/')) return personSchema;
  if (relPath === 'outlets.yaml') return outletSchema;
  if (relPath === 'platforms.yaml') return platformSchema;
  return undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

/**
 * Read and schema-check every YAML file of a knowledge-base folder.
 * Problems (bad YAML, an entry that breaks the schema, an unknown file) are returned as messages;
 * the valid entries are still returned.
 */
export function loadKbEntries(dir: string = DEFAULT_KB_DIR): {
  entries: SourcedEntry[];
  messages: Message[];
} {
  const entries: SourcedEntry[] = [];
  const messages: Message[] = [];
  for (const path of yamlFiles(dir)) {
    const file = relative(dir, path).split('\\').join('/');
    const schema = schemaFor(file);
    if (!schema) {
      messages.push({
        ruleId: 'kb:unknown-file',
        reason: `no schema for ${file}`,
        severity: 'error',
        source: file,
      });
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, 'utf8'));
    } catch (err) {
      messages.push({
        ruleId: 'kb:bad-yaml',
        reason: (err as Error).message.split('\n')[0]!,
        severity: 'error',
        source: file,
      });
      continue;
    }
    if (!Array.isArray(data)) {
      messages.push({
        ruleId: 'kb:not-a-list',
        reason: 'a knowledge-base file holds a YAML list',
        severity: 'error',
        source: file,
      });
      continue;
    }
    data.forEach((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) entries.push({ entry: parsed.data, file });
      else {
        const where = (raw as { id?: unknown })?.id ?? `#${index}`;
        const issue = parsed.error.issues[0]!;
        messages.push({
          ruleId: 'kb:schema',
          reason: `${String(where)}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`,
          severity: 'error',
          source: file,
        });
      }
    });
  }
  return { entries, messages };
}
