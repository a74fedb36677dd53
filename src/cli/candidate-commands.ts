import { Command } from 'commander';
import { AppError } from '../errors.js';
import { IDEOLOGIES, type Ideology } from '../kb/kb-schema.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { loadResources } from '../kb/resources.js';
import type { CandidateDecision } from '../pipeline/candidate-decisions.js';
import { loadAlertConfig } from '../services/alerts/alert-config.js';
import {
  decideCandidate,
  undoCandidateDecision,
  type CandidateDecisionInput,
  type CandidateOutcome,
} from '../services/candidates.js';
import { resolveStore, type ResolveSummary } from '../services/resolve.js';
import type { Store } from '../store/store.js';
import { writeLine } from './output.js';
import { withStore } from './with-store.js';

/**
 * `vigil candidates`: actors the knowledge base does not know, named in several documents, and an
 * analyst's decisions about them — `accept`, `alias`, `reject`, `undo` — each followed by a
 * resolution so that it takes effect.
 */
export function registerCandidateCommands(program: Command): void {
  const candidates = program
    .command('candidates')
    .description('actors the knowledge base does not know, named in several documents: for review')
    .option('--decided', 'list the decisions about candidates instead, newest first')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { decided?: boolean; json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        if (opts.decided) {
          for (const d of await store.listCandidateDecisions())
            await writeLine(opts.json ? JSON.stringify(d) : decisionText(d));
          return;
        }
        for (const c of await store.listCandidates())
          await writeLine(
            opts.json
              ? JSON.stringify(c)
              : `${c.kind.padEnd(6)}  ${c.name}  — ${c.docIds.length} documents, ${c.firstSeen?.slice(0, 10) ?? '?'} to ${c.lastSeen?.slice(0, 10) ?? '?'}`,
          );
      });
    });

  decisionCommand(candidates, 'accept', 'make a candidate a new entity, with its own id')
    .option('--as <id>', 'the new entity’s id (lower-case kebab-case; default: made from its name)')
    .option('--name <name>', 'the new entity’s name (default: the candidate’s)')
    .option('--ideology <ideology>', `its ideology (${IDEOLOGIES.join(', ')})`, ideologyOf)
    .option(
      '--alias <name>',
      'another name of it (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .action(
      async (
        name: string,
        opts: {
          as?: string;
          name?: string;
          ideology?: Ideology;
          alias: string[];
          reason?: string;
          alerts?: string;
        },
        cmd: Command,
      ) => {
        await decide(cmd, opts.alerts, name, {
          decision: 'accepted',
          ...(opts.as ? { entityId: opts.as } : {}),
          ...(opts.name ? { name: opts.name } : {}),
          ...(opts.ideology ? { ideology: opts.ideology } : {}),
          ...(opts.alias.length > 0 ? { aliases: opts.alias } : {}),
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
      },
    );

  decisionCommand(candidates, 'alias', 'make a candidate another name of a knowledge-base entity')
    .argument('<entity>', 'the knowledge-base id of the entity it names (e.g. taliban)')
    .action(
      async (name: string, entityId: string, opts: { reason?: string; alerts?: string }, cmd: Command) => {
        await decide(cmd, opts.alerts, name, {
          decision: 'alias',
          entityId,
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
      },
    );

  decisionCommand(candidates, 'reject', 'a candidate is not an actor: stop listing it').action(
    async (name: string, opts: { reason?: string; alerts?: string }, cmd: Command) => {
      await decide(cmd, opts.alerts, name, {
        decision: 'rejected',
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
    },
  );

  candidates
    .command('undo')
    .description('forget the decision about a candidate: it is a candidate again')
    .argument('<name>', 'the candidate’s name, as listed')
    .option('--alerts <file>', 'alert rules and webhooks')
    .action(async (name: string, opts: { alerts?: string }, cmd: Command) => {
      await resolving(cmd, opts.alerts, async (store, resolve) => {
        const outcome = await undoCandidateDecision(store, name, {}, resolve);
        await writeLine(
          `undone: "${outcome.decision.name}" is undecided again (was ${outcome.decision.decision})`,
        );
        await writeLine(summaryText(outcome));
      });
    });
}

/** A decision subcommand of `candidates`: the candidate's name, a reason, the alert rules. */
function decisionCommand(candidates: Command, name: string, description: string): Command {
  return candidates
    .command(name)
    .description(`${description} (kept across re-resolution; undo with \`candidates undo\`)`)
    .argument('<name>', 'the candidate’s name, as listed')
    .option('--reason <text>', 'why, in your words')
    .option('--alerts <file>', 'alert rules and webhooks');
}

/** Record a decision about a candidate, then resolve again so that it takes effect. */
async function decide(
  cmd: Command,
  alertsFile: string | undefined,
  name: string,
  input: CandidateDecisionInput,
): Promise<void> {
  await resolving(cmd, alertsFile, async (store, resolve, kb) => {
    const by = { author: process.env.USER ?? 'cli', at: new Date().toISOString() };
    const outcome = await decideCandidate(store, kb, name, input, by, resolve).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'candidate_not_found')
        throw new AppError(err.code, err.status, `${err.message} (see vigil candidates)`);
      throw err;
    });
    await writeLine(
      `${outcome.decision.decision}: "${outcome.decision.name}" ${verdictText(outcome.decision)}`,
    );
    await writeLine(summaryText(outcome));
  });
}

/** Run `fn` on the store with a resolution of it to call once the decision is stored. */
async function resolving(
  cmd: Command,
  alertsFile: string | undefined,
  fn: (store: Store, resolve: () => Promise<ResolveSummary>, kb: KnowledgeBase) => Promise<void>,
): Promise<void> {
  const config = await loadAlertConfig(alertsFile);
  const resources = await loadResources();
  await withStore(cmd, (store) => fn(store, () => resolveStore(store, resources, config), resources.kb));
}

/** What a decision makes of the name: "is now entity crimson-dawn (Crimson Dawn)". */
function verdictText(d: CandidateDecision): string {
  if (d.decision === 'accepted') return `is now entity ${d.entity.id} (${d.entity.name})`;
  if (d.decision === 'alias') return `is now an alias of ${d.entityId}`;
  return 'is not an actor';
}

function decisionText(d: CandidateDecision): string {
  const by = `by ${d.author} on ${d.createdAt.slice(0, 10)}${d.reason ? `: ${d.reason}` : ''}`;
  return `${d.decision.padEnd(8)}  ${d.name} ${verdictText(d)}  — ${by}`;
}

function summaryText(o: CandidateOutcome): string {
  const left = o.summary.candidates;
  return `${o.summary.incidents} incidents from ${o.summary.documents} documents; ${left} candidate${left === 1 ? '' : 's'} left`;
}

function ideologyOf(value: string): Ideology {
  const ideology = IDEOLOGIES.find((i) => i === value);
  if (!ideology)
    throw new AppError('bad_option', 1, `--ideology is one of ${IDEOLOGIES.join(', ')}, not "${value}"`);
  return ideology;
}
