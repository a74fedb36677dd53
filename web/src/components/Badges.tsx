import { tlpClass, tlpName } from '../lib/format';
import type { Tlp } from '../api/types';

/** A TLP marking, in the FIRST colours on black. */
export function TlpBadge({ marking }: { marking: Tlp | number | undefined | null }) {
  const name = tlpName(marking);
  return (
    <span className={`badge tlp tlp-${tlpClass(name)}`} title={`Traffic Light Protocol marking ${name}`}>
      {name}
    </span>
  );
}

/** An alert's severity. */
export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge sev-${severity}`}>{severity}</span>;
}

/** Incident, statement or named events. */
export function KindBadge({ kind }: { kind: string }) {
  return <span className={`badge kind-${kind}`}>{kind}</span>;
}
