import { answerOf } from './format.js';
import type { Answer } from './types.js';

const HELP_TEXT = [
  'I answer with the exact words of the sources, who said them, where and when. Nothing is paraphrased or invented.',
  '',
  '/quote <speaker> [topic]  direct quotes of a speaker, e.g. /quote stoltenberg china',
  '/summary <topic>          a summary built from source sentences, e.g. /summary bulgaria',
  '/timeline [speaker |] <topic>  what was said on a topic over time, earliest first, e.g. /timeline stoltenberg | russia',
  '/verify "<words>" [speaker]  is this quote real? verbatim, altered, reported, misattributed or not found, with the words that differ',
  '/sources                  the articles I know, with dates',
  '/help                     this text',
  '',
  'Or just ask: "what did Stoltenberg say about the South China Sea?", "summarize bulgaria", "tell me about sanctions".',
  'Add a period to any topic: "in 2021", "since 2010", "before 1990", "between 2001 and 2004".',
  "Typos are fine (stoltenburg, chna). Reported speech is labelled as such: it is the reporter's wording, not a quote.",
].join('\n');

export function answerHelp(): Answer {
  return answerOf({ command: 'help', offset: 0 }, { found: true, heading: 'verbatim: cited quotes from the sources', body: HELP_TEXT });
}
