import { Link } from 'react-router';
import { humanize } from '../../lib/format';
import { ENTITY_KINDS } from '../../lib/vocab';

const KIND_LABELS: Record<string, string> = {
  group: 'Groups',
  person: 'People',
  outlet: 'Outlets',
  platform: 'Platforms',
  'state-body': 'State bodies',
};

/**
 * The kinds of actor of the knowledge base, and the candidates it does not know yet.
 * `current` is a kind, or `candidates`; `q` carries a name search from tab to tab.
 */
export function ActorTabs({ current, q = '' }: { current: string; q?: string }) {
  return (
    <nav aria-label="Kinds of actor" className="kind-tabs">
      {ENTITY_KINDS.map((k) => (
        <Link
          key={k}
          to={`/actors?kind=${k}${q ? `&q=${encodeURIComponent(q)}` : ''}`}
          aria-current={k === current ? 'page' : undefined}
        >
          {KIND_LABELS[k] ?? humanize(k)}
        </Link>
      ))}
      <Link
        to="/actors/candidates"
        className="tab-candidates"
        aria-current={current === 'candidates' ? 'page' : undefined}
      >
        Candidates
      </Link>
    </nav>
  );
}
