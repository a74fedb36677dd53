import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { buildChains, type Chain, type ChainNode } from '../pipeline/build-chains.js';
import type { ActorRef } from '../pipeline/extraction.js';
import type { Store } from '../store/store.js';
import { describeIncident, describeStatement } from './alerts/evaluate-rules.js';

/**
 * Retaliation chains a reader may see: the `retaliation-for` links of the store grouped into
 * chains, each incident and statement described with its date, actors and their ideologies.
 */
export async function listChains(store: Store, kb: KnowledgeBase, clearance?: number): Promise<Chain[]> {
  const links = await store.listLinks(clearance);
  const ids = new Set(links.flatMap((l) => [l.from, ...(typeof l.to === 'string' ? [l.to] : [])]));
  const nodes = new Map<string, ChainNode>();
  const ideologiesOf = (actors: (ActorRef | null)[]) => [
    ...new Set(
      actors.flatMap((a) => {
        if (!a) return [];
        const entry = a.id ? kb.byId.get(a.id) : undefined;
        const ideology = entry && 'ideology' in entry ? entry.ideology : a.ideology;
        return ideology ? [ideology] : [];
      }),
    ),
  ];
  for (const id of ids) {
    if (id.startsWith('inc-')) {
      const i = await store.getIncident(id, clearance);
      if (!i) continue;
      const node: ChainNode = {
        id,
        kind: 'incident',
        label: describeIncident(i),
        actors: i.perpetrators.map((p) => p.name),
        ideologies: ideologiesOf(i.perpetrators),
      };
      if (i.date) node.date = i.date.value;
      nodes.set(id, node);
    } else {
      const s = await store.getStatement(id, clearance);
      if (!s) continue;
      const node: ChainNode = {
        id,
        kind: 'statement',
        label: describeStatement(s) + (s.quote ? `: "${s.quote}"` : ''),
        actors: [s.organization?.name, s.speaker?.name].filter((n): n is string => Boolean(n)),
        ideologies: ideologiesOf([s.organization, s.speaker]),
      };
      const date = s.date?.value ?? s.mentions[0]?.publishedAt?.slice(0, 10);
      if (date) node.date = date;
      nodes.set(id, node);
    }
  }
  return buildChains(links, (id) => nodes.get(id));
}
