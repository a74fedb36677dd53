/** A STIX 2.1 object as JSON: `type` and `id`, and the properties of its type. */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Leave out properties STIX forbids as empty: null, undefined, empty strings and empty lists. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** A STIX timestamp (`YYYY-MM-DDTHH:MM:SS.sssZ`) of an ISO date or date-time; undefined when it is not one. */
export function stixTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const ms = Date.parse(day);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
