import type { Article } from '../knowledge/types.js';
import type { PassageFilter } from './index.js';
import type { Passage } from './passages.js';
import type { Speaker, SpeakerDirectory, SpeakerMatch } from './speakers.js';

/**
 * The speaker directory as a request's scope sees it (answer/scope.ts): a speaker quoted only in
 * sources of other servers is unknown here (never resolved, detected, suggested or counted), and
 * one quoted in both counts only what this scope sees. The names, aliases and spellings stay the
 * directory's own; only what comes out is filtered, so nothing is rebuilt per scope.
 */
export function speakersWithin(dir: SpeakerDirectory, articles: Article[], passages: Passage[], filter: PassageFilter): SpeakerDirectory {
  const seen = (p: number) => filter.open[filter.group[p]!] === 1;
  const shown = new Map<Speaker, Speaker>();
  for (const s of dir.all) {
    const quotePassages = s.quotePassages.filter(seen);
    const reportedPassages = s.reportedPassages.filter(seen);
    if (quotePassages.length + reportedPassages.length === 0) continue;
    const whole = quotePassages.length === s.quotePassages.length && reportedPassages.length === s.reportedPassages.length;
    shown.set(s, whole ? s : { ...s, quotePassages, reportedPassages, ...counts(s.name, articles, passages, quotePassages, reportedPassages) });
  }
  const all = [...shown.values()].sort((x, y) => y.quotes - x.quotes || x.name.localeCompare(y.name));
  const only = (list: Speaker[]) => list.flatMap((s) => shown.get(s) ?? []);
  const match = (m: SpeakerMatch): SpeakerMatch => {
    const ambiguous = only(m.ambiguous);
    const speaker = m.speaker ? (shown.get(m.speaker) ?? null) : ambiguous.length === 1 ? ambiguous[0]! : null;
    return { ...m, speaker, ambiguous: speaker ? [] : ambiguous };
  };
  // A few more from the directory than asked, so hidden speakers do not leave the list short.
  const more = (limit: number) => limit + Math.min(50, dir.all.length - all.length);
  const view = Object.create(dir) as SpeakerDirectory;
  Object.defineProperties(view, {
    all: { value: all },
    get: { value: (name: string) => all.find((s) => s.name === name) },
    resolve: { value: (typed: string) => match(dir.resolve(typed)) },
    detect: {
      value: (text: string) => {
        const m = dir.detect(text);
        if (!m) return null;
        const seenHere = match(m);
        return seenHere.speaker || seenHere.ambiguous.length ? seenHere : null;
      },
    },
    suggest: { value: (typed: string, limit = 25) => only(dir.suggest(typed, more(limit))).slice(0, limit) },
    nearest: {
      value: (typed: string, limit = 5) => {
        const near = only(dir.nearest(typed, more(limit))).slice(0, limit);
        return near.length ? near : all.slice(0, limit);
      },
    },
  });
  return view;
}

/** Distinct quotations and reported sentences of `name` in the passages this scope sees. */
function counts(name: string, articles: Article[], passages: Passage[], quoted: Uint32Array, reported: Uint32Array) {
  const quotes = new Set<string>();
  let said = 0;
  for (const id of quoted) {
    const p = passages[id]!;
    const segments = articles[p.article]!.paragraphs[p.paragraph]!.segments;
    for (let i = p.segFrom; i < p.segTo; i++)
      if (segments[i]!.kind === 'quote' && segments[i]!.speaker === name) quotes.add(`${p.article}:${segments[i]!.quoteId ?? i}`);
  }
  for (const id of reported) {
    const p = passages[id]!;
    const segments = articles[p.article]!.paragraphs[p.paragraph]!.segments;
    for (let i = p.segFrom; i < p.segTo; i++) if (segments[i]!.kind === 'reported' && segments[i]!.speaker === name) said++;
  }
  return { quotes: quotes.size, reported: said };
}
