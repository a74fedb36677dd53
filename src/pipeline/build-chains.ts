import { createHash } from 'node:crypto';
import type { ResolvedLink, SourcedEvidence } from './resolution.js';

/** An incident, statement or named earlier events in a chain. */
export interface ChainNode {
  id: string;
  kind: 'incident' | 'statement' | 'events';
  /** ISO date (or week, month, year) of the incident or statement, when known. */
  date?: string;
  /** A one-line description: "Armed Assault, Christchurch, New Zealand (51 killed)". */
  label: string;
  /** Names of the perpetrators, speakers or organisations. */
  actors: string[];
  ideologies: string[];
}

/** A retaliation chain: incidents and statements linked by `retaliation-for`, oldest first. */
export interface Chain {
  id: string;
  start?: string;
  end?: string;
  nodes: ChainNode[];
  edges: { from: string; to: string; kind: string; evidence: SourcedEvidence[] }[];
  /** Ideologies of the actors along the chain (more than one: reciprocal radicalisation). */
  ideologies: string[];
}

/**
 * Chains from links: each connected group of `retaliation-for` links is one chain, its nodes in
 * date order. Links to words rather than a stored incident become an `events` node.
 *
 * @param nodeOf describes an incident or statement by id; links whose ends it does not know (not
 *   visible to the reader) are left out.
 */
export function buildChains(links: ResolvedLink[], nodeOf: (id: string) => ChainNode | undefined): Chain[] {
  const nodes = new Map<string, ChainNode>();
  const edges: Chain['edges'] = [];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const node = (id: string | { text: string }): ChainNode | undefined => {
    if (typeof id !== 'string') {
      const key = `events-${createHash('sha256').update(id.text.toLowerCase()).digest('hex').slice(0, 12)}`;
      return { id: key, kind: 'events', label: id.text, actors: [], ideologies: [] };
    }
    return nodeOf(id);
  };
  for (const link of links) {
    const from = node(link.from);
    const to = node(link.to);
    if (!from || !to || from.id === to.id) continue;
    for (const n of [from, to])
      if (!nodes.has(n.id)) {
        nodes.set(n.id, n);
        parent.set(n.id, n.id);
      }
    parent.set(find(from.id), find(to.id));
    edges.push({ from: from.id, to: to.id, kind: link.kind, evidence: link.evidence });
  }
  const groups = new Map<string, ChainNode[]>();
  for (const n of nodes.values()) {
    const root = find(n.id);
    const list = groups.get(root);
    if (list) list.push(n);
    else groups.set(root, [n]);
  }
  const chains = [...groups.values()].map((members): Chain => {
    members.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
    const ids = new Set(members.map((n) => n.id));
    const dates = members.flatMap((n) => (n.date ? [n.date] : []));
    const chain: Chain = {
      id: `chain-${createHash('sha256').update(members[0]!.id).digest('hex').slice(0, 12)}`,
      nodes: members,
      edges: edges.filter((e) => ids.has(e.from)),
      ideologies: [...new Set(members.flatMap((n) => n.ideologies))],
    };
    if (dates.length > 0) {
      chain.start = dates[0]!;
      chain.end = dates[dates.length - 1]!;
    }
    return chain;
  });
  return chains.sort((a, b) => (b.end ?? '').localeCompare(a.end ?? '') || a.id.localeCompare(b.id));
}
