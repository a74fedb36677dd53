import { Link } from 'react-router';
import type { ActorRef } from '../api/types';

/** An actor: a link to its page when the knowledge base knows it, its name (and ideology) otherwise. */
export function ActorName({ actor }: { actor: ActorRef | null | undefined }) {
  if (!actor) return <span className="muted">unknown</span>;
  const name = actor.name || actor.text || 'unnamed';
  if (actor.id)
    return (
      <Link to={`/actors/${encodeURIComponent(actor.id)}`} title={actor.kind ? `${actor.kind}` : undefined}>
        {name}
      </Link>
    );
  return (
    <span>
      {name}
      {actor.ideology ? <span className="muted"> ({actor.ideology})</span> : null}
    </span>
  );
}

/** A comma-separated list of actors, or "unknown". */
export function ActorList({ actors, none = 'unknown' }: { actors: ActorRef[] | undefined; none?: string }) {
  if (!actors || actors.length === 0) return <span className="muted">{none}</span>;
  return (
    <>
      {actors.map((a, i) => (
        <span key={`${a.id ?? a.name}-${i}`}>
          {i > 0 ? ', ' : null}
          <ActorName actor={a} />
        </span>
      ))}
    </>
  );
}
