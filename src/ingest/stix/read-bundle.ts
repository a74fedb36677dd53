import { readFile, stat } from 'node:fs/promises';
import type { StixObject } from '../../export/stix/stix-object.js';

/** Bundles larger than this are refused (a parser size limit; DESIGN.md "Security model"). */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
/** Objects nested deeper than this are refused (a parser depth limit). */
const MAX_DEPTH = 64;

/** A bundle's objects, or the one problem that makes the file unreadable (with its line when known). */
export type BundleRead =
  | { objects: StixObject[]; skipped: { index: number; reason: string }[] }
  | { problem: { line: number; ruleId: string; reason: string } };

/**
 * Read a STIX 2.1 bundle file: JSON (`import:bad-json` with the line and column of a syntax
 * error), a `bundle` with an `objects` list (`import:not-a-bundle`), within size and depth limits.
 * Objects without a string `type` and `id` are skipped and listed by their index.
 */
export async function readStixBundle(path: string): Promise<BundleRead> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return problem(0, 'import:unreadable', 'not a regular file');
    if (info.size > MAX_BUNDLE_BYTES)
      return problem(0, 'import:too-large', `the bundle is over ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    return problem(
      0,
      'import:unreadable',
      `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : jsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return problem(
      line,
      'import:bad-json',
      `not JSON (column ${column}): ${message.replace(/\s+/g, ' ').slice(0, 160)}`,
    );
  }
  if (depth(data) > MAX_DEPTH)
    return problem(1, 'import:too-deep', `JSON nested deeper than ${MAX_DEPTH} levels`);
  const bundle = data as { type?: unknown; objects?: unknown };
  if (!bundle || typeof bundle !== 'object' || bundle.type !== 'bundle' || !Array.isArray(bundle.objects))
    return problem(
      1,
      'import:not-a-bundle',
      'not a STIX bundle: expected {"type": "bundle", "objects": [...]}',
    );
  const objects: StixObject[] = [];
  const skipped: { index: number; reason: string }[] = [];
  bundle.objects.forEach((o: unknown, index) => {
    const obj = o as { type?: unknown; id?: unknown };
    if (obj && typeof obj === 'object' && typeof obj.type === 'string' && typeof obj.id === 'string')
      objects.push(obj as StixObject);
    else skipped.push({ index, reason: 'an object without a string "type" and "id"' });
  });
  return { objects, skipped };
}

function problem(line: number, ruleId: string, reason: string): BundleRead {
  return { problem: { line, ruleId, reason } };
}

/** Nesting depth of a JSON value, iteratively (a deep value must not overflow the stack). */
function depth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    max = Math.max(max, d);
    if (d > MAX_DEPTH) return d;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Where a JSON text first goes wrong (V8's messages do not always say): a small validating scan,
 * run only on text JSON.parse rejected.
 */
function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const string = (): void => {
    if (s[i] !== '"') fail();
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) i++;
      else if (c < 32) fail();
    }
    fail();
  };
  const value = (level: number): void => {
    if (level > MAX_DEPTH) fail();
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value(level + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      s.slice(i, i + 64),
    );
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value(1);
    ws();
    return i;
  } catch (at) {
    return at as number;
  }
}
