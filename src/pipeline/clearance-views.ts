import { TLP_MARKINGS, type Tlp } from '../ingest/source-document.js';

/** A value as seen by readers cleared for levels `minLevel`…`maxLevel` (indexes into TLP_MARKINGS). */
export interface ClearanceView<T> {
  minLevel: number;
  maxLevel: number;
  value: T;
}

/** Index of a marking in TLP_MARKINGS: 0 for TLP:CLEAR … 4 for TLP:RED. */
export function tlpLevel(marking: Tlp): number {
  return TLP_MARKINGS.indexOf(marking);
}

/** The markings a reader cleared for `level` may read (all of them when `level` is undefined). */
export function markingsUpTo(level: number | undefined): Tlp[] {
  return TLP_MARKINGS.filter((_, i) => level === undefined || i <= level);
}

/**
 * What readers of each clearance see of an object built from several sources: for every level,
 * the object built from the sources at or below it; consecutive levels that see the same sources
 * share one view, and levels that see none get none. An incident reported only in TLP:RED
 * documents has no view below RED; one reported in GREEN and RED documents shows GREEN readers
 * only what the GREEN documents say.
 */
export function clearanceViews<S, T>(
  sources: S[],
  markingOf: (s: S) => Tlp,
  build: (visible: S[]) => T | undefined,
): ClearanceView<T>[] {
  const views: ClearanceView<T>[] = [];
  let lastCount = 0;
  for (let level = 0; level < TLP_MARKINGS.length; level++) {
    const visible = sources.filter((s) => tlpLevel(markingOf(s)) <= level);
    if (visible.length === 0) continue;
    const last = views[views.length - 1];
    if (last && last.maxLevel === level - 1 && visible.length === lastCount) {
      last.maxLevel = level;
      continue;
    }
    const value = build(visible);
    if (value === undefined) continue;
    views.push({ minLevel: level, maxLevel: level, value });
    lastCount = visible.length;
  }
  return views;
}
