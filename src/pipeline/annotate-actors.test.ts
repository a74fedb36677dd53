import { describe, expect, it } from 'vitest';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';

const actors = (text: string) =>
  annotateText(text, '2019-03-17')
    .mentions.filter((m) => m.entity)
    .map((m) => [m.kind, m.text, m.entity?.id]);

describe('annotateActors', () => {
  it('links aliases and transliterations to one group', () => {
    const found = actors('ISIS, also called ISIL, Daesh or Islamic State, lost ground; Isis fighters fled.');
    expect(found.map((f) => f[2])).toEqual([
      'islamic-state',
      'islamic-state',
      'islamic-state',
      'islamic-state',
      'islamic-state',
    ]);
  });

  it('prefers the longest name', () => {
    expect(actors('Al-Qaeda in the Arabian Peninsula claimed the attack.')).toEqual([
      ['group', 'Al-Qaeda in the Arabian Peninsula', 'aqap'],
    ]);
  });

  it('accepts an ambiguous short name only with context', () => {
    expect(actors('The report IS ready.')).toEqual([]);
    expect(actors('IS fighters attacked the village.')[0]).toEqual(['group', 'IS', 'islamic-state']);
  });

  it('finds outlets and platforms', () => {
    const found = actors('The Amaq News Agency published the claim on Telegram.');
    expect(found).toEqual([
      ['outlet', 'Amaq News Agency', expect.any(String)],
      ['platform', 'Telegram', 'telegram'],
    ]);
  });

  it('points every mention at its text', () => {
    const doc = annotateText("Hezbollah's leader spoke as al-Shabaab and Boko Haram attacked.", '2019-03-17');
    expect(mentionsOf(doc, 'group').map((m) => m.text)).toEqual(['Hezbollah', 'al-Shabaab', 'Boko Haram']);
  });
});
