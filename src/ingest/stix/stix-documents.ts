import { SOURCE_NAMES } from '../../export/stix/build-bundle.js';
import { mostRestrictive, tlpOfMarking } from '../../export/stix/markings.js';
import type { StixObject } from '../../export/stix/stix-object.js';
import {
  INCIDENT_EXTENSION_ID,
  incidentFields,
  STATEMENT_EXTENSION_ID,
  statementFields,
  VIGIL_IDENTITY_ID,
} from '../../export/stix/vigil-extension.js';
import type {
  ActorRef,
  Evidence,
  Extraction,
  IncidentMention,
  LinkMention,
  StatementMention,
} from '../../pipeline/extraction.js';
import { PIPELINE_VERSION } from '../../services/ingest.js';
import type { DocumentWrite } from '../../store/store.js';
import type { Tlp } from '../source-document.js';
import {
  datasetDocumentId,
  datasetStoredDocument,
  type ActorMatcher,
  type DatasetDocument,
  type PlaceMatcher,
} from '../datasets/dataset-record.js';
import { isKbActor } from './stix-kb.js';

/** What the documents of a bundle are built with. */
export interface StixDocumentContext {
  path: string;
  /** The actor each threat actor or intrusion set stands for (see planOverlay). */
  actors: Map<string, ActorRef>;
  matcher: ActorMatcher;
  places: PlaceMatcher;
  /** Marking for objects that carry none; an object's own marking never goes below it. */
  marking: Tlp;
  /** Vigil's extraction of a text (for reports, notes and incidents without Vigil's fields). */
  extract: (doc: { id: string; text: string; title?: string; published?: string }) => Extraction;
  retrievedAt: string;
}

/** The documents of a bundle, and the objects they used. */
export interface StixDocuments {
  writes: DocumentWrite[];
  /** Ids of the objects taken into documents or knowledge base (the others are kept aside). */
  used: Set<string>;
}

const DOCUMENT_TYPES = new Set(['incident', 'report', 'note']);

/**
 * The documents a bundle's incidents, reports and notes become (docs/import.md). Objects carrying
 * Vigil's extensions (a Vigil export) become a document with exactly that incident or statement,
 * and their `retaliation-for` relationships links between them, so that a round trip gives the same
 * incidents, statements and links. Other incidents become an incident built from their
 * relationships (`located-at` a location, `attributed-to` an actor) and `first_seen`, its type and
 * figures from Vigil's extraction of the text; reports and notes are extracted like articles.
 */
export function stixDocuments(objects: StixObject[], ctx: StixDocumentContext): StixDocuments {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const used = new Set<string>();
  const relations = objects.filter((o) => o.type === 'relationship');
  const from = (id: string, type: string): StixObject[] =>
    relations.filter((r) => r.source_ref === id && r.relationship_type === type);

  const markingOf = (o: StixObject): Tlp => {
    const own = (Array.isArray(o.object_marking_refs) ? o.object_marking_refs : []).flatMap(
      (ref: unknown) => {
        if (typeof ref !== 'string') return [];
        const tlp = tlpOfMarking(ref, byId.get(ref));
        if (tlp) used.add(ref);
        return tlp ? [tlp] : [];
      },
    );
    return mostRestrictive([ctx.marking, ...own]);
  };
  const actorOf = (ref: ActorRef): ActorRef => {
    if (ref.id && ctx.matcher.knows(ref.id)) return ref;
    const matched = ctx.matcher.match(ref.name);
    return matched.id
      ? { ...ref, id: matched.id, name: matched.name, kind: matched.kind ?? 'group' }
      : { ...ref, id: null };
  };

  // First the documents (their ids are needed by the links between them), then their extractions.
  const docs = new Map<string, DatasetDocument>();
  for (const o of objects) {
    if (!DOCUMENT_TYPES.has(o.type)) continue;
    const doc = documentOf(o, ctx, markingOf(o));
    if (!doc) continue;
    docs.set(o.id, doc);
    used.add(o.id);
  }
  const mentionOf = (stixId: string): string | undefined => {
    const target = docs.get(stixId);
    const kind = byId.get(stixId)?.type === 'note' ? 's' : 'i';
    return target ? `${datasetDocumentId(target)}:${kind}1` : undefined;
  };
  for (const o of objects) {
    if (o.id === VIGIL_IDENTITY_ID || o.type === 'marking-definition') used.add(o.id);
    if (
      o.type === 'extension-definition' &&
      (o.id === INCIDENT_EXTENSION_ID || o.id === STATEMENT_EXTENSION_ID)
    )
      used.add(o.id);
    if (isKbActor(o)) used.add(o.id);
    const refs = Array.isArray(o.external_references)
      ? (o.external_references as { source_name?: string }[])
      : [];
    if (o.type === 'identity' && refs.some((r) => r.source_name === SOURCE_NAMES.vigil)) used.add(o.id);
  }

  const writes: DocumentWrite[] = [];
  for (const [stixId, doc] of docs) {
    const o = byId.get(stixId)!;
    const id = datasetDocumentId(doc);
    const whole = { start: 0, end: doc.text.length, text: doc.text };
    const extensions = (o.extensions ?? {}) as Record<string, Record<string, unknown>>;
    // Relationships from this object: used (what they say becomes the document's fields or links).
    const linked = (type: string): StixObject[] => {
      const rels = from(stixId, type);
      for (const r of rels) used.add(r.id);
      return rels;
    };
    const links: LinkMention[] = [];
    const source = o.type === 'note' ? `${id}:s1` : `${id}:i1`;
    for (const r of linked('retaliation-for')) {
      const to = mentionOf(r.target_ref as string);
      if (to)
        links.push({
          from: source,
          to,
          kind: 'retaliation-for',
          evidence: [{ field: 'retaliation-for', ...whole }],
        });
    }
    let extraction: Extraction;
    const incidentExt = extensions[INCIDENT_EXTENSION_ID];
    const statementExt = extensions[STATEMENT_EXTENSION_ID];
    if (o.type === 'incident' && incidentExt) {
      for (const r of relations) if (r.source_ref === stixId) used.add(r.id); // the extension says it all
      const f = incidentFields(incidentExt);
      for (const text of f.retaliationForText)
        links.push({
          from: source,
          to: { text },
          kind: 'retaliation-for',
          evidence: [{ field: 'retaliation-for', ...whole }],
        });
      const incident: IncidentMention = {
        id: source,
        type: f.type,
        types: f.types,
        date: f.date,
        location: f.location,
        perpetrators: f.perpetrators.map(actorOf),
        targets: f.targets,
        weapons: f.weapons,
        killed: f.killed,
        wounded: f.wounded,
        perpetratorsKilled: f.perpetratorsKilled,
        perpetratorsWounded: f.perpetratorsWounded,
        suicide: f.suicide,
        claimedBy: f.claimedBy.map((c) => ({
          ...actorOf(c),
          ...(c.outlet ? { outlet: actorOf(c.outlet) } : {}),
        })),
        role: f.role,
        evidence: stated(['type', 'date', 'location', 'perpetrators', 'killed', 'wounded'], whole),
        confidence: f.confidence,
      };
      extraction = structured(id, [incident], [], links);
    } else if (o.type === 'note' && statementExt) {
      for (const r of relations) if (r.source_ref === stixId) used.add(r.id);
      const f = statementFields(statementExt);
      for (const text of f.retaliationForText)
        links.push({
          from: source,
          to: { text },
          kind: 'retaliation-for',
          evidence: [{ field: 'retaliation-for', ...whole }],
        });
      const quoteAt = f.quote ? doc.text.indexOf(f.quote) : -1;
      const statement: StatementMention = {
        id: source,
        type: f.type,
        speaker: f.speaker ? actorOf(f.speaker) : null,
        organization: f.organization ? actorOf(f.organization) : null,
        outlet: f.outlet ? actorOf(f.outlet) : null,
        platform: f.platform ? actorOf(f.platform) : null,
        medium: f.medium,
        date: f.date,
        quote: f.quote,
        refersTo: f.refersTo.flatMap((r) => mentionOf(r) ?? []),
        evidence: [
          { field: 'type', ...whole },
          ...(quoteAt >= 0
            ? [{ field: 'quote', start: quoteAt, end: quoteAt + f.quote!.length, text: f.quote! }]
            : []),
        ],
        confidence: f.confidence,
      };
      extraction = structured(id, [], [statement], links);
    } else {
      extraction = ctx.extract({
        id,
        text: doc.text,
        title: doc.title,
        ...(doc.publishedAt ? { published: doc.publishedAt.slice(0, 10) } : {}),
      });
      if (o.type === 'incident') extraction = withStructure(extraction, o, id, whole, ctx, byId, linked);
      extraction.links.push(...links);
    }
    // Built from the object's fields (not only its text): `vigil reprocess` keeps it.
    if (o.type === 'incident' || statementExt) doc.meta.structured = true;
    writes.push({
      document: datasetStoredDocument(doc, ctx.retrievedAt),
      extraction,
      pipelineVersion: PIPELINE_VERSION,
    });
  }
  // The places of the incidents are used with their located-at relationships.
  for (const r of relations)
    if (used.has(r.id) && r.relationship_type === 'located-at') used.add(r.target_ref as string);
  return { writes, used };
}

/** The document of an incident, report or note: its text, title, date and first URL. */
function documentOf(o: StixObject, ctx: StixDocumentContext, marking: Tlp): DatasetDocument | undefined {
  const text = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');
  const body =
    o.type === 'note'
      ? [text(o.abstract), text(o.content)]
      : [o.type === 'report' ? text(o.name) : '', text(o.description) || text(o.name)];
  const content = [...new Set(body.filter(Boolean))].join('\n\n');
  if (!content) return undefined;
  const refs = Array.isArray(o.external_references)
    ? (o.external_references as { url?: unknown; source_name?: unknown }[])
    : [];
  const url = refs.map((r) => r.url).find((u): u is string => typeof u === 'string');
  const published = [o.published, o.first_seen, o.created].find((t): t is string => typeof t === 'string');
  const doc: DatasetDocument = {
    dataset: 'stix',
    key: o.id,
    source: { kind: 'dataset', path: ctx.path, ...(url ? { url } : {}) },
    title: text(o.name) || text(o.abstract) || `${o.type} ${o.id}`,
    text: content,
    marking,
    meta: { dataset: 'stix', eventId: o.id, stixType: o.type },
  };
  if (published) doc.publishedAt = published;
  return doc;
}

function stated(fields: string[], whole: Omit<Evidence, 'field'>): Evidence[] {
  return fields.map((field) => ({ field, ...whole }));
}

function structured(
  id: string,
  incidents: IncidentMention[],
  statements: StatementMention[],
  links: LinkMention[],
): Extraction {
  const entities = new Map<string, Extraction['entities'][number]>();
  const note = (a: ActorRef | null | undefined): void => {
    if (a?.id && !entities.has(a.id))
      entities.set(a.id, { id: a.id, kind: a.kind ?? 'group', name: a.name, spans: [] });
  };
  for (const i of incidents) [...i.perpetrators, ...i.claimedBy].forEach(note);
  for (const s of statements) [s.speaker, s.organization, s.outlet, s.platform].forEach(note);
  return { id, incidents, statements, links, entities: [...entities.values()], messages: [] };
}

/**
 * An incident object without Vigil's fields: the main incident Vigil extracts from its text (or
 * an `Unknown` one when it finds none), with the place, perpetrators and date the bundle states.
 */
function withStructure(
  extraction: Extraction,
  o: StixObject,
  id: string,
  whole: Omit<Evidence, 'field'>,
  ctx: StixDocumentContext,
  byId: Map<string, StixObject>,
  linked: (type: string) => StixObject[],
): Extraction {
  const base: IncidentMention = extraction.incidents[0] ?? {
    id: `${id}:i1`,
    type: 'Unknown',
    types: ['Unknown'],
    date: null,
    location: null,
    perpetrators: [],
    targets: [],
    weapons: [],
    killed: null,
    wounded: null,
    perpetratorsKilled: null,
    perpetratorsWounded: null,
    suicide: null,
    claimedBy: [],
    role: 'main',
    evidence: [{ field: 'type', ...whole }],
    confidence: typeof o.confidence === 'number' ? o.confidence / 100 : 0.5,
  };
  const place = linked('located-at')
    .map((r) => byId.get(r.target_ref as string))
    .find((l) => l?.type === 'location');
  if (place) {
    const code = typeof place.country === 'string' ? place.country.toUpperCase() : undefined;
    const location = ctx.places.match({
      country: code ?? '',
      ...(code ? { countryCode: code } : {}),
      ...(typeof place.city === 'string' ? { city: place.city } : {}),
      ...(typeof place.administrative_area === 'string' ? { admin1: place.administrative_area } : {}),
      ...(typeof place.latitude === 'number' && typeof place.longitude === 'number'
        ? { lat: place.latitude, lon: place.longitude }
        : {}),
    });
    if (location) {
      base.location = location;
      base.evidence.push({ field: 'location', ...whole });
    }
  }
  const perpetrators = linked('attributed-to').flatMap((r) => ctx.actors.get(r.target_ref as string) ?? []);
  if (perpetrators.length > 0) {
    base.perpetrators = perpetrators;
    base.evidence.push({ field: 'perpetrators', ...whole });
  }
  const seen = typeof o.first_seen === 'string' ? o.first_seen.slice(0, 10) : undefined;
  if (seen && /^\d{4}-\d{2}-\d{2}$/.test(seen)) base.date = { value: seen, precision: 'day' };
  return { ...extraction, incidents: [base, ...extraction.incidents.slice(1)] };
}
