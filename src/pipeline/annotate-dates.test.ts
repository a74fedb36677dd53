import { describe, expect, it } from 'vitest';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';
import { isoWeek } from './annotate-dates.js';

const dates = (text: string, published?: string) =>
  mentionsOf(annotateText(text, published), 'date').map((m) => [
    m.text,
    (m.value as { value: string }).value,
  ]);

describe('annotateDates', () => {
  it('reads named days: the latest before publication, or the year written after them', () => {
    expect(dates('The bombings on Easter Sunday killed 250 people.', '2019-04-25')).toEqual([
      ['Easter Sunday', '2019-04-21'],
    ]);
    expect(dates("A gunman killed 39 people on New Year's Day.", '2017-01-17')).toEqual([
      ["New Year's Day", '2017-01-01'],
    ]);
    expect(dates('A bomb went off on Christmas Eve 2010 in Jos.', '2012-03-01')).toEqual([
      ['Christmas Eve 2010', '2010-12-24'],
    ]);
    expect(dates('Shoppers were attacked on Christmas Eve.', '2016-12-20')).toEqual([
      ['Christmas Eve', '2015-12-24'],
    ]);
  });

  it('resolves a weekday to the latest such day on or before publication', () => {
    // 2019-03-17 is a Sunday.
    expect(dates('The attack on Friday killed 50 people.', '2019-03-17')).toEqual([['Friday', '2019-03-15']]);
    expect(dates('Police said on Sunday that the gunman acted alone.', '2019-03-17')).toEqual([
      ['Sunday', '2019-03-17'],
    ]);
  });

  it('looks forward for a weekday when the sentence speaks of the future', () => {
    expect(dates('The trial will begin on Monday.', '2019-03-17')).toEqual([['Monday', '2019-03-18']]);
  });

  it('reads the future only from the clause that holds the date', () => {
    // 2014-12-22 is a Monday: "since Friday" is the Friday before, whatever else was "planned".
    expect(
      dates(
        'Pakistan has hanged six militants since Friday and is tracing the men who planned the attack.',
        '2014-12-22',
      ),
    ).toEqual([['Friday', '2014-12-19']]);
    expect(dates('The inquiry, which will report on Monday, heard witnesses.', '2019-03-17')).toEqual([
      ['Monday', '2019-03-18'],
    ]);
  });

  it('reads the day in "the night of April 14" and a weekday after a figure', () => {
    expect(dates('Gunmen stormed the school on the night of April 14.', '2014-05-06')).toEqual([
      ['April 14', '2014-04-14'],
    ]);
    expect(dates('The death toll rose to 22 on Monday.', '2019-08-05')).toEqual([['Monday', '2019-08-05']]);
  });

  it('reads explicit dates in common formats', () => {
    expect(dates('It happened on 15 March 2019.', '2019-04-01')).toEqual([['15 March 2019', '2019-03-15']]);
    expect(dates('It happened on March 15, 2019.', '2019-04-01')).toEqual([['March 15, 2019', '2019-03-15']]);
    expect(dates('It happened on 3/15/2019 at 1:40 pm.', '2019-04-01')).toEqual([
      ['3/15/2019', '2019-03-15'],
    ]);
    expect(dates('Filed 2019-03-15 by the court.', '2019-04-01')).toEqual([['2019-03-15', '2019-03-15']]);
  });

  it('gives months, years and weeks their own precision', () => {
    expect(dates('In September 2018 the group attacked the town.', '2019-03-17')).toEqual([
      ['September 2018', '2018-09'],
    ]);
    expect(dates('In 2003 there were 632 camps.', '2004-12-04')).toEqual([['2003', '2003']]);
    expect(dates('The group struck last week.', '2019-03-17')).toEqual([['last week', '2019-W10']]);
    expect(dates('Sales fell last year.', '2019-03-17')).toEqual([['last year', '2018']]);
    expect(dates('Two more attacks followed earlier this month.', '2019-03-17')).toEqual([
      ['this month', '2019-03'],
    ]);
  });

  it('takes a month or day without a year as the latest one before publication', () => {
    expect(dates('The bombing on 20 December shocked the city.', '2019-01-10')).toEqual([
      ['20 December', '2018-12-20'],
    ]);
    expect(dates('The election was held in October.', '2019-03-17')).toEqual([['October', '2018-10']]);
  });

  it('keeps the year a matching weekday implies ("Monday, December 6")', () => {
    // 2004-12-06 was a Monday, the day after publication.
    expect(dates('The court sits on Monday, December 6.', '2004-12-05')).toEqual([
      ['Monday, December 6', '2004-12-06'],
    ]);
  });

  it('resolves yesterday and today', () => {
    expect(dates('Yesterday a bomb exploded; today police arrested two men.', '2019-03-17')).toEqual([
      ['Yesterday', '2019-03-16'],
      ['today', '2019-03-17'],
    ]);
  });

  it('ignores durations, dates relative to other events and numbers that are not years', () => {
    expect(dates('He served five years in prison and was released three years later.', '2019-03-17')).toEqual(
      [],
    );
    expect(dates('In march, 2019 votes were counted in the district.', '2019-03-17')).toEqual([]);
    expect(dates('The fine was $2015.', '2019-03-17')).toEqual([]);
    expect(
      dates(
        'They struck back for the air strikes of the last five years and the past 24 hours.',
        '2019-09-15',
      ),
    ).toEqual([]);
  });

  it('does not read "next to" as a sign of the future', () => {
    expect(dates('A bomber blew herself up next to a van on Tuesday afternoon.', '2022-04-27')).toEqual([
      ['Tuesday afternoon', '2022-04-26'],
    ]);
  });

  it('does not read "sat" or "sun" as weekdays', () => {
    expect(dates('He was shot as he sat in a patrol car late on Monday.', '2009-03-10')).toEqual([
      ['Monday', '2009-03-09'],
    ]);
  });

  it('reads "June last year" as one month of the year before', () => {
    expect(dates('He died of his burns a month after the attack in June last year.', '2008-12-17')).toEqual([
      ['June last year', '2007-06'],
    ]);
  });

  it('skips relative dates without a publication date and says so', () => {
    const doc = annotateText('The attack on Friday killed 50 people in March 2019.');
    expect(mentionsOf(doc, 'date').map((m) => m.text)).toEqual(['March 2019']);
    expect(doc.messages.map((m) => m.ruleId)).toContain('dates:no-anchor');
  });
});

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeek(new Date('2019-03-15T12:00:00Z'))).toBe('2019-W11');
    expect(isoWeek(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2019-12-30T12:00:00Z'))).toBe('2020-W01');
  });

  it('reads no date in "within 10 minutes of each other", "within about an hour" or "A second email"', () => {
    const dates = annotateText(
      'NEW DELHI - A second email arrived. Three bombs went off within 10 minutes of each other on Saturday afternoon, and three more within about an hour.',
      '2005-05-08',
    ).mentions.filter((m) => m.kind === 'date');
    expect(dates.map((m) => m.text)).toEqual(['Saturday afternoon']);
  });
});
