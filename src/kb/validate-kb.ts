import type { Message } from '../doc.js';
import { nameKey as aliasKey } from '../text/normalize.js';
import type { SourcedEntry } from './load-kb.js';

/**
 * Cross-entry checks of a knowledge base: unique ids, links to existing entries of the right kind,
 * and no name or alias claimed by two entities unless every claimant marks it ambiguous.
 */
export function validateKb(entries: SourcedEntry[]): Message[] {
  const messages: Message[] = [];
  const err = (source: string, ruleId: string, reason: string): void => {
    messages.push({ ruleId, reason, severity: 'error', source });
  };
  const byId = new Map<string, SourcedEntry>();
  for (const s of entries) {
    const prior = byId.get(s.entry.id);
    if (prior) err(s.file, 'kb:duplicate-id', `${s.entry.id} is also defined in ${prior.file}`);
    else byId.set(s.entry.id, s);
  }
  const isGroup = (id: string): boolean => {
    const kind = byId.get(id)?.entry.kind;
    return kind === 'group' || kind === 'state-body';
  };
  for (const { entry, file } of entries) {
    const link = (target: string, what: string, ok: (id: string) => boolean): void => {
      if (!byId.has(target)) err(file, 'kb:dangling-link', `${entry.id}: ${what} ${target} does not exist`);
      else if (!ok(target)) err(file, 'kb:bad-link', `${entry.id}: ${what} ${target} has the wrong kind`);
    };
    if (entry.kind === 'group' || entry.kind === 'state-body') {
      if (entry.parent) link(entry.parent, 'parent', isGroup);
      if (entry.parent === entry.id) err(file, 'kb:self-link', `${entry.id} is its own parent`);
      for (const a of entry.affiliates) link(a, 'affiliate', isGroup);
    } else if (entry.kind === 'outlet') {
      link(entry.group, 'group', isGroup);
    } else if (entry.kind === 'person') {
      for (const r of entry.roles)
        link(r.group, `${r.role} of`, (id) => isGroup(id) || byId.get(id)?.entry.kind === 'outlet');
    }
  }

  // Every name and alias, with whether its claimant marks it ambiguous.
  const claims = new Map<string, { id: string; file: string; ambiguous: boolean; surface: string }[]>();
  for (const { entry, file } of entries) {
    const own = new Set<string>();
    const add = (surface: string, ambiguous: boolean): void => {
      const key = aliasKey(surface);
      if (own.has(key)) return;
      own.add(key);
      const list = claims.get(key) ?? [];
      list.push({ id: entry.id, file, ambiguous, surface });
      claims.set(key, list);
    };
    add(entry.name, false);
    for (const a of entry.aliases) add(a, false);
    for (const a of entry.ambiguousAliases) add(a, true);
  }
  for (const list of claims.values()) {
    if (list.length < 2 || list.every((c) => c.ambiguous)) continue;
    for (const c of list.filter((x) => !x.ambiguous)) {
      const others = list.filter((x) => x.id !== c.id).map((x) => x.id);
      err(
        c.file,
        'kb:alias-conflict',
        `${c.id}: "${c.surface}" is also claimed by ${others.join(', ')} (mark it ambiguous in all)`,
      );
    }
  }
  return messages;
}
