import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type {
  Candidate,
  CandidateDecision,
  CandidateDecisionInput,
  CandidateOutcome,
  Entity,
} from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { EntityLink } from '../../components/EntityLink';
import { ReasonField } from '../../components/ReasonField';
import { rankEntities } from '../../lib/entity-search';
import { formatIsoDate, plural } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useApi } from '../../lib/use-api';
import { IDEOLOGIES } from '../../lib/vocab';

/** What the page says after a decision, or its undoing: `lead`, the entity decided on (linked), `tail`. */
export interface CandidateNotice {
  lead: string;
  entityId?: string;
  tail: string;
}

/** The notice for what an analyst just did about a candidate (`undone`: the decision was undone). */
export function candidateNotice(outcome: CandidateOutcome, undone = false): CandidateNotice {
  const d = outcome.decision;
  const after = ` Resolution ran again: ${plural(outcome.candidates, 'candidate')} left.`;
  if (undone)
    return {
      lead: `The decision about “${d.name}” is undone: it is listed again while two documents name it.`,
      tail: after,
    };
  if (d.decision === 'rejected')
    return { lead: `“${d.name}” is not an actor: it is no longer listed.`, tail: after };
  const entityId = d.entityId ?? '';
  if (d.decision === 'accepted')
    return { lead: `“${d.name}” is now the new ${d.entity?.kind ?? 'group'} `, entityId, tail: `.${after}` };
  return { lead: `“${d.name}” is now another name of `, entityId, tail: `.${after}` };
}

type Mode = 'accepted' | 'alias' | 'rejected';

/**
 * An analyst's decision about one candidate: accept it as a new group (or person), make it an
 * alias of a knowledge-base entity found by name, or reject it — each with an optional reason
 * for the audit log. Resolution runs again before `onDecided` is called.
 */
export function DecideCandidate({
  candidate: c,
  onDecided,
}: {
  candidate: Candidate;
  onDecided: (outcome: CandidateOutcome) => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<Mode>();
  const [name, setName] = useState(c.name);
  const [entityId, setEntityId] = useState('');
  const [ideology, setIdeology] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const kindName = c.kind === 'person' ? 'person' : 'group';

  function open(next: Mode) {
    setMode(mode === next ? undefined : next);
    setEntityId('');
    setError(undefined);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!mode) return;
    if (mode === 'alias' && !entityId.trim())
      return setError('Choose the knowledge-base entity this is another name of.');
    const input: CandidateDecisionInput = { decision: mode };
    if (mode === 'accepted') {
      input.name = name.trim();
      if (entityId.trim()) input.entityId = entityId.trim();
      if (ideology) input.ideology = ideology;
    }
    if (mode === 'alias') input.entityId = entityId.trim();
    if (reason.trim()) input.reason = reason.trim();
    await run(async () => {
      const outcome = await api.decideCandidate(c.key, input);
      setMode(undefined);
      onDecided(outcome);
    });
  }

  const submitLabel =
    mode === 'accepted' ? `Accept as new ${kindName}` : mode === 'alias' ? 'Make it an alias' : 'Reject';
  return (
    <div className="candidate-decide">
      <div className="candidate-buttons" role="group" aria-label={`Decide about ${c.name}`}>
        <button
          type="button"
          aria-expanded={mode === 'accepted'}
          onClick={() => open('accepted')}
          disabled={busy}
        >
          Accept as new {kindName}
        </button>
        <button type="button" aria-expanded={mode === 'alias'} onClick={() => open('alias')} disabled={busy}>
          Alias of…
        </button>
        <button
          type="button"
          aria-expanded={mode === 'rejected'}
          onClick={() => open('rejected')}
          disabled={busy}
        >
          Reject
        </button>
      </div>
      {mode ? (
        <form
          className="candidate-form"
          onSubmit={(e) => void submit(e)}
          aria-label={`${submitLabel}: ${c.name}`}
        >
          {mode === 'accepted' ? (
            <div className="candidate-fields">
              <div className="form-row">
                <label htmlFor={`${id}-name`}>Name</label>
                <input
                  id={`${id}-name`}
                  type="text"
                  required
                  maxLength={300}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </div>
              <div className="form-row">
                <label htmlFor={`${id}-id`}>Id</label>
                <input
                  id={`${id}-id`}
                  type="text"
                  spellCheck={false}
                  maxLength={200}
                  placeholder="made from the name"
                  value={entityId}
                  onChange={(e) => setEntityId(e.target.value)}
                />
              </div>
              {kindName === 'group' ? (
                <div className="form-row">
                  <label htmlFor={`${id}-ideology`}>Ideology</label>
                  <select
                    id={`${id}-ideology`}
                    value={ideology}
                    onChange={(e) => setIdeology(e.target.value)}
                  >
                    <option value="">not given</option>
                    {IDEOLOGIES.map((i) => (
                      <option key={i} value={i}>
                        {i}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
          ) : null}
          {mode === 'alias' ? (
            <EntityPicker label={`${c.name} is another name of`} onChoose={setEntityId} />
          ) : null}
          <ReasonField id={`${id}-reason`} value={reason} onChange={setReason} />
          <ActionError error={error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : submitLabel}
            </button>
            <button type="button" onClick={() => setMode(undefined)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** Entities offered for a search, at most, and entities read to choose them from. */
const SUGGESTIONS = 6;
const SEARCHED = 100;

/**
 * A knowledge-base entity chosen by searching names and aliases (the actors list's search), or
 * by typing its id; `onChoose` gets the id (or the words typed, for the server to check).
 */
function EntityPicker({ label, onChoose }: { label: string; onChoose: (id: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Entity>();
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const found = useApi(
    (signal) =>
      q.length >= 2 && !chosen ? api.entities({ q, limit: SEARCHED }, signal) : Promise.resolve(undefined),
    [q, chosen?.id ?? ''],
  );

  function type(value: string) {
    setText(value);
    setChosen(undefined);
    onChoose(value.trim());
  }

  function choose(e: Entity) {
    setChosen(e);
    setText(e.name);
    onChoose(e.id);
  }

  const items = rankEntities(found.data?.items ?? [], q).slice(0, SUGGESTIONS);
  return (
    <div className="form-row entity-picker">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="a name, an alias or an id, e.g. Taliban"
        value={text}
        onChange={(e) => type(e.target.value)}
        aria-describedby={`${id}-chosen`}
        autoFocus
      />
      <p id={`${id}-chosen`} className="muted small">
        {chosen ? (
          <>
            Chosen: <strong>{chosen.name}</strong> ({chosen.kind}, <code>{chosen.id}</code>)
          </>
        ) : (
          'Type two letters or more and choose an entity below.'
        )}
      </p>
      {!chosen && items.length > 0 ? (
        <ul className="plain entity-suggestions" aria-label="Matching entities">
          {items.map((e) => (
            <li key={e.id}>
              <button type="button" className="link-button" onClick={() => choose(e)}>
                {e.name}
              </button>{' '}
              <span className="muted small">
                {e.kind} · {e.id}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {!chosen && q.length >= 2 && found.data && items.length === 0 ? (
        <p className="muted small">No entity is called “{q}”.</p>
      ) : null}
    </div>
  );
}

/** One decision, as the Decided list shows it, with Undo for analysts. */
export function DecidedItem({
  decision: d,
  canUndo,
  onUndone,
}: {
  decision: CandidateDecision;
  canUndo: boolean;
  onUndone: (outcome: CandidateOutcome) => void;
}) {
  const { busy, error, run } = useAction();
  return (
    <article className="decided" aria-label={d.name}>
      <div className="decided-head">
        <span className="candidate-name">{d.name}</span>
        <span className={`badge verdict-${d.decision}`}>{d.decision}</span>
        <span>
          {d.decision === 'accepted' && d.entity ? (
            <>
              new {d.entity.kind}{' '}
              <Link to={`/actors/${encodeURIComponent(d.entity.id)}`}>{d.entity.name}</Link>
              {d.entity.ideology ? <span className="muted"> ({d.entity.ideology})</span> : null}
            </>
          ) : d.decision === 'alias' && d.entityId ? (
            <>
              another name of <EntityLink id={d.entityId} />
            </>
          ) : (
            'not an actor'
          )}
        </span>
        {canUndo ? (
          <button
            type="button"
            className="small"
            disabled={busy}
            aria-label={`Undo the decision about ${d.name}`}
            onClick={() => void run(async () => onUndone(await api.undoCandidateDecision(d.key)))}
          >
            {busy ? 'Undoing…' : 'Undo'}
          </button>
        ) : null}
      </div>
      <p className="meta">
        <span>
          by {d.author} on {formatIsoDate(d.createdAt.slice(0, 10))}
        </span>
        {d.reason ? <span>{d.reason}</span> : null}
      </p>
      <ActionError error={error} />
    </article>
  );
}
