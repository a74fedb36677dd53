import { createHash } from 'node:crypto';

/**
 * Vigil's UUID namespace for STIX identifiers (never change it: the ids of every exported object
 * derive from it, and re-exports must give the same ids).
 */
export const VIGIL_NAMESPACE = 'b0c1e6d2-7a4f-5c3e-9d1a-6f2e8b4c0a17';

/** A name-based UUID (RFC 4122 version 5: SHA-1 of the namespace and the name). */
export function uuidV5(name: string, namespace: string = VIGIL_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The STIX id of an object of `type` with a stable key (a resolved incident id, a knowledge-base
 * id, a place key): `type--<uuid5(type:key)>`, the same on every export.
 */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(`${type}:${key}`)}`;
}
