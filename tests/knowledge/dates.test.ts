import { describe, expect, it } from 'vitest';
import { findFirstFullDate, findImpossibleDate, formatLongDate, parseGivenDate } from '../../src/knowledge/dates.js';

describe('dates', () => {
  it('reads the written forms used by news sites', () => {
    expect(findFirstFullDate('on Wednesday (24 March 2021) for a')?.date.iso).toBe('2021-03-24');
    expect(findFirstFullDate('headquarters March 24, 2021')?.date.iso).toBe('2021-03-24');
    expect(findFirstFullDate('published 2019-11-05 at noon')?.date.iso).toBe('2019-11-05');
    expect(findFirstFullDate('on 3rd Sept 2020')?.date.iso).toBe('2020-09-03');
  });

  it('takes the first full date and ignores impossible ones', () => {
    expect(findFirstFullDate('31 April 2021, then 2 May 2021')?.date.iso).toBe('2021-05-02');
    expect(findFirstFullDate('In March 2021 and in 2020')).toBeNull();
  });

  it('keeps year-only dates as years, never inventing a day', () => {
    expect(parseGivenDate('2019', 'year')).toEqual({ iso: '2019', precision: 'year' });
    expect(parseGivenDate('2019')).toEqual({ iso: '2019', precision: 'year' });
    expect(formatLongDate('2019')).toBe('2019');
    expect(formatLongDate('2021-03-24')).toBe('24 March 2021');
  });

  it('refuses impossible or unreadable given dates', () => {
    expect(parseGivenDate('2021-02-30')).toHaveProperty('error');
    expect(parseGivenDate('2021-13-01')).toHaveProperty('error');
    expect(parseGivenDate('soon')).toHaveProperty('error');
    expect(parseGivenDate('')).toHaveProperty('error');
    expect(parseGivenDate('2024-02-29')).toEqual({ iso: '2024-02-29', precision: 'day' });
  });
});

describe('findImpossibleDate', () => {
  it('finds the first written date that is no calendar day, as written', () => {
    expect(findImpossibleDate('LONDON, 31 February 2021 — and on April 31, 2020')).toBe('31 February 2021');
    expect(findImpossibleDate('filed 2021-04-31, then 29 February 2021')).toBe('2021-04-31');
    expect(findImpossibleDate('29 February 2024 was a leap day')).toBeNull();
    expect(findImpossibleDate('no date here')).toBeNull();
  });
});
