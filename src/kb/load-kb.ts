import { load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import type { Message } from '../doc.js';
import { readKbFiles, type KbFile } from './kb-files.js';
import { groupSchema, outletSchema, personSchema, platformSchema, type KbEntry } from './kb-schema.js';

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

/**
 * Parse and schema-check the YAML files of a knowledge base (by default the shipped one).
 * Problems (bad YAML, an entry that breaks the schema, an unknown file) are returned as messages;
 * the valid entries are still returned.
 */
export function loadKbEntries(files: KbFile[] = readKbFiles()): {
  entries: SourcedEntry[];
  messages: Message[];
} {
  const entries: SourcedEntry[] = [];
  const messages: Message[] = [];
  for (const { file, text } of files) {
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
      data = parseYaml(text);
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
