import type { Entity } from '../api/types';

/** A name compared loosely: lower case, no accents, hyphens and apostrophes as spaces. */
function loose(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`\-–\s]+/g, ' ')
    .trim();
}

/** How well `name` matches the words typed: 0 the same, 1 it starts with them, 2 a word does, 3 it contains them. */
function nameScore(name: string, q: string): number {
  const n = loose(name);
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.split(' ').some((w) => w.startsWith(q))) return 2;
  return n.includes(q) ? 3 : 4;
}

/**
 * Entities found by a search of names and aliases, best match first: the entity called what was
 * typed, then those whose name starts with it, a word of whose name does, then those an alias
 * matches as well; ties by name. (The API lists matches by name only, so "Tali" would list every
 * "Battalion" before the Taliban.)
 */
export function rankEntities(entities: Entity[], typed: string): Entity[] {
  const q = loose(typed);
  const score = (e: Entity) =>
    Math.min(
      nameScore(e.name, q),
      nameScore(e.id.replaceAll('-', ' '), q),
      ...(e.aliases ?? []).map((a) => nameScore(a, q) + 0.5),
    );
  return entities
    .map((e) => ({ e, s: score(e) }))
    .sort((a, b) => a.s - b.s || a.e.name.localeCompare(b.e.name))
    .map((x) => x.e);
}
