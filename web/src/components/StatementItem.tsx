import { Link } from 'react-router';
import type { Statement } from '../api/types';
import { formatDate, humanize } from '../lib/format';
import { ActorName } from './Actors';
import { SourceCredit } from './SourceCredit';

/** One statement in a list: type, who, when, the quote, and where it was reported. */
export function StatementItem({ statement: s, credit = true }: { statement: Statement; credit?: boolean }) {
  const source = s.mentions?.[0];
  const who = s.organization ?? s.speaker;
  return (
    <article className="statement-item">
      <div className="item-title">
        <Link to={`/statements/${encodeURIComponent(s.id)}`}>{humanize(s.type)}</Link>
        <span className="muted">
          {' '}
          by {who ? <ActorName actor={who} /> : 'an unnamed speaker'}
          {s.speaker && s.organization && s.speaker.name !== s.organization.name ? (
            <>
              {' '}
              (<ActorName actor={s.speaker} />)
            </>
          ) : null}
          {s.outlet ? (
            <>
              {' '}
              via <ActorName actor={s.outlet} />
            </>
          ) : null}
        </span>
      </div>
      <div className="meta">
        <span>
          {s.date
            ? formatDate(s.date)
            : source?.publishedAt
              ? `reported ${formatDate({ value: source.publishedAt.slice(0, 10), precision: 'day' })}`
              : 'date unknown'}
        </span>
        {s.medium ? <span>{s.medium}</span> : null}
        {s.mentions && s.mentions.length > 1 ? <span>{s.mentions.length} reports</span> : null}
      </div>
      {s.quote ? <blockquote className="quote">{s.quote}</blockquote> : null}
      {credit && source ? <SourceCredit url={source.url} title={source.title} /> : null}
    </article>
  );
}
