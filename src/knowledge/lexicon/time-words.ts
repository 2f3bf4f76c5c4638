/**
 * Words of time that make up an adverbial between a subject and its verb ("Santos on Monday said",
 * "She last week described him as …"), so the subject is still found before them. English
 * calendar words, written for this project; also read by function-words.ts (NOT_NAME).
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Months written short ("Nov. 26, 2018"): a date only before a day's number, since "Jan" is also a given name. */
export const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** What "last", "this", "earlier this" … measure ("last week", "earlier this month", "that night"). */
export const TIME_UNITS = [
  'year',
  'week',
  'month',
  'weekend',
  'day',
  'morning',
  'afternoon',
  'evening',
  'night',
  'season',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
];
