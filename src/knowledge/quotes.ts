import { continuesQuote, findQuoteSpans, type QuoteSpan } from './attribution.js';
import { interviewTurns } from './interview.js';
import { acronymOf, findMentions, firstNameGender, isPersonNoun, type Mention } from './names.js';
import {
  colonSubject,
  commonNoun,
  leadAttribution,
  openingSubject,
  reportedWho,
  signsAsPerson,
  tailAttribution,
  verbsIn,
  whoOfVerb,
  type Context,
  type Who,
} from './speech.js';
import { CLOSED_CLASS, IRREGULAR_PARTICIPLES } from './lexicon/function-words.js';
import { SAYING_AFTER } from './lexicon/speech-verbs.js';
import { ORG_KINDS } from './lexicon/organisations.js';
import { PERSON_NOUNS } from './lexicon/roles.js';
import { FEMALE, MALE } from './lexicon/titles.js';
import { ArticleSpeakers, type Referent } from './speakers.js';
import { analysisText, sentenceRanges, wordCount } from './text.js';
import type { Article, Segment } from './types.js';

/**
 * Direct quotes, reported speech and narration, sentence by sentence, with speakers; the rules
 * are written out with examples in src/knowledge/README.md. Two passes over an article: the
 * first learns every name it mentions (so a surname quoted later finds its full name), the
 * second reads in order, because "he" and "the minister" mean whoever the article named last.
 */

interface ParagraphInput {
  text: string;
  kind: 'body' | 'attribution' | 'break';
}

interface Span extends QuoteSpan {
  id: number;
  speaker: string | null;
  /** An attribution was written for this quotation (even if it names no one). */
  settled: boolean;
  embedded: boolean;
  lead: Who | null;
  /** The speaker was inferred from the paragraph before (news style), not written for this quotation. */
  carried?: boolean;
}

interface Working {
  spans: Span[];
  segments: Segment[];
  /** Whose words the paragraph's last sentence reports or quotes, when it introduces what follows ("… he was quoted;"). */
  intro: string | null;
  quoteOnly: boolean;
  /** The one person a paragraph of narration names, as its last sentence's opening subject ("Hartmann thanked her family."). */
  subject?: string | null;
  /** The people a paragraph of narration names (none unnamed among them). */
  people?: string[];
}

/** Segments every paragraph of one article; attribution lines get no segments. */
export function segmentArticle(written: ParagraphInput[], speakers = new ArticleSpeakers()): Segment[][] {
  // Segments are offsets into each paragraph, so the analysis may read a copy (see analysisText).
  const paragraphs = written.map((p) => {
    const text = analysisText(p.text);
    return text === p.text ? p : { ...p, text };
  });
  const spansOf = quoteSpans(paragraphs);
  // (A dateline opening one of the first paragraphs, "MELAKA, May 21 — " or "IPOH: ", is where
  // the story was filed, never a speaker nor a clause of the sentence: it is read as blank.)
  const masked = paragraphs.map((p, i) => {
    const m = mask(p.text, spansOf[i]!);
    const line = i < 3 ? CAPS_DATELINE.exec(m) : null;
    return line ? ' '.repeat(line[0].length) + m.slice(line[0].length) : m;
  });
  // Pass 1: every name the article mentions outside quotation marks, and the acronyms it spells out.
  // (Not in a headline or a heading: written in title case, "Delta Plane Makes Emergency Landing"
  // would make a person of "Delta Plane" and of "Delta" an ambiguous first name.)
  masked.forEach((m, i) => {
    if (paragraphs[i]!.kind === 'break') return;
    for (const hit of m.matchAll(SPELLED_ACRONYM)) {
      const [, full, acronym] = hit;
      if (acronymOf(full!) !== acronym!.replace(/s$/, '')) continue;
      // ("UPND leader, Hakainde Hichilema (HH),": a person's initials, after a noun for a person,
      // make no organisation of the name.)
      const before = /([\p{Ll}-]+),?\s+$/u.exec(m.slice(Math.max(0, hit.index - 30), hit.index));
      if (before && isPersonNoun(before[1]!) && !/\s(?:of|for|and)\s/.test(full!)) continue;
      speakers.learnAcronym(acronym!, full!);
    }
    const ranges = sentenceRanges(m);
    const starts = new Set(ranges.map(([a]) => a));
    let r = 0;
    let roleOnly: Mention | null = null;
    for (const mention of findMentions(m)) {
      // Mentions come in reading order: the sentence holding this one is found by walking forward.
      while (r < ranges.length - 1 && ranges[r]![1] <= mention.start) r++;
      if (roleOnly && roleOnly.start < (ranges[r]?.[0] ?? 0)) roleOnly = null;
      if (!mention.name && mention.role) roleOnly = mention;
      const role = mention.name && !mention.org && !mention.possessive ? appositionRole(m, mention, roleOnly) : null;
      if (role) speakers.learnRole(speakers.canonical(mention.name!) || mention.name!, role);
      const sentenceEnd = ranges[r] && mention.start < ranges[r]![1] ? ranges[r]![1] : m.length;
      // An organisation noun in apposition, before the name or after it ("the UN refugee agency,
      // UNHCR,", "Unite, the union,"), makes it an organisation; that noun, or one right before the
      // name ("group Oxfam"), is what the article calls it, for "the agency said" later.
      const nounBefore =
        mention.name && /^,/.test(m.slice(mention.end)) ? ORG_APPOSITION.exec(m.slice(Math.max(0, mention.start - 80), mention.start)) : null;
      const nounAfter = mention.name ? ORG_APPOSITION_AFTER.exec(m.slice(mention.end)) : null;
      const kind =
        nounBefore?.[1] ??
        nounAfter?.[1] ??
        (mention.name ? KIND_BEFORE.exec(m.slice(Math.max(0, mention.start - 30), mention.start))?.[1] : undefined);
      const org =
        mention.name &&
        !mention.org &&
        (!!nounBefore || !!nounAfter || (starts.has(mention.start) && itsSubject(mention, m.slice(mention.end, sentenceEnd))));
      speakers.learn(org ? { ...mention, org: true } : mention, !starts.has(mention.start) && !starts.has(mention.start - 1));
      if (kind && (org || mention.org)) speakers.learnOrgKind(speakers.canonical(mention.name!, true) || mention.name!, kind);
    }
  });
  const turns = interviewTurns(
    paragraphs.map((p) => (p.kind === 'body' ? p.text : null)),
    speakers,
  );

  const out: Working[] = [];
  const state = { nextId: 1, sentence: 0 };
  let pending: number[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.kind === 'break') {
      pending = [];
      state.sentence += PARAGRAPH_GAP;
      out.push(empty());
      continue;
    }
    if (para.kind === 'attribution') {
      const who = attributionName(para.text, speakers);
      const prev = out[out.length - 1];
      // A pull-quote without marks: one short paragraph, then "— Name".
      const prevText = paragraphs[p - 1]?.text ?? '';
      if (
        prev &&
        pending.length === 0 &&
        prev.spans.length === 0 &&
        prev.segments.length > 0 &&
        prev.segments.length <= 3 &&
        who &&
        wordCount(prevText) >= 6
      ) {
        const id = state.nextId++;
        for (const seg of prev.segments) Object.assign(seg, { kind: 'quote', speaker: who, quoteId: id });
      }
      for (const q of pending) assign(out[q]!, who);
      pending = [];
      out.push(empty());
      continue;
    }
    const turn = turns[p];
    if (turn) {
      out.push({ spans: [], segments: turn(() => state.nextId++), intro: null, quoteOnly: false });
      pending = [];
      continue;
    }
    let prev = out[out.length - 1];
    const w = segmentParagraph(para.text, masked[p]!, spansOf[p]!, speakers, state, prev?.intro ?? null);
    const continuing = prev?.spans.at(-1);
    // "On the performance…", "On the belief of the players:": a short topic line between one
    // speaker's answers (an interview written up) leaves the answers that follow theirs.
    if (prev && p > 1 && topicLine(paragraphs[p - 1]!.text, masked[p - 1]!, speakers)) prev = out[out.length - 2] ?? prev;
    const first = w.spans[0];
    if (first?.startsParagraph && continuing && !continuing.closed && !continuing.embedded) {
      // One quotation continued across paragraphs: same id, and the speaker carries over both ways.
      for (const seg of w.segments) if (seg.quoteId === first.id) seg.quoteId = continuing.id;
      first.id = continuing.id;
      if (!first.settled && continuing.speaker) {
        first.speaker = continuing.speaker;
        first.carried = continuing.carried;
      } else if (first.settled && continuing.speaker !== first.speaker && !continuing.settled) {
        // The attribution written where the quotation ends decides for all its paragraphs: over a
        // speaker carried from the paragraph before its start (news style); against the speaker of
        // a sentence before it in its first paragraph, the two disagree: nobody.
        const weak = continuing.carried || !continuing.speaker;
        backfill(out, continuing.id, weak ? first.speaker : null);
        if (!weak) first.speaker = null;
      }
    } else if (
      (first?.startsParagraph || (first && topicLead(para.text, first))) &&
      !first.settled &&
      !first.speaker &&
      prev &&
      !signedBelow(paragraphs, p)
    ) {
      // News style: a paragraph that opens with an unattributed quotation, right after a paragraph
      // that ends with X's attributed quotation, carries on X's words, when nothing in between
      // names anyone else: the rest of the paragraph reports no one and names no one but X.
      // So does one that ends with X's reported speech ("Reed indicated there are others …" then
      // "“There are other members …”"): the quotation is the words that report summed up.
      // And so does one whose narration names one person, the subject of its last sentence
      // ("Hartmann thanked her family and her sponsors." then "“Without them, …”").
      // (Words quoted inside the last sentence are its speaker's: the sentence decides.)
      const spoke = (w: Working) => {
        const end = w.segments.filter((s) => !s.embedded).at(-1);
        return end?.kind === 'quote' || end?.kind === 'reported' ? end.speaker : null;
      };
      // (Across a paragraph of narration that names only the speaker of the paragraph before it,
      // "The older players impressed O'Brien most of all.": still their words.)
      const before = out[out.length - 2];
      const earlier = before ? spoke(before) : null;
      const x = spoke(prev) ?? prev.subject ?? (earlier && prev.people?.length === 1 && prev.people[0] === earlier ? earlier : null);
      // (A topic before the quotation, "On Neco Williams: “…", is what the words are about, not who says them.)
      const others = findMentions(masked[p]!, first.startsParagraph ? 0 : first.start, masked[p]!.length, speakers).some(
        (m) => !m.name || resolveName(speakers, m) !== x,
      );
      const reports = w.segments.some((s) => s.kind === 'reported');
      if (x && !others && !reports) {
        const lead = w.segments.findIndex((s) => s.kind !== 'quote' || !!s.embedded);
        const openers = new Set(w.segments.slice(0, lead < 0 ? undefined : lead).map((s) => s.quoteId));
        // Spoken words, not a title opening the paragraph ("“The Hunger Games” opened on Friday"):
        // four words or more, ending a sentence or a clause inside or right after the closing mark.
        const spoken =
          wordCount(para.text.slice(first.start, first.end)) >= 4 &&
          /[.!?,;:\u2026]["'\u201c\u201d\u2019\u00bb]?\s*$/.test(
            para.text.slice(first.start, Math.min(para.text.length, first.end + 2)).replace(/["'\u201d\u2019\u00bb]?\s*$/, ''),
          );
        if (spoken)
          for (const span of w.spans)
            if (openers.has(span.id) && !span.settled && !span.embedded && !span.speaker) {
              span.speaker = x;
              span.carried = true;
            }
      }
      if (w.spans.some((s) => s.speaker)) w.quoteOnly = false;
    }
    sync(w);
    if (w.quoteOnly) pending.push(out.length);
    else pending = [];
    out.push(w);
  }
  return out.map((w) => w.segments);
}

/**
 * Where the statement starts in a sentence "X says: The …" / "X said: We …" with no quotation
 * marks: right after a verb of saying and a colon, a capitalised word, at least four words to the
 * sentence's end; -1 otherwise ("X said: yes" is too short to be anyone's words).
 */
function unmarkedStatement(text: string, masked: string, a: number, b: number): number {
  const v = verbsIn(masked, a, b)[0];
  if (!v) return -1;
  const m = /^\s*:\s+(?=\p{Lu})/u.exec(masked.slice(v.end, b));
  if (!m) return -1;
  const start = v.end + m[0].length;
  return wordCount(text.slice(start, b)) >= 4 && !/[\u201c\u201d"]/.test(text.slice(a, b)) ? start : -1;
}

/** The person or organisation a name mention stands for, as the article knows it. */
function resolveName(speakers: ArticleSpeakers, m: { name: string | null; org: boolean }): string | null | undefined {
  if (!m.name) return null;
  const c = speakers.canonical(m.name, m.org);
  return c === undefined ? m.name : c;
}

/** Quoted paragraphs from `p` on end with a "— Name" line, which attributes them instead. */
function signedBelow(paragraphs: ParagraphInput[], p: number): boolean {
  for (let q = p + 1; q < paragraphs.length; q++) {
    const next = paragraphs[q]!;
    if (next.kind === 'attribution') return true;
    if (next.kind === 'break' || !/^\s*["'\u201c\u201d\u2018\u00ab]/.test(next.text)) return false;
  }
  return false;
}

const KINDS = [...ORG_KINDS].join('|');
/**
 * Lower-case words between an article and an organisation noun, none a preposition: in "an official
 * at the department" and "the head of the company" the noun is no head, the person is.
 */
const ORG_FILLER = String.raw`(?:(?!(?:of|at|for|in|with|from|on|by|to)\s)[\p{L}-]+\s+){0,3}`;
/** "the electricity company, Coastal Power,", "the United Nations refugee agency, UNHCR,": an organisation noun, then the name in apposition. */
const ORG_APPOSITION = new RegExp(`(?<!\\b(?:of|at|for|in|with|from|on|by|to)\\s+)\\b(?:[Tt]he|[Aa]n?|[Ii]ts)\\s+${ORG_FILLER}(${KINDS}),\\s+$`, 'u');

/** "Habitação Já, a coalition of tenant groups": a name, then an organisation noun in apposition. */
const ORG_APPOSITION_AFTER = new RegExp(
  `^,\\s+(?:a|an|the)\\s+${ORG_FILLER}(${KINDS})(?=\\s*(?:[,.;:)]|$)|\\s+(?:of|for|that|which|based|representing|founded|formed|set)\\b)`,
  'u',
);

/** "the aid group Oxfam", "rights group Amnesty": the kind right before the name. */
const KIND_BEFORE = new RegExp(`(?<![\\p{L}])(${KINDS})\\s+$`, 'u');

/** The rest of a noun phrase (its "of", "for" … phrase) and then a verb of saying: the phrase is a subject. */
const SUBJECT_AFTER = new RegExp(`^(?:\\s+(?:of|for|at|in|with|from)\\s+[^,.;:_]{1,60}?)?\\s+(?:${SAYING_AFTER.join('|')})\\b`, 'u');

/**
 * A role the text gives a name in apposition, for "the minister said" later: "Bolivia's
 * environment minister, Carlos Ortiz,"; "Carlos Ortiz, the environment minister,"; "The Brigade
 * Commander of 23 Brigade, Yola, Brig Gen Gambo Mohammed,". Null when there is none.
 */
function appositionRole(masked: string, mention: Mention, roleOnly: Mention | null): string | null {
  const closed = /^\s*[,.;:)]/.test(masked.slice(mention.end));
  const before = masked.slice(Math.max(0, mention.start - 140), mention.start);
  // ("The club's chairman, David Hill,": a lower-case possessive may open the role.)
  const lead = /(?:^|[\s,])(?:[Tt]he|\p{Lu}[\p{L}.-]*['’]s?)\s+((?:[\p{Ll}'’-]+\s+){0,3}[\p{Ll}-]+),\s+$/u.exec(before);
  if (lead && closed && isPersonNoun(lead[1]!.split(/\s+/).at(-1)!)) return lead[1]!;
  // "The governor of the central bank, Adrian Orr,": a role of something, its head a person noun.
  // ("On Thursday, chief executive officer of biopharmaceutical company Pfizer, Albert Bourla,": so
  // after an opening phrase's comma, without "the".)
  const of =
    /(?:^|[\s,])[Tt]he\s+((?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+)\s+(?:of|for|at)\s+[^,_.;:!?]{1,100}?),\s+$/u.exec(before) ??
    /(?:^|[.!?]\s+)\p{Lu}[^,_.;:!?]{0,40},\s+((?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+)\s+(?:of|for|at)\s+[^,_.;:!?]{1,100}?),\s+$/u.exec(before);
  if (of && closed && isPersonNoun(of[2]!)) return of[1]!;
  // "Head coach of Nigeria’s Super Eagles, Jose Peseiro,": the same role opening the sentence, without "the".
  const opening = /(?:^|[.!?]['"’”]?\s+)(\p{Lu}\p{Ll}+(?:\s+[\p{Ll}-]+){0,2}\s+(?:of|for|at)\s+[^,_.;:!?]{1,100}?),\s+$/u.exec(before);
  if (
    opening &&
    closed &&
    isPersonNoun(
      opening[1]!
        .split(/\s+(?:of|for|at)\s/)[0]!
        .split(/\s+/)
        .at(-1)!
        .toLowerCase(),
    )
  )
    return opening[1]!;
  // ("Jerome Powell, president of the Fed and Kazuo Ueda, …": a role of something needs no article.)
  const after =
    /^,\s+(?:the|a|an)\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)(?=\s*[,.;:]|\s+(?:of|for|at|in|to)\b)/u.exec(
      masked.slice(mention.end, mention.end + 80),
    ) ??
    /^,\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+(?=\s+(?:of|for|at)\s)(?:\s+(?:of|for|at)\s+[^,_.;:!?]{1,60}?(?=\s*[,.;:)]|\s+and\s+\p{Lu}))?)/u.exec(
      masked.slice(mention.end, mention.end + 100),
    );
  // (Not when a verb of saying follows the noun's phrase with no comma to close it: "In a statement
  // to FOX Business, a spokesperson for Google said" makes the phrase the subject, no apposition.)
  if (
    after &&
    isPersonNoun(
      after[1]!
        .split(/\s+(?:of|for|at)\s/)[0]!
        .split(/\s+/)
        .at(-1)!,
    ) &&
    !SUBJECT_AFTER.test(masked.slice(mention.end + after[0].length, mention.end + 160))
  )
    return after[1]!;
  // The name that ends the apposition (what follows is the predicate), not a place inside it.
  // ("Super Eagles Head Coach, José Peseiro on Thursday expressed …": a role opening the sentence
  // and the name after its comma, then the predicate.)
  const opensSentence = /(?:^|[.!?]['"’”]?\s+)$/.test(masked.slice(Math.max(0, roleOnly ? roleOnly.start - 5 : 0), roleOnly?.start ?? 0));
  if (
    roleOnly &&
    (/^(?:,\s+\p{Ll}|\s*[.;:)])/u.test(masked.slice(mention.end)) || (opensSentence && /^\s+\p{Ll}/u.test(masked.slice(mention.end)))) &&
    /^(?:\s+(?:of|for|at)\s+[^.;:!?_]{1,80}?)?,\s+$/.test(masked.slice(roleOnly.end, mention.start)) &&
    (/^\s*[Tt]he\s+$/.test(masked.slice(Math.max(0, roleOnly.start - 5), roleOnly.start)) || opensSentence)
  )
    return roleOnly.role;
  return null;
}

/**
 * "Halvorsen Steel said on Monday it will close its plant": a name of two words or more that opens
 * its sentence, with no role, title or common given name, is an organisation when a verb of saying
 * follows it and the sentence refers back to it as it/its before any he, she or they.
 */
function itsSubject(mention: Mention, rest: string): boolean {
  if (!mention.name || mention.role || mention.titled || mention.possessive || !mention.name.includes(' ')) return false;
  if (firstNameGender(mention.name)) return false;
  if (!/^\s+(?:said|says|announced|confirmed|stated)\b/.test(rest)) return false;
  const pron = /\b(he|she|his|her|him|they|their|them|it|its)\b/i.exec(rest);
  return (
    !!pron &&
    /^its?$/i.test(pron[1]!) &&
    /\bits\b/i.test(rest) &&
    !/\b(?:he|she|his|her|him|they|their|them)\b/i.test(rest.slice(0, rest.search(/\bits\b/i)))
  );
}

/**
 * "Last year she said", "Yesterday afternoon he told", "Making a point of order in the Commons
 * later that day, he said": an opening word before a pronoun subject is an adverbial's (up to two
 * lower-case words without a comma, up to twelve words before one).
 */
const ADVERBIAL_OPENER = /^\p{Lu}\p{Ll}+(?:(?:\s+[\p{L}\p{N}'’-]+){1,12},|(?:\s+[\p{Ll}\p{N}]+){0,2})\s+(?:he|she|they|we|i)\s/u;
/**
 * "Initially the only first responder on the ground, Ruskan helped …": a capitalised word, lower-case
 * words and a comma, then the sentence's subject, open it with a phrase; a name there would be
 * followed by its verb or by a comma of its own.
 */
const PHRASE_OPENER = /^\p{Lu}\p{Ll}+(?:\s+[\p{Ll}\p{N}'’-]+){1,12},\s+(?:\p{Lu}\p{Ll}|(?:he|she|they)\s)/u;
const PARTICIPLE_OPENER = new RegExp(
  String.raw`^(?:\p{Lu}\p{Ll}+(?:ed|ing)|${IRREGULAR_PARTICIPLES.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})(?:,|\s+(?:about|whether|if|why|how|what|on|to|by|at|for|after|during|in|from|with|over|the|a|an|his|her|their|its|our|this|these|those)\b|(?:\s+[\p{L}\d][\p{L}\d'’.-]*){1,8},)`,
  'u',
);

/** "His fiancée, Pamela Cheruiyot", "her husband Mark": a name given as someone's relation. */
const RELATION_BEFORE = /(?:^|[^\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir)\s+\p{Ll}[\p{Ll}é-]+,?\s+$/u;

/** The person noun of a "the …" description that is a sentence's subject (after an opening phrase and its comma), or null. */
function descriptionSubject(sentence: string): string | null {
  const m = /^(?:[^,_;:]{0,100},\s+)?[Tt]he\s+((?:[\p{Ll}-]+\s+){0,4}\p{Ll}[\p{Ll}-]*)/u.exec(sentence);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const k = words.findIndex((w) => isPersonNoun(w));
  // The noun must be followed by the sentence's verb, not by more of a noun phrase ("the player's").
  return k >= 0 && k < words.length - 1 ? words.slice(0, k + 1).join(' ') : null;
}

/** A preposition right before a name, other than a passive's "by" (whose object is the doer). */
const OBLIQUE_BEFORE = /(?:^|[^\p{L}])(?:behind|after|before|against|over|than|like|including|alongside|beside|with|to|from|of|for|in|at|on)\s+$/u;

/** He or she as a sentence's subject: opening it, or after an opening phrase and its comma. */
const PRONOUN_SUBJECT = /^(?:[^,_;:]{0,80},\s+)?(he|she|He|She)\s+(?=\p{Ll})/u;

/**
 * A sentence whose subject is an unnamed person ("A Hamas activist dressed as Gilad Shalit and
 * begged …", "The man told police …"): that person is a candidate for he/she in what follows, as
 * salient as anyone the sentence names, so a name in another position is not taken for them. Not
 * when a name follows the noun ("The coach, Pieter van der Berg, …": the name is the subject).
 */
function unnamedSubject(sentence: string): { gender: 'm' | 'f' | null } | null {
  const np = /(?<![\p{L}])(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[\p{L}'’-]+\s+){0,3}?(\p{Ll}[\p{Ll}-]+)(?=[\s,])/gu;
  for (const m of sentence.matchAll(np)) {
    // The subject opens the sentence, or follows an opening time or place phrase ("During the rally").
    const before = sentence.slice(0, m.index);
    if (
      !/^[\s_]*$/.test(before) &&
      !/^[\s_]*(?:During|After|Before|At|In|On|Outside|Inside|Later|Earlier|Meanwhile|Then|Afterwards|Minutes|Hours|Moments)\b[^,_.;:]{0,50}?,?\s+$/u.test(
        before,
      )
    )
      return null;
    if (m.index === 0 && !/^\p{Lu}/u.test(m[0])) return null;
    const head = m[1]!;
    if (!PERSON_NOUNS.has(head) && !/^\p{L}{3,}(?:ist|eer)$/u.test(head)) continue;
    const after = sentence.slice(m.index! + m[0].length);
    if (/^\s*,?\s*(?:\p{Lu}|_)/u.test(after) || !/^\s+(?:[\p{Ll}]+\s+){0,2}\p{Ll}+/u.test(after)) return null;
    return { gender: FEMALE.has(head) ? 'f' : MALE.has(head) ? 'm' : null };
  }
  return null;
}

/** "the Movement for Democratic Change (MDC)": a capitalised name, then its acronym in brackets. */
const SPELLED_ACRONYM =
  /(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|the|de|du|des|la|le|del|di|&|\p{Lu}[\p{L}'’-]*))*\s+\p{Lu}[\p{L}'’-]*)\s+\((\p{Lu}{2,8}s?)\)/gu;

/** Sentence numbers jump at a heading, so he/she never reaches across one. */
const PARAGRAPH_GAP = 10;

const empty = (): Working => ({ spans: [], segments: [], intro: null, quoteOnly: false });

function assign(w: Working, who: string | null): void {
  if (!who) return;
  for (const span of w.spans) if (!span.embedded && !span.speaker) span.speaker = who;
  sync(w);
}

/**
 * "“…” The objection came from Councillor Hannah Pike." / "The words were those of Castleford's
 * manager, Steve Barker, …": a quotation that ends its sentence, then a sentence whose subject is
 * a noun for words (remark, words, comment, objection, warning, …) and whose verb gives their
 * source (came from, was made by, were those of, belonged to): the first person or organisation
 * named after it that is not a possessive. undefined when the next sentence is not of that shape.
 */
function sourceAfter(
  text: string,
  masked: string,
  ranges: Array<[number, number]>,
  spans: Span[],
  span: Span,
  speakers: ArticleSpeakers,
): { speaker: string | null; sentence: number } | undefined {
  if (!span.closed) return undefined;
  const si = ranges.findIndex(([a, b]) => span.end >= a && span.end < b);
  const next = ranges[si + 1];
  if (si < 0 || !next || !/^[\s\p{P}]*$/u.test(text.slice(span.end + 1, ranges[si]![1]))) return undefined;
  if (spans.some((s) => s.start < next[1] && s.end > next[0])) return undefined;
  // "“My talent is beyond measure.” -- Richardson after winning bronze …": a quotation opening its
  // paragraph, then a dash and a person's name, is signed by that person (see tailAttribution).
  const dash = /^\s*(?:--|\u2014|\u2013)\s*/.exec(masked.slice(next[0], next[1]));
  if (dash && span.startsParagraph) {
    const at = next[0] + dash[0].length;
    const signer = findMentions(masked, at, next[1], speakers)[0];
    if (signer?.name && signsAsPerson(signer, speakers) && signer.start === at) {
      const c = speakers.canonical(signer.name);
      return { speaker: c === undefined ? signer.name : c, sentence: si + 1 };
    }
  }
  const m = SOURCE_AFTER.exec(masked.slice(next[0], next[1]));
  if (!m) return undefined;
  const from = next[0] + m[0].length;
  const clause = masked.slice(from, next[1]).search(/[.;:!?]|,\s+(?:who|which|whose|after|before|when|as|but|and)\b/);
  const to = clause < 0 ? next[1] : from + clause;
  const who = findMentions(masked, from, to, speakers).find((x) => !x.possessive && (x.name || x.role));
  if (!who) return { speaker: null, sentence: si + 1 };
  if (!who.name) return { speaker: null, sentence: si + 1 };
  const c = speakers.canonical(who.name, who.org);
  return { speaker: c === undefined ? who.name : c, sentence: si + 1 };
}

const SOURCE_AFTER =
  /^\s*(?:The|That|This|Those|These|Such)\s+(?:[\p{Ll}-]+\s+){0,2}(?:remarks?|words|comments?|objection|warning|assessment|plea|appeal|criticism|admission|verdict|message|quotation|quote|claim|response|reply|question|view|accusation|prediction|promise|confession|boast|complaint|tribute|rebuke|retort)\s+(?:came|come|comes|was|were|is|are)\s+(?:from|made\s+by|spoken\s+by|written\s+by|delivered\s+by|uttered\s+by|posted\s+by|issued\s+by|those\s+of|that\s+of|belonged\s+to|by)\s+/u;

/** Whether the verb follows the quotation as its attribution ("“…,” Smith said", "“…” said the minister"). */
function tailOf(masked: string, span: Span, verb: { start: number }): boolean {
  return (
    !/[.;:!?]|_/.test(masked.slice(span.end + 1, verb.start)) &&
    masked
      .slice(span.end + 1, verb.start)
      .trim()
      .split(/\s+/).length <= 8
  );
}

/** One quotation over several paragraphs: its unsettled parts take `who`. */
function backfill(out: Working[], id: number, who: string | null): void {
  for (const w of out) {
    if (!w.spans.some((s) => s.id === id)) continue;
    for (const span of w.spans) if (span.id === id && !span.settled) Object.assign(span, { speaker: who, carried: false });
    sync(w);
  }
}

function sync(w: Working): void {
  for (const seg of w.segments) {
    if (seg.kind !== 'quote' || seg.embedded) continue;
    const span = w.spans.find((s) => s.id === seg.quoteId);
    if (span) seg.speaker = span.speaker;
  }
}

/** "— Jenny Leong", "-NATO Secretary General Jens Stoltenberg", "— Amnesty International statement". */
function attributionName(line: string, speakers: ArticleSpeakers): string | null {
  const text = line
    .replace(/^[\s\-\u2013\u2014\u2012]+/, '')
    .replace(/\s+(?:statement|release|communiqu[eé])\.?$/i, '')
    .replace(/[\s.]+$/, '');
  if (/\d/.test(text)) return null;
  const m = findMentions(text, 0, text.length, speakers)[0];
  // Only a name (and a role after a comma) attributes: "- The ministry announced …" is a list item.
  if (m?.start !== 0 || !/^(?:$|,)/.test(text.slice(m.end))) return null;
  if (!m?.name) return m?.role ? speakers.roleNoun(m.role, [], 0) : null;
  const name = speakers.canonical(m.name, m.org);
  return name === undefined ? m.name : name;
}

/** Quotation spans of every paragraph, with quotations carried over paragraph breaks. */
function quoteSpans(paragraphs: ParagraphInput[]): QuoteSpan[][] {
  const out: QuoteSpan[][] = [];
  let open = false;
  let prevText = '';
  for (const p of paragraphs) {
    if (p.kind !== 'body') {
      out.push([]);
      if (p.kind === 'break') open = false;
      continue;
    }
    const inside = open && continuesQuote(p.text);
    const spans = findQuoteSpans(p.text, inside);
    const prev = out[out.length - 1];
    const last = prev?.at(-1);
    // A quotation left open that the next paragraph does not carry on was a stray mark, unless
    // it opens a sentence of its own (“…,” Schauffele said. “It’s been a while … ¶): then the
    // closing mark is what the writer left out, and the words to the paragraph's end are quoted.
    if (prev && last && !last.closed && !inside && !spans[0]?.startsParagraph && !opensSentence(prevText, last)) prev.pop();
    prevText = p.text;
    out.push(spans);
    open = spans.at(-1)?.closed === false;
  }
  return out;
}

/** "On the performance:", "About the injury:": a topic heading's words, up to its colon (no quotation marks). */
const TOPIC_HEADING = /^(?:On|About|Regarding)\s[^:"\u201c\u201d]*:\s*$/;

/**
 * A short line naming no one that ends in an ellipsis, or opens with "On"/"About" and ends in a
 * colon: a topic heading in a written-up interview ("On the performance…"), not a sentence that
 * introduces words of its own ("The placards carried a simple message:").
 */
function topicLine(text: string, masked: string, speakers: ArticleSpeakers): boolean {
  return (
    wordCount(text) <= 8 &&
    (/(?:\u2026|\.\.\.)\s*$/.test(text) || TOPIC_HEADING.test(text)) &&
    !/["\u201c\u201d]/.test(text) &&
    !findMentions(masked, 0, masked.length, speakers).some((m) => m.name && !m.org)
  );
}

/**
 * "On Neco Williams: “The yellow card …”", "On chasing the record: “…”": a paragraph that opens
 * with a short topic and a colon before its quotation, in a written-up interview (see topicLine).
 */
function topicLead(text: string, span: QuoteSpan): boolean {
  const lead = text.slice(0, Math.max(0, span.start - 1));
  return TOPIC_HEADING.test(lead) && wordCount(lead) <= 8;
}

/** An unclosed quotation that opens a sentence and holds one of four words or more. */
function opensSentence(text: string, span: QuoteSpan): boolean {
  return (
    /(?:^|[.!?]['"’”]?\s+|:\s*)$/.test(text.slice(0, Math.max(0, span.start - 1))) &&
    wordCount(text.slice(span.start, span.end)) >= 4 &&
    /^\p{Lu}/u.test(text.slice(span.start))
  );
}

/** The paragraph with every quotation (marks included) replaced by "_", offsets unchanged. */
function mask(text: string, spans: QuoteSpan[]): string {
  let out = text;
  for (const s of spans) {
    const a = s.continued ? s.start : Math.max(0, s.start - 1);
    const b = Math.min(text.length, s.closed ? s.end + 1 : s.end);
    out = out.slice(0, a) + '_'.repeat(b - a) + out.slice(b);
  }
  return out;
}

/** A verb of saying just before a short quotation ("said it was “…”", "calls it “…”"), never "so-called". */
function saidRightBefore(lead: string): boolean {
  const v = verbsIn(lead, 0, lead.length).at(-1);
  return (
    !!v && /^(?:\s+(?:that|it|this|them|him|her|as|was|is|a|an|the|of))*[\s,:]*$/i.test(lead.slice(v.end)) && !/so-$/.test(lead.slice(0, v.start))
  );
}

/**
 * A short quotation inside what a named speaker said: the clause after a verb of saying and
 * "that" ("told the jury that Carver had “lain in wait”", "saying the tax was “fair and overdue”"),
 * never a label ("so-called", "dubbed", "known as").
 */
function inThatClause(lead: string, quoted: string): boolean {
  // Capitalised words in quotes are a name or a title ("its “Project Falcon”"), not someone's words.
  if (
    quoted
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => /^\p{Lu}/u.test(w))
  )
    return false;
  const weak = verbsIn(lead, 0, lead.length, true).at(-1);
  const v = weak && /^describ/i.test(weak.word) ? weak : verbsIn(lead, 0, lead.length).at(-1);
  if (!v) return false;
  const rest = lead.slice(v.end);
  if (/[.;:!?_]/.test(rest) || /\b(?:so-called|called|dubbed|termed|labell?ed|named|known as|alleged|branded)\s*$/i.test(rest)) return false;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  // "described the raid as “terrifying and cowardly”".
  if (/^describ/i.test(v.word)) return words.length <= 8 && /\bas\s*$/i.test(rest);
  return words.length <= 14 && (/\bthat\b/i.test(rest) || /^saying$/i.test(v.word) || words.length <= 6);
}

/** "X said, “…", "X remarked to The Brooklyn Paper, “…": a verb of saying, a short complement, a comma or colon. */
function introduced(lead: string): boolean {
  const m = /[,:]\s*$/.exec(lead);
  if (!m) return false;
  const verbs = verbsIn(lead, 0, lead.length);
  const v = verbs[verbs.length - 1];
  if (!v) return false;
  const between = lead.slice(v.end, m.index).trim();
  return (
    between.split(/\s+/).length <= 10 && !/\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|do|does|did)\b/i.test(between)
  );
}

/** A quotation that is its whole sentence (a mark, the words, a mark and the sentence's end). */
function ownSentence(text: string, [a, b]: [number, number], span: Span): boolean {
  return /^[\s\p{Pi}\p{Pf}"'«»]*$/u.test(text.slice(a, span.start)) && /^[\s\p{Pi}\p{Pf}"'«».!?]*$/u.test(text.slice(span.end, b));
}

/** A dateline in capitals: "MELAKA, May 21 — ", "NAIROBI, Kenya, October 30- ", "IPOH: ", "WASHINGTON (Reuters) - ". */
const CAPS_DATELINE =
  /^\s*\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?){0,2}(?:,?\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(?:\([^()_]{1,30}\))?\s*(?:\u2014|\u2013|--|-|:)\s+(?=\p{Lu})/u;
/** "BRUSSELS, 5 April 2022 — " or "LONDON (Reuters) - " before a paragraph's first words. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.,'’-]{1,40}(?:,?\s*[\p{L}\d ,.]{0,30}?\d{4})?\s*(?:\([^)]{1,30}\))?\s*[\u2014\u2013-]\s*$/u;

function letters(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function segmentParagraph(
  text: string,
  masked: string,
  quoteSpans: QuoteSpan[],
  speakers: ArticleSpeakers,
  state: { nextId: number; sentence: number },
  intro: string | null,
): Working {
  const spans: Span[] = quoteSpans.map((s) => ({ ...s, id: state.nextId++, speaker: null, settled: false, embedded: false, lead: null }));
  const segments: Segment[] = [];
  const paragraphStart = state.sentence + 1;
  /** Per sentence: its speaker (string), an attribution naming no one (null), or none (undefined). */
  const said: Array<string | null | undefined> = [];
  const named: boolean[] = [];
  const subjects: Array<string | null> = [];
  /** Everyone the paragraph has named (or mentioned unnamed: null) so far. */
  const seen = new Set<string | null>();
  const ranges = sentenceRanges(text);
  let lastWho: Who | null = null;
  let lastCtx: Context | null = null;
  ranges.forEach(([a, b], si) => {
    state.sentence++;
    const ctx: Context = { masked, speakers, sentence: state.sentence, paragraphStart, here: [] };
    speakers.notePronouns(state.sentence, masked.slice(a, b));
    // "Delivering her remarks in French, the tennis player thanked her family": a description as
    // the subject stands for the person it describes (as "the tennis player said" would), who is
    // then this sentence's subject; one that describes no one named is an unnamed person.
    const described = descriptionSubject(masked.slice(trimStart(masked, a), b));
    const whom = described ? speakers.roleNoun(described, ctx.here, paragraphStart) : null;
    const unnamed = whom ? null : unnamedSubject(masked.slice(a, b));
    // The person a description or a he/she subject stands for, as the sentence's subject.
    const subjectReferent = (name: string, gender: Referent['gender'], at: number) => ({
      name,
      gender,
      org: speakers.isOrg(name),
      sentence: state.sentence,
      speaker: false,
      at,
      opens: true,
      person: true,
    });
    if (whom) ctx.here.push(subjectReferent(whom, null, a));
    if (unnamed) ctx.here.push({ name: null, gender: unnamed.gender, org: false, sentence: state.sentence, speaker: false, at: a, person: true });
    // Who may be the speaker of a quotation that follows: an unnamed subject, and every person
    // named, but not a possessive ("Osei's deputy, Lena Park") nor a role that names no one
    // ("disagreed with the government").
    if (unnamed) seen.add(null);
    // "Speaking with NBL Media's Liam Santamaria from quarantine in Darwin, head coach …": the
    // names before the comma of a participle clause opening the sentence are minor (see Referent).
    const opener = PARTICIPLE_OPENER.test(masked.slice(trimStart(masked, a), b)) ? masked.indexOf(',', a) : -1;
    const mentions = findMentions(masked, a, b, speakers);
    for (const [k, m] of mentions.entries()) {
      // "Age UK chief executive Helen Hunter", "Trump adviser John Bolton": a name right before the
      // lower-case role of the next is what that role is of, less salient than the person.
      const next = mentions[k + 1];
      // ("Wairarapa native Mrs Howell", "Texas native John Smith": so does a word no one is known by
      // before a noun and a person by title or given name.)
      const qualifies =
        (!!next?.role && next.start === m.end + 1 && next.start < next.nameStart && /^ \p{Ll}/u.test(masked.slice(m.end, next.start + 1))) ||
        (!!next?.name &&
          !next.org &&
          (next.titled || !!firstNameGender(next.name)) &&
          !!m.name &&
          !m.name.includes(' ') &&
          !m.titled &&
          !m.role &&
          !speakers.knowsPerson(m.name) &&
          /^ \p{Ll}+ $/u.test(masked.slice(m.end, next.start)) &&
          !CLOSED_CLASS.has(masked.slice(m.end, next.start).trim()));
      // "Asked about it, she said", "Speaking to reporters, he said", "Last year she said": a
      // participle or an adverbial opening the sentence is no one, so it does not stand between
      // he/she and the person named before.
      if (
        m.name &&
        m.start === trimStart(masked, a) &&
        !m.name.includes(' ') &&
        !m.titled &&
        !m.role &&
        !speakers.knowsPerson(m.name) &&
        (PARTICIPLE_OPENER.test(masked.slice(m.start, b)) ||
          ADVERBIAL_OPENER.test(masked.slice(m.start, b)) ||
          PHRASE_OPENER.test(masked.slice(m.start, b)))
      )
        continue;
      // ("Smith, who won gold in 2012, was emotional": a single name the relative "who" follows is a
      // person's, though the article gives no full name.)
      const known = speakers.referentOf(m, state.sentence, false);
      const r =
        !known?.name &&
        m.name &&
        !m.org &&
        !m.possessive &&
        !m.name.includes(' ') &&
        !commonNoun(m.name) &&
        /^,\s+who\s/.test(masked.slice(m.end, m.end + 8))
          ? { ...(known ?? { org: false, sentence: state.sentence, speaker: false }), name: m.name, gender: m.gender }
          : known;
      // "The Ashanti Regional Director of Health, Dr. Emmanuel Tinkorang": a role with no name, then
      // the name in apposition, are one person, not two for he/she to choose between.
      const before = mentions[k - 1];
      const lastHere = ctx.here.at(-1);
      if (
        r?.name &&
        !r.org &&
        before &&
        !before.name &&
        before.role &&
        lastHere?.at === before.start &&
        !lastHere.name &&
        /^,\s+$/.test(masked.slice(before.end, m.start))
      )
        ctx.here.pop();
      if (r)
        ctx.here.push({
          ...r,
          at: m.start,
          opens: m.start === trimStart(masked, a),
          person: !!(m.titled || m.role || (m.name?.includes(' ') && firstNameGender(m.name))),
          ...(m.possessive || qualifies || (opener > 0 && opener < b && m.start < opener) ? { minor: true } : {}),
          ...(RELATION_BEFORE.test(masked.slice(Math.max(a, m.start - 30), m.start)) ? { relative: true } : {}),
          ...(OBLIQUE_BEFORE.test(masked.slice(Math.max(a, m.start - 16), m.start)) ||
          // ("behind Margaret Court, who won 24, and Steffi Graf": joined to one.)
          (ctx.here.at(-1)?.oblique && /(?:^|[^\p{L}])(?:and|or)\s+$/u.test(masked.slice(Math.max(a, m.start - 6), m.start)))
            ? { oblique: true }
            : {}),
        });
      // ("… after Victory's 2-1 win against Western United": a capitalised object of a preposition
      // with nothing that marks a person is a team, a place or a firm, not someone else who could speak.)
      const marked = !!(m.titled || m.role || (m.name && firstNameGender(m.name)));
      if (
        r?.name &&
        !r.org &&
        !m.possessive &&
        (marked || !/\b(?:against|for|from|to|with|at|in|on|by|over|of)\s+(?:the\s+)?$/i.test(masked.slice(Math.max(a, m.start - 12), m.start)))
      )
        seen.add(r.name);
    }
    // "He compared it to a win under Dhoni's captaincy." / "Speaking with Morgan Turinui, he
    // promised …": a he/she subject carries on the person it stands for, who is this sentence's
    // subject (so a later "he said" is not the possessive or the participle clause's name).
    const pron = PRONOUN_SUBJECT.exec(masked.slice(trimStart(masked, a), b));
    if (pron) {
      const at = trimStart(masked, a) + pron.index + pron[0].length - pron[1]!.length;
      const whom = speakers.pronoun(
        pron[1]!,
        ctx.here.filter((r) => r.at < at && !r.minor),
      );
      if (whom) ctx.here.push(subjectReferent(whom, /^she$/i.test(pron[1]!) ? 'f' : 'm', at));
    }
    named[si] = ctx.here.some((r) => r.name && !r.org);
    // The one person a sentence names, as its opening subject: a quotation right after it with no
    // attribution of its own is theirs ("Moreira was in no doubt. “He is a monster.”").
    // Only when the paragraph so far names no one else ("Tomas Berg spoke first. Anna Lind arrived later. “We disagree.”": nobody).
    subjects[si] = seen.size === 1 && !seen.has(null) ? (openingSubject(ctx, a, b)?.speaker ?? null) : null;
    const inSpans = spans.filter((s) => s.start < b && s.end > a);
    const inside = inSpans.reduce((n, s) => n + letters(text.slice(Math.max(a, s.start), Math.min(b, s.end))), 0);
    // A quotation is the sentence's own when it is most of it, opens it, runs past its end, or
    // is introduced by a verb of saying and a comma or colon ("X notes, “…”"); otherwise it is
    // a partial quotation inside someone's sentence, or a scare quote.
    for (const span of inSpans)
      if (!span.continued && span.start - 1 >= a)
        span.lead = leadAttribution({ ...ctx, quoted: text.slice(span.start, span.end) }, a, span.start - 1);
    const own = (s: Span) =>
      s.start < a ||
      s.continued ||
      (s.end > b && s.lead?.speaker) ||
      /^[\s\p{P}_]*$/u.test(masked.slice(a, s.start - 1).replace(DATELINE, '')) ||
      (s.lead !== null && introduced(masked.slice(a, s.start - 1))) ||
      // "One fan outside the ground, Mike Dean, 54, was delighted: “Finally, a proper number nine.”":
      // words after a colon that run to the sentence's end are its own, however short.
      (s.closed && /:\s*$/.test(masked.slice(a, s.start - 1)) && /^[\s\p{P}]*$/u.test(text.slice(s.end + 1, b)));
    const isQuote = inSpans.length > 0 && (inside * 2 >= letters(text.slice(a, b)) || inSpans.some(own));
    let who: Who | null = null;
    for (const span of inSpans) {
      if (!isQuote && span.start >= a) span.embedded = true;
      const closesHere = span.closed && span.end < b;
      if (closesHere || (!span.closed && span.end <= b)) {
        // (Not a short quoted word or two inside the tail: "…," an “over the moon” Mills said.)
        const next = spans.find((s) => s.start > span.end && (s.end >= b || wordCount(text.slice(s.start, s.end)) >= 4));
        const tail = closesHere
          ? tailAttribution({ ...ctx, quoted: text.slice(span.start, span.end) }, span.end + 1, Math.min(b, next ? next.start - 1 : b))
          : null;
        // A partial quotation belongs to its sentence's speaker; "according to" after it names a source.
        const found = span.embedded ? (span.lead ?? tail) : (tail ?? span.lead);
        if (found) {
          span.settled = true;
          span.speaker = found.speaker;
          who ??= found;
        }
      }
    }
    // "“…,” but with “…,” Ribera told POLITICO": a quotation joined to the next of its sentence by
    // a conjunction alone shares that one's attribution.
    inSpans.forEach((span, k) => {
      const next = inSpans[k + 1];
      if (span.settled || !span.closed || !next?.settled || !next.speaker) return;
      if (/^[\s,]*(?:but|and|or)(?:\s+(?:with|also|then|not|as))?\s*$/.test(masked.slice(span.end + 1, next.start - 1))) {
        span.settled = true;
        span.speaker = next.speaker;
      }
    });
    if (!isQuote) {
      const reported = reportedWho(ctx, a, b);
      // "Cuomo said he had heard of …": a he or she right after the verb is its subject's own.
      const own = reported?.speaker ? /^\s+(?:that\s+)?(he|she)\s/i.exec(masked.slice(reported.verb.end, b)) : null;
      if (own) speakers.learnGender(reported!.speaker!, /^he$/i.test(own[1]!) ? 'm' : 'f');
      const unmarked = !inSpans.length && reported?.speaker ? unmarkedStatement(text, masked, a, b) : -1;
      if (unmarked > 0) {
        // "Solberg says: The tax is fair." — words after "X says:" without marks are X's statement.
        segments.push({ kind: 'quote', speaker: reported!.speaker, start: unmarked, end: trimEnd(text, b, unmarked), quoteId: state.nextId++ });
      } else segments.push({ kind: reported?.speaker ? 'reported' : 'narration', speaker: reported?.speaker ?? null, start: a, end: b });
      const sentenceSeg = segments.at(-1)!;
      const from = segments.length - 1;
      who ??= reported;
      // Quoted words inside reported speech are the reporter's subject's words, marked partial.
      for (const span of inSpans) {
        if (!span.embedded) continue;
        // Fewer than four words not introduced by a verb of saying ("alleged “Russian spy ring”",
        // "the Bolivian people “fraternal greetings”") are a label or a scare quote: narration.
        if (
          wordCount(text.slice(span.start, span.end)) < 4 &&
          !saidRightBefore(masked.slice(a, span.start - 1)) &&
          !(reported?.speaker && inThatClause(masked.slice(a, span.start - 1), text.slice(span.start, span.end)))
        )
          continue;
        // Quoted words before the sentence's verb of saying are not what it reports ("women chanted
        // “…” and carried signs, … Trump said"): no speaker, and no later rule may guess.
        if (!span.settled && reported && span.end < reported.verb.start && !tailOf(masked, span, reported.verb)) {
          span.settled = true;
          span.speaker = null;
        }
        if (!span.settled && reported) {
          span.settled = true;
          span.speaker = reported.speaker;
          // "Singh said her neighbour had shouted “Get out …”": words quoted after another verb
          // of saying whose subject is not the sentence's speaker are that other voice's, relayed:
          // nobody's here.
          const v = verbsIn(masked, a, span.start - 1, true).at(-1);
          const voice = v && v.start > reported.verb.start ? whoOfVerb(ctx, a, v, span.start - 1) : null;
          if (voice && voice.speaker !== reported.speaker) span.speaker = null;
        }
        // Words relayed from another voice are not shown as the speaker's reported speech either.
        if (reported?.speaker && span.speaker !== reported.speaker && sentenceSeg.kind === 'reported' && sentenceSeg.end > span.start) {
          const rest = span.closed ? span.end + 1 : span.end;
          sentenceSeg.end = trimEnd(text, span.start - 1, sentenceSeg.start);
          if (letters(text.slice(rest, b)) >= 12)
            segments.push({ kind: 'reported', speaker: reported.speaker, start: trimStart(text, rest), end: b });
        }
        const start = trimStart(text, span.start);
        const end = trimEnd(text, span.end, start);
        // Words relayed inside a named speaker's sentence are shown, as nobody's (4c).
        if ((span.speaker || (span.settled && reported?.speaker)) && end > start)
          segments.push({ kind: 'quote', speaker: span.speaker, start, end, quoteId: span.id, embedded: true });
      }
      const tail = segments.splice(from).sort((x, y) => x.start - y.start);
      segments.push(...tail);
    } else {
      for (const span of inSpans) {
        const start = trimStart(text, Math.max(a, span.start));
        const end = trimEnd(text, Math.min(b, span.end), start);
        if (end > start) segments.push({ kind: 'quote', speaker: null, start, end, quoteId: span.id });
      }
    }
    said[si] = who ? who.speaker : undefined;
    if (who?.speaker)
      ctx.here.push({ name: who.speaker, gender: null, org: speakers.isOrg(who.speaker), sentence: state.sentence, speaker: true, at: b });
    // "…," said the world number two. She then joked: …: someone unnamed spoke here, so "she"
    // and "the player" are not the person named further back.
    else if (who?.someone) ctx.here.push({ name: null, gender: null, org: false, sentence: state.sentence, speaker: true, at: b, person: true });
    // ("an Age UK spokesperson said …" then "the charity said": the organisation has spoken too.)
    if (who?.through) ctx.here.push({ name: who.through, gender: null, org: true, sentence: state.sentence, speaker: true, at: b });
    for (const r of ctx.here) speakers.note(r);
    lastWho = who;
    lastCtx = ctx;
  });
  // Quotations with no attribution of their own.
  for (const span of spans) {
    if (span.settled || span.embedded) continue;
    const si = ranges.findIndex(([a, b]) => span.start >= a && span.start < b);
    if (si <= 0 && span.startsParagraph && !span.continued && intro) {
      span.speaker = intro;
      continue;
    }
    // The sentence after names the source of the words ("“…” The objection came from Hannah Pike").
    const source = sourceAfter(text, masked, ranges, spans, span, speakers);
    if (source !== undefined) {
      span.speaker = source.speaker;
      span.settled = true;
      said[source.sentence] = source.speaker;
      continue;
    }
    // The sentence before, in this paragraph, names who speaks ("Heald noted …. “An air-quality …”").
    for (let j = si - 1; j >= 0; j--) {
      if (said[j] !== undefined) {
        span.speaker = said[j] ?? null;
        break;
      }
      if (named[j]) {
        // The sentence right before names one person as its subject, and says nothing of anyone's words.
        if (j === si - 1 && subjects[j] && ownSentence(text, ranges[si]!, span)) span.speaker = subjects[j]!;
        break;
      }
    }
  }
  const last = ranges.at(-1);
  // (A paragraph cut off by a comma, "London MEP Syed Kamall told the parliament,", runs on into the next.)
  const introduces = last && /[:;,]\s*$/.test(text.slice(last[0], last[1]));
  // "On his departure Chris gave the following statement:": a paragraph that ends with a colon and
  // no verb of saying introduces the words of its sentence's named subject (not a sign's, a banner's).
  if (introduces && !lastWho && lastCtx) lastWho = colonSubject(lastCtx, last[0], last[1] - 1);
  const quoteOnly =
    spans.some((s) => !s.embedded) && segments.every((s) => s.kind === 'quote' && !s.embedded) && spans.every((s) => !s.embedded && !s.speaker);
  const narrated = spans.length === 0 && segments.at(-1)?.kind === 'narration';
  return {
    spans,
    segments,
    intro: introduces ? ((lastWho as Who | null)?.speaker ?? null) : null,
    quoteOnly,
    subject: narrated ? (subjects.at(-1) ?? null) : null,
    ...(narrated && !introduces && !seen.has(null) ? { people: [...seen] as string[] } : {}),
  };
}

function trimStart(text: string, i: number): number {
  let s = i;
  while (s < text.length && /[\s\u201c\u201d"\u00ab\u00bb]/.test(text[s] ?? '')) s++;
  return s;
}

function trimEnd(text: string, i: number, floor: number): number {
  let e = i;
  while (e > floor && /[\s,;:\u201c\u201d"\u00ab\u00bb\u2013\u2014-]/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** Sentence segments of text that is wholly one speaker's words (a transcript, a statement). */
export function speechSegments(text: string, speaker: string, quoteId: number): Segment[] {
  return sentenceRanges(text).map(([start, end]) => ({ kind: 'quote', speaker, start, end, quoteId }));
}

/** How many quotations an article holds (one cut in two by its attribution counts once) and who speaks in it, quoted or reported. */
export function quotationsOf(article: Article): { quotes: number; speakers: string[] } {
  const quoteIds = new Set<number>();
  const speakers = new Set<string>();
  for (const p of article.paragraphs)
    for (const s of p.segments) {
      if (s.kind === 'quote' && !s.embedded && s.quoteId) quoteIds.add(s.quoteId);
      if (s.speaker && (s.kind === 'quote' || s.kind === 'reported')) speakers.add(s.speaker);
    }
  return { quotes: quoteIds.size, speakers: [...speakers] };
}
