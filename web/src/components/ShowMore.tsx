import { useState } from 'react';

/**
 * The first `first` items of a long list, and whether the rest is shown: a page about an incident
 * reported 700 times stays quick and readable, and every item is one click away.
 */
export function useFirst<T>(items: T[], first: number): { shown: T[]; hidden: number; showAll: () => void } {
  const [all, setAll] = useState(false);
  const shown = all || items.length <= first ? items : items.slice(0, first);
  return { shown, hidden: items.length - shown.length, showAll: () => setAll(true) };
}

/** "Show all 692 reports": shows the rest of a list cut by `useFirst`. */
export function ShowAll({
  hidden,
  total,
  noun,
  onClick,
}: {
  hidden: number;
  total: number;
  /** Plural noun of the items, e.g. `reports`. */
  noun: string;
  onClick: () => void;
}) {
  if (hidden <= 0) return null;
  return (
    <button type="button" className="link-button show-all" onClick={onClick}>
      Show all {total} {noun} ({hidden} more)
    </button>
  );
}
