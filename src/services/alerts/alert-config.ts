import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { z } from 'zod';
import { AppError } from '../../errors.js';

const severity = z.enum(['low', 'medium', 'high']);
const base = { id: z.string().min(1), severity };

/** One alert rule; `kind` says what it looks for (config/alerts.yaml explains each kind). */
export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('statement-cites-recent-incident'),
    statementTypes: z.array(z.string()).min(1),
    withinDays: z.number().int().positive(),
  }),
  z.strictObject({ ...base, kind: z.literal('incident-framed-as-revenge') }),
  z.strictObject({
    ...base,
    kind: z.literal('outlet-after-silence'),
    silenceDays: z.number().int().positive(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('statement-spike'),
    windowDays: z.number().int().positive(),
    baselineDays: z.number().int().positive(),
    minStatements: z.number().int().positive(),
    factor: z.number().positive(),
  }),
]);

/** A webhook that receives new alerts. */
export const webhookSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** Name of the environment variable holding the signing secret. */
  secretEnv: z.string().min(1),
  minSeverity: severity.default('low'),
  allowPrivate: z.boolean().default(false),
});

/** The alert configuration file. */
export const alertConfigSchema = z.strictObject({
  rules: z.array(alertRuleSchema),
  webhooks: z.array(webhookSchema).default([]),
});

/** A validated alert rule. */
export type AlertRule = z.infer<typeof alertRuleSchema>;
/** A validated webhook. */
export type Webhook = z.infer<typeof webhookSchema>;
/** A validated alert configuration. */
export type AlertConfig = z.infer<typeof alertConfigSchema>;

/** The configuration shipped with Vigil. */
export const DEFAULT_ALERT_CONFIG = fileURLToPath(new URL('../../../config/alerts.yaml', import.meta.url));

/**
 * Read and validate an alert configuration (the shipped one by default, or `VIGIL_ALERTS`).
 *
 * @throws AppError `alerts_config_invalid` naming the file and the first problem (with its path).
 */
export async function loadAlertConfig(
  path = process.env.VIGIL_ALERTS ?? DEFAULT_ALERT_CONFIG,
): Promise<AlertConfig> {
  let raw: unknown;
  try {
    raw = yaml.load(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError('alerts_config_invalid', 2, `${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = alertConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'alerts_config_invalid',
      2,
      `${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
  }
  const ids = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (ids.has(rule.id))
      throw new AppError('alerts_config_invalid', 2, `${path}: rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
  }
  return parsed.data;
}
