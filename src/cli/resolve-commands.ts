import type { Command } from 'commander';
import { AppError } from '../errors.js';
import { loadResources, type Resources } from '../kb/resources.js';
import { countText } from '../pipeline/extraction.js';
import type { ResolutionDecision, ResolvedIncident } from '../pipeline/resolution.js';
import { loadAlertConfig } from '../services/alerts/alert-config.js';
import { describeIncident } from '../services/alerts/evaluate-rules.js';
import { listChains } from '../services/chains.js';
import { applyDecisions, mergeDecisions, splitDecisions, type Decider } from '../services/decisions.js';
import { resolveStore, type ResolveSummary } from '../services/resolve.js';
import type { Store, StoredAlert } from '../store/store.js';
import { writeLine } from './output.js';
import { withStore } from './with-store.js';

/**
 * `vigil resolve`, `incidents`, `incident`, `chains`, `alerts`, `merge`, `split`:
 * cross-document resolution and what it produces.
 */
export function registerResolveCommands(program: Command): void {
  program
    .command('resolve')
    .description('merge reports across documents into incidents and statements, link them, and raise alerts')
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { alerts?: string; json?: boolean }, cmd: Command) => {
      const config = await loadAlertConfig(opts.alerts);
      const resources = await loadResources();
      await withStore(cmd, async (store) => {
        const summary = await resolveStore(store, resources, config);
        await printResolveSummary(summary, opts.json);
      });
    });

  program
    .command('incidents')
    .description('list incidents merged across documents, newest first')
    .option('--from <date>', 'incidents on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'incidents on or before this date')
    .option('--country <code>', 'ISO country code')
    .option('--type <type>', 'GTD attack type, e.g. "Bombing/Explosion"')
    .option('--group <id>', 'knowledge-base id of a perpetrator or claimant')
    .option('--all', 'include incidents only recalled in passing (background)')
    .option('--limit <n>', 'at most this many', (v) => positive(v, '--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(
      async (
        opts: {
          from?: string;
          to?: string;
          country?: string;
          type?: string;
          group?: string;
          all?: boolean;
          limit: number;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withStore(cmd, async (store) => {
          const incidents = await store.listIncidents({
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
            ...(opts.country ? { country: opts.country } : {}),
            ...(opts.type ? { type: opts.type } : {}),
            ...(opts.group ? { group: opts.group } : {}),
            mainOnly: !opts.all,
            limit: opts.limit,
          });
          await requireResolved(store, incidents.length);
          for (const i of incidents) {
            if (opts.json) await writeLine(JSON.stringify(incidentSummary(i)));
            else
              await writeLine(
                `${i.id}  ${describeIncident(i)}  — ${i.mentions.length} report${i.mentions.length === 1 ? '' : 's'}${perpetratorText(i)}`,
              );
          }
        });
      },
    );

  program
    .command('incident')
    .description(
      'show one incident: every field, its sources, casualty figures over time and why reports were merged',
    )
    .argument('<id>', 'incident id (inc-…)')
    .option('--json', 'print it as JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const i = await store.getIncident(id);
        if (!i) throw new AppError('incident_not_found', 1, `no incident ${id} (see vigil incidents)`);
        if (opts.json) {
          await writeLine(JSON.stringify(i, null, 2));
          return;
        }
        await writeLine(`${i.id}  ${describeIncident(i)}`);
        await writeLine(
          `type: ${i.types.join(', ')}; weapons: ${i.weapons.join(', ') || 'unknown'}; confidence ${i.confidence}`,
        );
        if (i.perpetrators.length > 0)
          await writeLine(`perpetrators: ${i.perpetrators.map((p) => p.name).join(', ')}`);
        if (i.claimedBy.length > 0)
          await writeLine(`claimed by: ${i.claimedBy.map((p) => p.name).join(', ')}`);
        if (i.casualtyReports.length > 0) {
          await writeLine('casualty figures as reported:');
          for (const r of i.casualtyReports)
            await writeLine(
              `  ${r.publishedAt?.slice(0, 10) ?? '?'}  killed ${r.killed ? countText(r.killed) : '?'}, wounded ${r.wounded ? countText(r.wounded) : '?'}  (${r.docId})`,
            );
        }
        await writeLine(`reports (${i.mentions.length}):`);
        for (const m of i.mentions)
          await writeLine(
            `  ${m.publishedAt?.slice(0, 10) ?? '?'}  ${m.role ?? ''}  ${m.title ?? m.docId}  [${m.id}]`,
          );
        if (i.mergeReasons.length > 0) {
          await writeLine('merged because:');
          for (const r of i.mergeReasons) await writeLine(`  ${r}`);
        }
      });
    });

  program
    .command('chains')
    .description('retaliation chains: incidents and statements linked by revenge, oldest first')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const resources = await loadResources();
      await withStore(cmd, async (store) => {
        const chains = await listChains(store, resources.kb);
        for (const c of chains) {
          if (opts.json) {
            await writeLine(JSON.stringify(c));
            continue;
          }
          await writeLine(
            `${c.id}  ${c.start ?? '?'} → ${c.end ?? '?'}  ${c.nodes.length} steps${c.ideologies.length > 0 ? `  (${c.ideologies.join(' / ')})` : ''}`,
          );
          for (const n of c.nodes)
            await writeLine(
              `  ${n.date ?? '?'}  ${n.kind.padEnd(9)}  ${n.label}${n.actors.length > 0 ? `  — ${n.actors.join(', ')}` : ''}  [${n.id}]`,
            );
          for (const e of c.edges)
            await writeLine(`    ${e.from} → ${e.to}: ${e.evidence[0]?.text.trim() ?? ''}`);
        }
      });
    });

  program
    .command('alerts')
    .description('alerts raised by the rules, newest first')
    .option('--unacknowledged', 'only alerts not yet acknowledged')
    .option('--ack <id>', 'acknowledge an alert', (v) => positive(v, '--ack'))
    .option('--limit <n>', 'at most this many', (v) => positive(v, '--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(
      async (
        opts: { unacknowledged?: boolean; ack?: number; limit: number; json?: boolean },
        cmd: Command,
      ) => {
        await withStore(cmd, async (store) => {
          if (opts.ack !== undefined) {
            const by = process.env.USER ?? 'cli';
            if (!(await store.acknowledgeAlert(opts.ack, by, new Date().toISOString())))
              throw new AppError('alert_not_found', 1, `no alert ${opts.ack} (see vigil alerts)`);
            await writeLine(`alert ${opts.ack} acknowledged`);
            return;
          }
          const alerts = await store.listAlerts({
            unacknowledged: opts.unacknowledged ?? false,
            limit: opts.limit,
          });
          for (const a of alerts) await writeLine(opts.json ? JSON.stringify(a) : alertText(a));
        });
      },
    );

  program
    .command('merge')
    .description(
      'an analyst merges incidents that are one incident (kept across re-resolution; undo with split)',
    )
    .argument('<ids...>', 'two or more incident ids')
    .option('--alerts <file>', 'alert rules and webhooks')
    .action(async (ids: string[], opts: { alerts?: string }, cmd: Command) => {
      await decide(cmd, opts.alerts, (store, by) => mergeDecisions(store, ids, by));
    });

  program
    .command('split')
    .description(
      "an analyst takes a document's report out of an incident (kept across re-resolution; undo with merge)",
    )
    .argument('<incident>', 'incident id')
    .requiredOption('--document <id>', 'the document whose report is not about this incident')
    .option('--alerts <file>', 'alert rules and webhooks')
    .action(async (id: string, opts: { document: string; alerts?: string }, cmd: Command) => {
      await decide(cmd, opts.alerts, (store, by) => splitDecisions(store, id, opts.document, by));
    });
}

/**
 * Resolve after new documents were stored (ingest, feed polls): one line on stderr with what
 * changed and each new alert; the summary for `--json` output.
 */
export async function resolveAfterIngest(
  store: Store,
  alertsFile: string | undefined,
  quiet = false,
): Promise<ReturnType<typeof jsonSummary>> {
  const config = await loadAlertConfig(alertsFile);
  const summary = await resolveStore(store, await loadResources(), config);
  if (!quiet) {
    process.stderr.write(
      `resolved: ${summary.incidents} incidents, ${summary.statements} statements, ${summary.links} links; ${summary.newAlerts.length} new alerts\n`,
    );
    for (const a of summary.newAlerts) process.stderr.write(`  ${alertText(a)}\n`);
  }
  return jsonSummary(summary);
}

function jsonSummary(s: ResolveSummary) {
  return { ...s, newAlerts: s.newAlerts.map((a) => a.id) };
}

/** Record an analyst's decisions, then resolve again so that they take effect. */
async function decide(
  cmd: Command,
  alertsFile: string | undefined,
  decisions: (store: Store, by: Decider) => Promise<ResolutionDecision[]>,
): Promise<void> {
  const config = await loadAlertConfig(alertsFile);
  const resources: Resources = await loadResources();
  await withStore(cmd, async (store) => {
    const made = await decisions(store, { author: process.env.USER ?? 'cli', at: new Date().toISOString() });
    const outcome = await applyDecisions(store, made, () => resolveStore(store, resources, config));
    await writeLine(
      outcome.kind === 'merge'
        ? `merged: the reports are now incident ${outcome.incident}`
        : `split: the report is now incident ${outcome.incident}; the others stay in ${outcome.other}`,
    );
    await writeLine(`${outcome.summary.incidents} incidents from ${outcome.summary.documents} documents`);
  });
}

/** Nothing listed because nothing was resolved yet: say how to resolve. */
async function requireResolved(store: Store, listed: number): Promise<void> {
  if (listed > 0) return;
  const stats = await store.stats();
  if (stats.documents > 0 && stats.resolvedIncidents === 0 && stats.incidents > 0)
    process.stderr.write('vigil: no resolved incidents yet; run `vigil resolve`\n');
}

async function printResolveSummary(s: ResolveSummary, json?: boolean): Promise<void> {
  if (json) {
    await writeLine(JSON.stringify(jsonSummary(s)));
    return;
  }
  await writeLine(
    `${s.documents} documents: ${s.incidentMentions} incident reports → ${s.incidents} incidents; ${s.statements} statements; ${s.links} links; ${s.candidates} candidate entities`,
  );
  await writeLine(`${s.newAlerts.length} new alerts`);
  for (const a of s.newAlerts) await writeLine(`  ${alertText(a)}`);
  if (s.deliveries.delivered + s.deliveries.failed > 0)
    await writeLine(`webhooks: ${s.deliveries.delivered} delivered, ${s.deliveries.failed} failed`);
}

function alertText(a: StoredAlert): string {
  const ack = a.acknowledged ? ` (acknowledged by ${a.acknowledgedBy ?? '?'})` : '';
  return `#${a.id} [${a.severity}] ${a.rule} ${a.eventDate ?? ''}: ${a.explanation}${ack}`;
}

function incidentSummary(i: ResolvedIncident) {
  return {
    id: i.id,
    type: i.type,
    date: i.date,
    location: i.location,
    perpetrators: i.perpetrators.map((p) => ({ id: p.id, name: p.name })),
    killed: i.killed,
    wounded: i.wounded,
    role: i.role,
    mentionCount: i.mentions.length,
    documents: [
      ...new Map(i.mentions.map((m) => [m.docId, { id: m.docId, title: m.title ?? null }])).values(),
    ],
    confidence: i.confidence,
  };
}

function perpetratorText(i: ResolvedIncident): string {
  return i.perpetrators.length > 0 ? `; by ${i.perpetrators.map((p) => p.name).join(', ')}` : '';
}

function positive(value: string, flag: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n <= 0 || String(n) !== value.trim())
    throw new AppError('bad_option', 1, `${flag} needs a positive whole number, not "${value}"`);
  return n;
}
