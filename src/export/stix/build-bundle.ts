import { createHash } from 'node:crypto';
import type { PlaceRef } from '../../doc.js';
import { TLP_MARKINGS, type Tlp } from '../../ingest/source-document.js';
import { countryCodes } from '../../kb/country-codes.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { KbEntry } from '../../kb/kb-schema.js';
import type { AcceptedEntity, CandidateDecision } from '../../pipeline/candidate-decisions.js';
import type { ActorRef } from '../../pipeline/extraction.js';
import type {
  MentionSource,
  ResolvedIncident,
  ResolvedLink,
  ResolvedStatement,
  SourcedEvidence,
} from '../../pipeline/resolution.js';
import { describeIncident } from '../../services/alerts/evaluate-rules.js';
import { nameKey } from '../../text/normalize.js';
import { stixId } from './ids.js';
import { leastRestrictive, mostRestrictive, tlpMarkingDefinition, TLP2_MARKING_IDS } from './markings.js';
import { compact, stixTime, type StixBundle, type StixObject } from './stix-object.js';
import {
  extensionDefinitions,
  INCIDENT_EXTENSION_ID,
  incidentExtension,
  STATEMENT_EXTENSION_ID,
  statementExtension,
  VIGIL_EPOCH,
  VIGIL_IDENTITY_ID,
  vigilIdentity,
} from './vigil-extension.js';

/** What a STIX export is built from: resolved objects a reader may see, and the knowledge base. */
export interface StixExportInput {
  incidents: ResolvedIncident[];
  statements: ResolvedStatement[];
  links: ResolvedLink[];
  kb: KnowledgeBase;
  /**
   * Analysts' decisions about candidate entities that the reader may see: an entity accepted from
   * the candidates is exported as the knowledge base's own entities are. (Aliases and rejections
   * are in the resolved objects already: their names resolve to the knowledge-base entity, or are
   * no actor at all.)
   */
  decisions?: CandidateDecision[];
}

/** A decision that made a candidate a new entity. */
type AcceptedDecision = Extract<CandidateDecision, { decision: 'accepted' }>;

/** External reference source names Vigil writes and reads back (`vigil import stix`). */
export const SOURCE_NAMES = {
  /** `external_id` is the knowledge-base id. */
  vigil: 'vigil',
  /** `external_id` is the group's name in the Global Terrorism Database (gname). */
  gtd: 'Global Terrorism Database',
  /** `external_id` is the id of a stored document; `url` and `description` (title) when known. */
  document: 'vigil-document',
} as const;

/** An object shared by several incidents or statements (an actor, a place), with the markings of its users. */
interface Shared {
  build: (marking: Tlp, created: string) => StixObject;
  users: { marking: Tlp; created: string }[];
  /**
   * The marking of an object that does not depend on who uses it: TLP:CLEAR for one built from the
   * knowledge base alone, the level of the decision for an entity an analyst accepted.
   */
  marking?: Tlp;
  /** The creation time of an object that does not come from documents (the knowledge base's). */
  created?: string;
}

/**
 * A STIX 2.1 bundle of resolved incidents, statements and links (docs/stix-extension.md): the
 * Vigil identity, TLP 2.0 marking definitions, the two extension definitions, threat actors and
 * identities for the actors involved, locations, `incident` objects with Vigil's fields in a
 * property extension, `note` objects for statements, and relationships (`attributed-to`,
 * `located-at`, `retaliation-for`, `related-to`). Pure and deterministic: ids are UUIDv5 of stable
 * keys and timestamps come from the data, so a re-export gives the same bundle.
 *
 * Markings: an incident, a statement or a link carries the most restrictive marking of the
 * documents it was built from; an object any one of several users is enough to build (a place, an
 * actor the knowledge base does not know) the least restrictive of its users'; an object built from
 * the knowledge base alone TLP:CLEAR; an entity an analyst accepted from the candidates the marking
 * of the decision's level (the clearance needed to see it).
 */
export function buildStixBundle(input: StixExportInput): StixBundle {
  const shared = new Map<string, Shared>();
  const accepted = new Map<string, AcceptedDecision>();
  for (const d of input.decisions ?? []) if (d.decision === 'accepted') accepted.set(d.entity.id, d);
  const incidents: StixObject[] = [];
  const notes: StixObject[] = [];
  const relationships = new Map<string, StixObject>();
  const incidentIds = new Set(input.incidents.map((i) => i.id));
  const statementIds = new Set(input.statements.map((s) => s.id));
  const objectIdOf = (vigilId: string): string | undefined =>
    incidentIds.has(vigilId)
      ? stixId('incident', vigilId)
      : statementIds.has(vigilId)
        ? stixId('note', vigilId)
        : undefined;

  const use = (key: string, make: () => Omit<Shared, 'users'>, marking: Tlp, created: string): string => {
    let entry = shared.get(key);
    if (!entry) {
      entry = { ...make(), users: [] };
      shared.set(key, entry);
    }
    entry.users.push({ marking, created });
    return key;
  };
  const actor = (ref: ActorRef, marking: Tlp, created: string): string | undefined => {
    const entry = ref.id ? input.kb.byId.get(ref.id) : undefined;
    if (entry) return use(actorId(entry.kind, `kb:${entry.id}`), () => kbActor(entry), marking, created);
    // An accepted entity shares the knowledge base's id space (its id is unique among both), so
    // its STIX id stays the same should it move into the knowledge base.
    const decided = ref.id ? accepted.get(ref.id) : undefined;
    if (decided)
      return use(
        actorId(decided.entity.kind, `kb:${decided.entity.id}`),
        () => acceptedActor(decided),
        marking,
        created,
      );
    if (ref.id) return use(actorId(ref.kind, `kb:${ref.id}`), () => namedActor(ref, 'kb'), marking, created);
    if (ref.kind === 'group' || ref.kind === 'person')
      return use(
        actorId(ref.kind, `name:${nameKey(ref.name)}`),
        () => namedActor(ref, 'name'),
        marking,
        created,
      );
    return undefined; // an unnamed lone actor: only in the incident's extension
  };
  const relate = (
    type: string,
    source: string,
    target: string,
    marking: Tlp,
    created: string,
    modified: string,
    description?: string,
  ): void => {
    const id = stixId('relationship', `${type}|${source}|${target}`);
    relationships.set(
      id,
      compact({
        type: 'relationship',
        spec_version: '2.1',
        id,
        created_by_ref: VIGIL_IDENTITY_ID,
        created,
        modified,
        relationship_type: type,
        description,
        source_ref: source,
        target_ref: target,
        object_marking_refs: [TLP2_MARKING_IDS[marking]],
      }),
    );
  };

  const textTargets = new Map<string, string[]>();
  for (const l of input.links)
    if (typeof l.to !== 'string') textTargets.set(l.from, [...(textTargets.get(l.from) ?? []), l.to.text]);

  for (const i of input.incidents) {
    const marking = mostRestrictive(i.mentions.map((m) => m.marking));
    const { created, modified } = timesOf(i.mentions, i.date?.value);
    const id = stixId('incident', i.id);
    incidents.push(
      compact({
        type: 'incident',
        spec_version: '2.1',
        id,
        created_by_ref: VIGIL_IDENTITY_ID,
        created,
        modified,
        name: describeIncident(i),
        description: descriptionOf(i.evidence),
        confidence: Math.round(i.confidence * 100),
        external_references: documentReferences(i.mentions),
        object_marking_refs: [TLP2_MARKING_IDS[marking]],
        extensions: { [INCIDENT_EXTENSION_ID]: incidentExtension(i, textTargets.get(i.id) ?? []) },
      }),
    );
    if (i.location) {
      const place = i.location;
      const key = use(stixId('location', placeKey(place)), () => locationOf(place), marking, created);
      relate('located-at', id, key, marking, created, modified);
    }
    for (const p of i.perpetrators) {
      const target = actor(p, marking, created);
      if (target) relate('attributed-to', id, target, marking, created, modified);
    }
    for (const c of i.claimedBy) {
      const target = actor(c, marking, created);
      if (target) relate('related-to', id, target, marking, created, modified, 'claimed responsibility');
    }
  }

  for (const s of input.statements) {
    const marking = mostRestrictive(s.mentions.map((m) => m.marking));
    const { created, modified } = timesOf(s.mentions, s.date?.value);
    const refersTo = s.refersTo.flatMap((r) => (incidentIds.has(r) ? [stixId('incident', r)] : []));
    const actors = [s.organization, s.speaker, s.outlet, s.platform].flatMap((a) => {
      const ref = a ? actor(a, marking, created) : undefined;
      return ref ? [ref] : [];
    });
    const objectRefs = [...new Set([...refersTo, ...actors])];
    notes.push(
      compact({
        type: 'note',
        spec_version: '2.1',
        id: stixId('note', s.id),
        created_by_ref: VIGIL_IDENTITY_ID,
        created,
        modified,
        abstract: `${s.type}${s.organization ? ` (${s.organization.name})` : ''}`,
        content: s.quote ?? descriptionOf(s.evidence) ?? s.type,
        authors: s.speaker ? [s.speaker.name] : undefined,
        object_refs: objectRefs.length > 0 ? objectRefs : [VIGIL_IDENTITY_ID],
        confidence: Math.round(s.confidence * 100),
        external_references: documentReferences(s.mentions),
        object_marking_refs: [TLP2_MARKING_IDS[marking]],
        extensions: {
          [STATEMENT_EXTENSION_ID]: statementExtension(s, refersTo, textTargets.get(s.id) ?? []),
        },
      }),
    );
  }

  const createdOf = new Map([...incidents, ...notes].map((o) => [o.id, o.created as string]));
  for (const l of input.links) {
    if (typeof l.to !== 'string') continue;
    const source = objectIdOf(l.from);
    const target = objectIdOf(l.to);
    if (!source || !target) continue;
    const created = createdOf.get(source) ?? VIGIL_EPOCH;
    relate(
      'retaliation-for',
      source,
      target,
      mostRestrictive(l.sources.map((s) => s.marking)),
      created,
      created,
      l.evidence[0]?.text.trim(),
    );
  }

  const sharedObjects = [...shared.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, s]) => {
      const marking = s.marking ?? leastRestrictive(s.users.map((u) => u.marking));
      const created = s.created ?? s.users.map((u) => u.created).sort()[0]!;
      return s.build(marking, created);
    });
  const body = [...sharedObjects, ...incidents, ...notes, ...relationships.values()];
  const used = new Set(body.flatMap((o) => o.object_marking_refs as string[]));
  used.add(TLP2_MARKING_IDS['TLP:CLEAR']);
  const clear = TLP2_MARKING_IDS['TLP:CLEAR'];
  const objects = [
    vigilIdentity(clear),
    ...TLP_MARKINGS.filter((t) => used.has(TLP2_MARKING_IDS[t])).map(tlpMarkingDefinition),
    ...extensionDefinitions(clear),
    ...body,
  ];
  const digest = createHash('sha256');
  for (const o of objects) digest.update(`${o.id} ${String(o.modified ?? o.created)}\n`);
  return { type: 'bundle', id: stixId('bundle', digest.digest('hex')), objects };
}

/** STIX type of an actor: groups (and actors of no known kind) are threat actors, the others identities. */
function actorType(kind: string | undefined): 'threat-actor' | 'identity' {
  return kind === undefined || kind === 'group' || kind === 'state-body' ? 'threat-actor' : 'identity';
}

function actorId(kind: string | undefined, key: string): string {
  return stixId(actorType(kind), key);
}

/** What an actor object is built from: a knowledge-base entry, or an entity an analyst accepted. */
interface ActorEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  ideology?: string;
  /** The group's name in the Global Terrorism Database. */
  gtdName?: string;
  description?: string;
}

/**
 * The threat actor (groups, state bodies) or identity (people, outlets, platforms) of an entity:
 * its name, aliases, ideology as a label, Vigil id and GTD name as external references.
 * `modified` is the creation time unless given (and later).
 */
function entityObject(e: ActorEntity, marking: Tlp, created: string, modifiedAt?: string): StixObject {
  const refs: { source_name: string; external_id: string }[] = [
    { source_name: SOURCE_NAMES.vigil, external_id: e.id },
  ];
  if (e.gtdName) refs.push({ source_name: SOURCE_NAMES.gtd, external_id: e.gtdName });
  const common = {
    spec_version: '2.1',
    created_by_ref: VIGIL_IDENTITY_ID,
    created,
    modified: modifiedAt && modifiedAt > created ? modifiedAt : created,
    name: e.name,
    description: e.description?.trim(),
    external_references: refs,
    object_marking_refs: [TLP2_MARKING_IDS[marking]],
  };
  const key = `kb:${e.id}`;
  if (e.kind === 'group' || e.kind === 'state-body')
    return compact({
      type: 'threat-actor',
      id: stixId('threat-actor', key),
      ...common,
      threat_actor_types: [e.kind === 'state-body' ? 'nation-state' : 'terrorist'],
      aliases: e.aliases,
      labels: e.ideology ? [e.ideology] : undefined,
      primary_motivation: e.kind === 'state-body' ? undefined : 'ideology',
    });
  return compact({
    type: 'identity',
    id: stixId('identity', key),
    ...common,
    identity_class: e.kind === 'person' ? 'individual' : 'organization',
    roles: [e.kind],
  });
}

function kbActor(entry: KbEntry): Omit<Shared, 'users'> {
  const entity: ActorEntity = {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: [...entry.aliases, ...entry.ambiguousAliases],
  };
  if ('ideology' in entry && entry.ideology) entity.ideology = entry.ideology;
  if ('gtdName' in entry && entry.gtdName) entity.gtdName = entry.gtdName;
  if (entry.note) entity.description = entry.note;
  return {
    marking: 'TLP:CLEAR',
    created: VIGIL_EPOCH,
    build: (marking, created) => entityObject(entity, marking, created),
  };
}

/**
 * An entity an analyst accepted from the candidates, built as a knowledge-base entity is
 * ({@link entityObject}): marked with the decision's level, created with the first report that
 * uses it, modified when the decision was made (if later).
 */
function acceptedActor(d: AcceptedDecision): Omit<Shared, 'users'> {
  const e: AcceptedEntity = d.entity;
  const entity: ActorEntity = {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    description: `Not in Vigil's knowledge base: an actor named in several reports, accepted as an entity by an analyst on ${d.createdAt.slice(0, 10)}.`,
  };
  if (e.ideology) entity.ideology = e.ideology;
  return {
    marking: TLP_MARKINGS[d.level] ?? 'TLP:RED',
    build: (marking, created) => entityObject(entity, marking, created, stixTime(d.createdAt)),
  };
}

/** An actor the knowledge base does not know, by the name documents give it. */
function namedActor(ref: ActorRef, keyKind: 'kb' | 'name'): Omit<Shared, 'users'> {
  const key = keyKind === 'kb' ? `kb:${ref.id}` : `name:${nameKey(ref.name)}`;
  return {
    build: (marking, created) => {
      const common = {
        spec_version: '2.1',
        created_by_ref: VIGIL_IDENTITY_ID,
        created,
        modified: created,
        name: ref.name,
        external_references:
          keyKind === 'kb' && ref.id ? [{ source_name: SOURCE_NAMES.vigil, external_id: ref.id }] : undefined,
        labels: ref.ideology ? [ref.ideology] : undefined,
        object_marking_refs: [TLP2_MARKING_IDS[marking]],
      };
      return actorType(ref.kind) === 'identity'
        ? compact({
            type: 'identity',
            id: stixId('identity', key),
            ...common,
            identity_class: ref.kind === 'person' ? 'individual' : 'organization',
          })
        : compact({
            type: 'threat-actor',
            id: stixId('threat-actor', key),
            ...common,
            threat_actor_types: ['unknown'],
          });
    },
  };
}

/** A place's stable key: its GeoNames id, else its names and rounded coordinates. */
function placeKey(p: PlaceRef): string {
  if (p.geonamesId !== undefined) return `geonames:${p.geonamesId}`;
  return [
    p.countryCode,
    nameKey(p.admin1 ?? ''),
    nameKey(p.city ?? ''),
    p.lat.toFixed(3),
    p.lon.toFixed(3),
  ].join('|');
}

function locationOf(p: PlaceRef): Omit<Shared, 'users'> {
  return {
    build: (marking, created) =>
      compact({
        type: 'location',
        spec_version: '2.1',
        id: stixId('location', placeKey(p)),
        created_by_ref: VIGIL_IDENTITY_ID,
        created,
        modified: created,
        name: [p.city, p.admin1, p.country].filter(Boolean).join(', '),
        latitude: p.lat,
        longitude: p.lon,
        country: p.countryCode || undefined,
        administrative_area: p.admin1,
        city: p.city,
        region: countryCodes(p.countryCode)?.stixRegion,
        external_references:
          p.geonamesId !== undefined
            ? [
                {
                  source_name: 'geonames',
                  external_id: String(p.geonamesId),
                  url: `https://www.geonames.org/${p.geonamesId}`,
                },
              ]
            : undefined,
        object_marking_refs: [TLP2_MARKING_IDS[marking]],
      }),
  };
}

/** Created: the first report (else the event's date); modified: the latest report. */
function timesOf(mentions: MentionSource[], date: string | undefined): { created: string; modified: string } {
  const times = mentions
    .flatMap((m) => {
      const t = stixTime(m.publishedAt);
      return t ? [t] : [];
    })
    .sort();
  const created = times[0] ?? stixTime(date?.slice(0, 10)) ?? VIGIL_EPOCH;
  const modified = times[times.length - 1] ?? created;
  return { created, modified: modified < created ? created : modified };
}

/** The distinct sentences of the evidence, in order (the words that state the fields). */
function descriptionOf(evidence: SourcedEvidence[]): string | undefined {
  const texts = [...new Set(evidence.map((e) => e.text.trim()).filter(Boolean))];
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** One external reference per document: its id, URL and title. */
function documentReferences(mentions: MentionSource[]): Record<string, unknown>[] {
  const byDoc = new Map<string, MentionSource>();
  for (const m of mentions) if (!byDoc.has(m.docId)) byDoc.set(m.docId, m);
  return [...byDoc.values()].map((m) =>
    compact({
      source_name: SOURCE_NAMES.document,
      external_id: m.docId,
      url: m.url && URL.canParse(m.url) ? m.url : undefined,
      description: m.title,
    }),
  );
}
