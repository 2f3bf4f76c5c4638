/**
 * Words of time that make up an adverbial between a subject and its verb ("Santos on Monday said",
 * "She last week described him as …"), so the subject is still found before them. English
 * calendar words, written for this project; also read by function-words.ts (NOT_NAME).
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

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
