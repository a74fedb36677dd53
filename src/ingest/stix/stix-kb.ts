import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dump as dumpYaml, load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import { SOURCE_NAMES } from '../../export/stix/build-bundle.js';
import type { StixObject } from '../../export/stix/stix-object.js';
import {
  groupSchema,
  IDEOLOGIES,
  outletSchema,
  personSchema,
  platformSchema,
  type KbEntry,
} from '../../kb/kb-schema.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { ActorRef } from '../../pipeline/extraction.js';
import { nameKey, stripAccents } from '../../text/normalize.js';

/** What a bundle's threat actors and intrusion sets do to the knowledge base. */
export interface OverlayPlan {
  /** New entities (actors the knowledge base does not know). */
  added: KbEntry[];
  /** Existing entities and the aliases the bundle adds to them. */
  aliased: { entry: KbEntry; aliases: string[] }[];
  /** The actor each threat actor or intrusion set (by STIX id) stands for. */
  actors: Map<string, ActorRef>;
}

const ACTOR_TYPES = new Set(['threat-actor', 'intrusion-set']);

/** Whether a STIX object is an actor that goes into the knowledge base. */
export function isKbActor(o: StixObject): boolean {
  return ACTOR_TYPES.has(o.type);
}

/**
 * Match a bundle's threat actors and intrusion sets to the knowledge base: by the Vigil id in a
 * `vigil` external reference (Vigil's own exports), by the GTD name in a `Global Terrorism
 * Database` reference, else by name or alias. A match adds the bundle's names that no entity
 * claims yet as aliases; an actor without a match becomes a new group (ideology from a label
 * Vigil knows, else `other`; `nation-state` actors are state bodies).
 */
export function planOverlay(objects: StixObject[], kb: KnowledgeBase): OverlayPlan {
  const byGtdName = new Map<string, KbEntry>();
  for (const e of kb.byId.values()) if ('gtdName' in e && e.gtdName) byGtdName.set(nameKey(e.gtdName), e);
  const claimed = (name: string): boolean => kb.names.lookup(name).length > 0 || byGtdName.has(nameKey(name));
  const added = new Map<string, KbEntry>();
  const aliased = new Map<string, { entry: KbEntry; aliases: string[] }>();
  const actors = new Map<string, ActorRef>();
  const taken = new Set<string>(); // names given to new entities in this bundle

  for (const o of objects.filter(isKbActor)) {
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name) continue;
    const names = [name, ...strings(o.aliases), ...strings(o.x_opencti_aliases)].filter(Boolean);
    const refs = (Array.isArray(o.external_references) ? o.external_references : []) as {
      source_name?: string;
      external_id?: string;
    }[];
    const vigilId = refs.find((r) => r.source_name === SOURCE_NAMES.vigil)?.external_id;
    const gtdName = refs.find(
      (r) => r.source_name === SOURCE_NAMES.gtd || r.source_name === 'gtd',
    )?.external_id;
    const existing =
      (vigilId ? kb.byId.get(vigilId) : undefined) ??
      (gtdName ? byGtdName.get(nameKey(gtdName)) : undefined) ??
      names.map((n) => kb.names.lookup(n).find((h) => !h.ambiguous)?.entry).find(Boolean) ??
      added.get(names.map(nameKey).find((k) => added.has(k)) ?? '');
    if (existing) {
      const fresh = names.filter((n) => !claimed(n) && !taken.has(nameKey(n)));
      if (fresh.length > 0 && !added.has(nameKey(existing.name))) {
        const plan = aliased.get(existing.id) ?? { entry: existing, aliases: [] };
        for (const n of fresh) if (!plan.aliases.some((a) => nameKey(a) === nameKey(n))) plan.aliases.push(n);
        aliased.set(existing.id, plan);
      }
      actors.set(o.id, { id: existing.id, name: existing.name, kind: existing.kind });
      continue;
    }
    const state = strings(o.threat_actor_types).includes('nation-state');
    const label = strings(o.labels).find((l) => (IDEOLOGIES as readonly string[]).includes(l));
    const entry = groupSchema.parse({
      id: ownId(vigilId, kb, added) ?? freeId(name, kb, added),
      name,
      kind: state ? 'state-body' : 'group',
      ideology: state ? 'state' : (label ?? 'other'),
      aliases: [...new Set(names.slice(1).filter((n) => !claimed(n) && nameKey(n) !== nameKey(name)))],
      ...(gtdName ? { gtdName } : {}),
      ...(typeof o.description === 'string' && o.description.trim() ? { note: o.description.trim() } : {}),
    });
    for (const n of [entry.name, ...entry.aliases]) {
      taken.add(nameKey(n));
      added.set(nameKey(n), entry);
    }
    actors.set(o.id, { id: entry.id, name: entry.name, kind: entry.kind });
  }
  return { added: [...new Set(added.values())], aliased: [...aliased.values()], actors };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

/**
 * The knowledge-base id a Vigil export gave an entity the knowledge base here lacks (an entity an
 * analyst accepted elsewhere, perhaps with an id of their own choosing), when it is a valid id no
 * entity has yet: a round trip keeps the id that incidents and searches use.
 */
function ownId(
  vigilId: string | undefined,
  kb: KnowledgeBase,
  added: Map<string, KbEntry>,
): string | undefined {
  if (!vigilId || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(vigilId) || kb.byId.has(vigilId)) return undefined;
  return [...added.values()].some((e) => e.id === vigilId) ? undefined : vigilId;
}

/** A kebab-case id from a name that no entity has yet ("Anti-Balaka" → `anti-balaka`, `anti-balaka-2`…). */
function freeId(name: string, kb: KnowledgeBase, added: Map<string, KbEntry>): string {
  const base =
    stripAccents(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'stix-actor';
  const used = new Set([...kb.byId.keys(), ...[...added.values()].map((e) => e.id)]);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The overlay file an entry of each kind goes in, and the schema its entries must fit. */
const OVERLAY_FILES: Record<KbEntry['kind'], { file: string; schema: z.ZodType<KbEntry> }> = {
  group: { file: 'groups/stix-import.yaml', schema: groupSchema },
  'state-body': { file: 'groups/stix-import.yaml', schema: groupSchema },
  person: { file: 'people/stix-import.yaml', schema: personSchema },
  outlet: { file: 'outlets.yaml', schema: outletSchema },
  platform: { file: 'platforms.yaml', schema: platformSchema },
};

/**
 * Write a plan into an overlay folder of knowledge-base YAML files (loaded over data/kb by
 * `loadResources`): new entities, and for existing ones an entry with their id carrying only the
 * aliases to add (the overlay merge takes nothing else from it). What the folder already holds is
 * kept and merged by id; every entry is checked against its schema; files are replaced atomically.
 */
export function writeOverlay(dir: string, plan: OverlayPlan, origin: string): string[] {
  const byFile = new Map<string, KbEntry[]>();
  const add = (entry: KbEntry): void => {
    const { file } = OVERLAY_FILES[entry.kind];
    byFile.set(file, [...(byFile.get(file) ?? []), entry]);
  };
  for (const e of plan.added) add(e);
  for (const { entry, aliases } of plan.aliased)
    add({ ...entry, aliases, ambiguousAliases: [], note: `Aliases added from the STIX bundle ${origin}.` });
  const written: string[] = [];
  for (const [file, entries] of byFile) {
    const { schema } = OVERLAY_FILES[entries[0]!.kind];
    const path = join(dir, file);
    const merged = new Map<string, KbEntry>();
    if (existsSync(path)) {
      const prior = parseYaml(readFileSync(path, 'utf8'));
      for (const raw of Array.isArray(prior) ? prior : []) {
        const parsed = schema.safeParse(raw);
        if (parsed.success) merged.set(parsed.data.id, parsed.data);
      }
    }
    for (const e of entries) {
      const prior = merged.get(e.id);
      const aliases = prior ? [...prior.aliases] : [];
      for (const a of e.aliases) if (!aliases.some((x) => nameKey(x) === nameKey(a))) aliases.push(a);
      merged.set(e.id, schema.parse({ ...(prior ?? e), aliases }));
    }
    const list = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id)).map(withoutEmpty);
    mkdirSync(dirname(path), { recursive: true });
    const header =
      '# Knowledge-base overlay written by `vigil import stix`; loaded over data/kb. An entry whose id is in\n' +
      '# data/kb only adds its aliases. Review before moving entries into data/kb.\n';
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, header + dumpYaml(list, { lineWidth: 100, noRefs: true }));
    renameSync(tmp, path);
    written.push(path);
  }
  return written;
}

/** An entry without its empty lists (the schemas default them). */
function withoutEmpty(e: KbEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}
