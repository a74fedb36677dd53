import { describe, expect, it } from 'vitest';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';

const people = (text: string) => mentionsOf(annotateText(text, '2019-03-17'), 'person').map((m) => m.text);

describe('annotatePeople', () => {
  it('finds names after titles and roles, without the title', () => {
    expect(people('Prime Minister Jacinda Ardern visited the mosque.')).toEqual(['Jacinda Ardern']);
    expect(people('Governor Alexander Pimentel told reporters the towns were damaged.')).toEqual([
      'Alexander Pimentel',
    ]);
  });

  it('finds names before a verb of saying or an apposition, and later surname mentions', () => {
    expect(people('Paulo Brizola Nunes, 51, was an employee. Nunes did not survive.')).toEqual([
      'Paulo Brizola Nunes',
      'Nunes',
    ]);
    expect(people('"We will not stop," Abdul Rahman said.')).toEqual(['Abdul Rahman']);
  });

  it('does not take organisations or places for people', () => {
    expect(people('The Noroeste Farm said the Ministry of Defence was told.')).toEqual([]);
  });

  it('does not take a title at the end of one sentence for the title of the next one', () => {
    expect(
      people(
        'The voice matched speeches by the spokesman.\n\nCounter-terrorism officials have warned of reprisals.',
      ),
    ).toEqual([]);
  });
});
