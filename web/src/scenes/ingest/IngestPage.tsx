import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, type UploadProgress } from '../../api/client';
import type { IngestResult, Tlp } from '../../api/types';
import { useSession } from '../../auth/session';
import { TlpBadge } from '../../components/Badges';
import { formatBytes, markingsUpTo, plural, tlpName } from '../../lib/format';
import { useTitle } from '../../lib/use-api';
import { errorText, useAction } from '../../lib/use-action';
import { ActionError } from '../../components/ActionError';
import './ingest.css';

/** What `vigil ingest` reads, by the file name's extension (docs/api.md "Ingest"). */
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.csv';
/** The server's upload limit (20 MiB). */
const MAX_BYTES = 20 * 1024 * 1024;

/** Who may read documents of each marking (FIRST TLP 2.0), in a few words. */
const MARKING_HINTS: Record<Tlp, string> = {
  'TLP:CLEAR': 'no limit: anyone with an account',
  'TLP:GREEN': 'the community: accounts cleared for GREEN',
  'TLP:AMBER': 'the organisation and its clients: cleared for AMBER',
  'TLP:AMBER+STRICT': 'the organisation only: cleared for AMBER+STRICT',
  'TLP:RED': 'named recipients only: cleared for RED',
};

type Kind = 'file' | 'url' | 'feed';

/** One request sent from this page, while it runs and once answered. */
interface Job {
  id: number;
  kind: Kind;
  /** The file name, page address or feed address. */
  what: string;
  marking: Tlp;
  startedAt: number;
  progress?: UploadProgress;
  result?: IngestResult;
  error?: string;
}

let nextJob = 1;

/** Upload a file, fetch a page or follow a feed, under a marking no higher than one's clearance. */
export default function IngestPage() {
  useTitle('Ingest');
  const { user, canWrite } = useSession();
  const markings = markingsUpTo(user?.clearance);
  const [marking, setMarking] = useState<Tlp>('TLP:CLEAR');
  const [jobs, setJobs] = useState<Job[]>([]);
  const update = (id: number, change: Partial<Job>) =>
    setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...change } : j)));

  async function run(kind: Kind, what: string, send: (job: number) => Promise<IngestResult>) {
    const id = nextJob++;
    setJobs((js) => [{ id, kind, what, marking, startedAt: Date.now() }, ...js]);
    try {
      update(id, { result: await send(id) });
    } catch (e) {
      update(id, { error: errorText(e) });
    }
  }

  if (!canWrite)
    return (
      <div>
        <div className="page-head">
          <h1>Ingest</h1>
        </div>
        <p className="notice">
          Analysts and administrators add documents. You can read everything already stored at your clearance.
        </p>
      </div>
    );

  return (
    <div className="ingest-page" data-ready="ingest">
      <div className="page-head">
        <h1>Ingest</h1>
        <p className="sub">
          Add documents: Vigil reads them, extracts incidents and statements, and resolves them with the rest.
        </p>
      </div>

      <fieldset className="card marking-choice">
        <legend>Marking of what you add</legend>
        <p className="muted small">
          Who may read the new documents and what is extracted from them. You may mark up to{' '}
          {tlpName(user?.clearance)}, your own clearance.
        </p>
        <div className="marking-options">
          {markings.map((m) => (
            <label key={m} className={m === marking ? 'chosen' : undefined}>
              <input
                type="radio"
                name="marking"
                value={m}
                checked={m === marking}
                onChange={() => setMarking(m)}
              />
              <TlpBadge marking={m} />
              <span className="small">{MARKING_HINTS[m]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="ingest-forms">
        <FileForm
          marking={marking}
          onSend={(file) =>
            run('file', file.name, (id) =>
              api.ingestFile(file, marking, (progress) => update(id, { progress })),
            )
          }
        />
        <AddressForm
          kind="url"
          title="Fetch a web page"
          label="Page address"
          button="Fetch and ingest"
          placeholder="https://example.org/news/article"
          hint="The server fetches the article and keeps its main text. Private and local addresses are refused."
          marking={marking}
          onSend={(url) => run('url', url, () => api.ingestSource({ url }, marking))}
        />
        <AddressForm
          kind="feed"
          title="Follow a feed"
          label="Feed address"
          button="Add feed"
          placeholder="https://example.org/news/rss.xml"
          hint="RSS, Atom or JSON Feed. It is polled now, and with the other feeds from then on, under this marking."
          marking={marking}
          onSend={(feed) => run('feed', feed, () => api.ingestSource({ feed }, marking))}
        />
      </div>

      <section className="card" aria-labelledby="results-h">
        <h2 id="results-h">Results</h2>
        {jobs.length === 0 ? (
          <p className="muted">What you send appears here, newest first, with what was stored.</p>
        ) : null}
        <ul className="plain divided ingest-results" aria-live="polite">
          {jobs.map((j) => (
            <li key={j.id}>
              <JobItem job={j} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Choose a file and send it. */
function FileForm({ marking, onSend }: { marking: Tlp; onSend: (file: File) => Promise<void> }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose a file first.');
    if (file.size > MAX_BYTES)
      return setError(`${file.name} is ${formatBytes(file.size)}: the limit is 20 MB.`);
    await run(async () => {
      await onSend(file);
      setFile(undefined);
      if (input.current) input.current.value = '';
    });
  }

  return (
    <form className="card ingest-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Upload a file</h2>
      <div className="form-row">
        <label htmlFor={`${id}-file`}>File</label>
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setError(undefined);
          }}
        />
        <p id={`${id}-hint`} className="muted small">
          Text (.txt, .md), HTML, JSON Lines or JSON documents, CSV with a header, or a Telegram export
          (result.json); at most 20 MB.
        </p>
      </div>
      <ActionError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Ingesting…' : 'Upload and ingest'}
        </button>
        <TlpBadge marking={marking} />
      </div>
    </form>
  );
}

/** Type a page or feed address and send it. */
function AddressForm({
  kind,
  title,
  label,
  button,
  placeholder,
  hint,
  marking,
  onSend,
}: {
  kind: 'url' | 'feed';
  marking: Tlp;
  title: string;
  label: string;
  button: string;
  placeholder: string;
  hint: string;
  onSend: (address: string) => Promise<void>;
}) {
  const id = useId();
  const [address, setAddress] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = address.trim();
    if (!/^https?:\/\/\S+$/i.test(value))
      return setError('Enter an address starting with http:// or https://.');
    await run(async () => {
      await onSend(value);
      setAddress('');
    });
  }

  return (
    <form className="card ingest-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <div className="form-row">
        <label htmlFor={`${id}-${kind}`}>{label}</label>
        <input
          id={`${id}-${kind}`}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={placeholder}
          value={address}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setAddress(e.target.value)}
        />
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      </div>
      <ActionError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Working…' : button}
        </button>
        <TlpBadge marking={marking} />
      </div>
    </form>
  );
}

/** Seconds since `since`, ticking while `running`. */
function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - since) / 1000));
}

const KIND_LABEL: Record<Kind, string> = { file: 'File', url: 'Web page', feed: 'Feed' };

/** One request: what was sent, then its progress, then what the server did (or why it refused). */
function JobItem({ job }: { job: Job }) {
  const running = !job.result && !job.error;
  const seconds = useElapsed(job.startedAt, running);
  let state: ReactNode;
  if (running) {
    const uploading = job.progress && job.progress.sent < job.progress.total;
    state = (
      <p className="status job-running" role="status">
        <span className="spinner" aria-hidden="true" />
        {uploading ? (
          <>
            Uploading {Math.round((job.progress!.sent / job.progress!.total) * 100)}% of{' '}
            {formatBytes(job.progress!.total)}…
          </>
        ) : (
          <>
            {job.kind === 'file' ? 'Reading and extracting' : 'Fetching, reading and extracting'}, then
            resolving… {seconds} s
          </>
        )}
        {uploading ? (
          <progress max={job.progress!.total} value={job.progress!.sent} aria-hidden="true" />
        ) : null}
      </p>
    );
  } else if (job.error) {
    state = (
      <p className="action-error" role="alert">
        Not ingested: {job.error}
      </p>
    );
  } else if (job.result) {
    state = <Outcome result={job.result} />;
  }
  return (
    <article className="ingest-job" aria-label={`${KIND_LABEL[job.kind]} ${job.what}`}>
      <div className="job-head">
        <span className="badge badge-neutral">{KIND_LABEL[job.kind]}</span>
        <span className="job-what">{job.what}</span>
        <TlpBadge marking={job.marking} />
        <span className="meta">sent at {new Date(job.startedAt).toLocaleTimeString('en-GB')}</span>
      </div>
      {state}
    </article>
  );
}

/** The line that says what came of a request. */
function OutcomeLine({ result }: { result: IngestResult }) {
  if (result.kind === 'queued')
    return (
      <p className="outcome-line ok">
        Queued {plural(result.jobs, 'job')} for the workers
        {` (${plural(result.documents, 'document')})`}: they appear in <Link to="/documents">Documents</Link>{' '}
        once a <code>vigil worker</code> has extracted them.
      </p>
    );
  if (result.stored > 0)
    return <p className="outcome-line ok">Stored {plural(result.stored, 'document')}.</p>;
  if (result.duplicates > 0 && result.problems.length === 0)
    return <p className="outcome-line">Already stored: nothing new.</p>;
  if (result.problems.length > 0)
    return (
      <p className="outcome-line bad">
        Nothing was stored: see the {result.problems.length === 1 ? 'problem' : 'problems'} below.
      </p>
    );
  return <p className="outcome-line">Nothing was stored.</p>;
}

/** What the server did: stored and resolved, or queued for the workers; and the problems. */
function Outcome({ result }: { result: IngestResult }) {
  const nothing = result.read === 0 && result.problems.length === 0;
  const figures: [string, ReactNode][] = [
    ['read', result.read],
    ...(result.kind === 'queued'
      ? ([['queued jobs', result.jobs]] as [string, ReactNode][])
      : ([['stored', result.stored]] as [string, ReactNode][])),
    ['already stored', result.duplicates],
    ['skipped', result.skipped],
    ...(result.kind === 'stored'
      ? ([
          ['incidents now', <Link to="/incidents">{result.incidents}</Link>],
          ['new alerts', result.newAlerts > 0 ? <Link to="/alerts">{result.newAlerts}</Link> : 0],
        ] as [string, ReactNode][])
      : []),
  ];
  return (
    <div className="job-outcome">
      <OutcomeLine result={result} />
      <dl className="outcome-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {nothing ? <p className="muted small">The source held no document Vigil could read.</p> : null}
      {result.kind === 'stored' && result.stored > 0 ? (
        <p className="small">
          <Link to="/documents">See the documents</Link>
        </p>
      ) : null}
      {result.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="data problems">
            <caption>{plural(result.problems.length, 'problem')}</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Rule</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((p, k) => (
                <tr key={k}>
                  <td className="mono">{p.source}</td>
                  <td className="mono nowrap">{p.ruleId}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
