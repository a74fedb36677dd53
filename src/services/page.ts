/** One page of a list, as every list of the API answers it (docs/api.md). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Paging asked for: `limit` (1…500) and `offset`. */
export interface Paging {
  limit: number;
  offset: number;
}

/** A page cut from a whole list held in memory (knowledge-base entities, candidates, chains). */
export function pageOf<T>(all: T[], paging: Paging): Page<T> {
  return {
    items: all.slice(paging.offset, paging.offset + paging.limit),
    total: all.length,
    limit: paging.limit,
    offset: paging.offset,
  };
}
