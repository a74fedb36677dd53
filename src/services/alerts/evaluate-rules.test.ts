import { describe, expect, it } from 'vitest';
import { day } from '../../../test/helpers/mentions.js';
import type { ResolvedIncident, ResolvedStatement } from '../../pipeline/resolution.js';
import type { AlertRule } from './alert-config.js';
import { evaluateRules, type AlertInput } from './evaluate-rules.js';

function resolvedIncident(id: string, date: string, city: string): ResolvedIncident {
  return {
    id,
    type: 'Armed Assault',
    types: ['Armed Assault'],
    date: day(date),
    location: { city, country: 'New Zealand', countryCode: 'NZ', lat: 0, lon: 0 },
    perpetrators: [],
    targets: [],
    weapons: [],
    killed: { value: 51 },
    wounded: null,
    killedLatest: null,
    woundedLatest: null,
    perpetratorsKilled: null,
    perpetratorsWounded: null,
    suicide: null,
    claimedBy: [],
    casualtyReports: [],
    role: 'main',
    mentions: [
      { id: `${id}:m`, docId: `${id}-doc`, marking: 'TLP:CLEAR', confidence: 0.9, publishedAt: date },
    ],
    evidence: [{ field: 'date', start: 0, end: 5, text: 'Friday', docId: `${id}-doc` }],
    mergeReasons: [],
    confidence: 0.9,
  };
}

function resolvedStatement(
  id: string,
  date: string,
  overrides: Partial<ResolvedStatement> = {},
): ResolvedStatement {
  return {
    id,
    type: 'call-to-violence',
    speaker: null,
    organization: { id: 'islamic-state', name: 'Islamic State' },
    outlet: null,
    platform: null,
    medium: null,
    date: day(date),
    quote: null,
    refersTo: [],
    mentions: [
      { id: `${id}:m`, docId: `${id}-doc`, marking: 'TLP:CLEAR', confidence: 0.7, publishedAt: date },
    ],
    evidence: [{ field: 'quote', start: 0, end: 10, text: 'take revenge', docId: `${id}-doc` }],
    confidence: 0.7,
    ...overrides,
  };
}

const input = (over: Partial<AlertInput>): AlertInput => ({
  incidents: [],
  statements: [],
  links: [],
  groupOutlets: new Set(['al-furqan']),
  levelOf: (docId) => (docId.startsWith('red') ? 4 : 0),
  now: '2026-11-25T00:00:00Z',
  ...over,
});

describe('evaluateRules', () => {
  const cites: AlertRule = {
    id: 'call-citing-recent-incident',
    kind: 'statement-cites-recent-incident',
    statementTypes: ['call-to-violence'],
    withinDays: 30,
    severity: 'high',
  };

  it('fires when a call to violence cites an incident of the last 30 days, not an older one', () => {
    const recent = resolvedIncident('inc-nz', '2019-03-15', 'Christchurch');
    const old = resolvedIncident('inc-old', '2018-01-01', 'Auckland');
    const alerts = evaluateRules(
      [cites],
      input({
        incidents: [recent, old],
        statements: [resolvedStatement('stm-1', '2019-03-18', { refersTo: ['inc-nz', 'inc-old'] })],
      }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'call-citing-recent-incident',
      severity: 'high',
      subjectKey: 'call-citing-recent-incident:stm-1:inc-nz',
      subjects: ['stm-1', 'inc-nz'],
      eventDate: '2019-03-18',
      level: 0,
    });
    expect(alerts[0]!.explanation).toBe(
      'call-to-violence by Islamic State on 2019-03-18 cites Armed Assault in Christchurch, New Zealand on 2019-03-15 (51 killed) (3 days earlier)',
    );
    expect(alerts[0]!.evidence.map((e) => e.text)).toEqual(['take revenge', 'Friday']);
  });

  it('needs the clearance of its most restricted source', () => {
    const alerts = evaluateRules(
      [cites],
      input({
        incidents: [resolvedIncident('inc-nz', '2019-03-15', 'Christchurch')],
        statements: [resolvedStatement('red-stm', '2019-03-18', { refersTo: ['inc-nz'] })],
      }),
    );
    expect(alerts[0]!.level).toBe(4);
  });

  it('fires once for an attack framed as revenge, naming the earlier incident', () => {
    const rule: AlertRule = { id: 'revenge', kind: 'incident-framed-as-revenge', severity: 'high' };
    const alerts = evaluateRules(
      [rule],
      input({
        incidents: [
          resolvedIncident('inc-nz', '2019-03-15', 'Christchurch'),
          resolvedIncident('inc-lk', '2019-04-21', 'Colombo'),
        ],
        links: [
          {
            from: 'inc-lk',
            to: 'inc-nz',
            kind: 'retaliation-for',
            evidence: [],
            sources: [],
            confidence: 0.6,
          },
        ],
      }),
    );
    expect(alerts.map((a) => [a.subjectKey, a.explanation])).toEqual([
      [
        'revenge:inc-lk',
        'Armed Assault in Colombo, New Zealand on 2019-04-21 (51 killed) is framed as revenge for Armed Assault in Christchurch, New Zealand on 2019-03-15 (51 killed)',
      ],
    ]);
  });

  it('fires for a revenge justification of an attack whose framing has not fired, and only then', () => {
    const rule: AlertRule = { id: 'revenge', kind: 'incident-framed-as-revenge', severity: 'high' };
    const justification = (id: string, refersTo: string[]): ResolvedStatement =>
      resolvedStatement(id, '2019-04-23', { type: 'revenge-justification', refersTo });
    const alerts = evaluateRules(
      [rule],
      input({
        incidents: [
          resolvedIncident('inc-nz', '2019-03-15', 'Christchurch'),
          resolvedIncident('inc-lk', '2019-04-21', 'Colombo'),
        ],
        statements: [
          justification('stm-nz', ['inc-nz']),
          justification('stm-lk', ['inc-lk']),
          justification('stm-none', []),
          justification('stm-avenging', ['inc-nz']),
        ],
        links: [
          {
            from: 'stm-avenging',
            to: 'inc-nz',
            kind: 'retaliation-for',
            evidence: [],
            sources: [],
            confidence: 0.6,
          },
          {
            from: 'inc-lk',
            to: { text: 'the mosques' },
            kind: 'retaliation-for',
            evidence: [],
            sources: [],
            confidence: 0.6,
          },
        ],
      }),
    );
    expect(alerts.map((a) => a.subjectKey)).toEqual(['revenge:inc-lk', 'revenge:stm-nz']);
  });

  it("fires when a group's outlet speaks after a long silence, not for its regular output", () => {
    const rule: AlertRule = {
      id: 'silence',
      kind: 'outlet-after-silence',
      silenceDays: 90,
      severity: 'medium',
    };
    const outlet = { id: 'al-furqan', name: 'Al-Furqan Media' };
    const alerts = evaluateRules(
      [rule],
      input({
        statements: [
          resolvedStatement('s1', '2019-01-01', { outlet }),
          resolvedStatement('s2', '2019-01-20', { outlet }),
          resolvedStatement('s3', '2019-06-01', { outlet }),
        ],
      }),
    );
    expect(alerts.map((a) => a.subjectKey)).toEqual(['silence:s3']);
    expect(alerts[0]!.explanation).toContain('after 132 days of silence (previous: 2019-01-20)');
  });

  it('fires once when statements about one incident rise above their baseline', () => {
    const rule: AlertRule = {
      id: 'spike',
      kind: 'statement-spike',
      windowDays: 7,
      baselineDays: 56,
      minStatements: 3,
      factor: 3,
      severity: 'medium',
    };
    const about = { refersTo: ['inc-nz'] };
    const statements = [
      resolvedStatement('s0', '2019-02-01', about),
      resolvedStatement('s1', '2019-03-16', about),
      resolvedStatement('s2', '2019-03-17', about),
      resolvedStatement('s3', '2019-03-18', about),
      resolvedStatement('s4', '2019-03-19', about),
    ];
    const alerts = evaluateRules(
      [rule],
      input({ incidents: [resolvedIncident('inc-nz', '2019-03-15', 'Christchurch')], statements }),
    );
    expect(alerts.map((a) => a.subjectKey)).toEqual(['spike:inc-nz:2019-03-18']);
    expect(alerts[0]!.explanation).toMatch(
      /^3 statements in 7 days up to 2019-03-18 refer to Armed Assault in Christchurch/,
    );
  });
});
