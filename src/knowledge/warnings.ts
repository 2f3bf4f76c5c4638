import type { Article } from './types.js';

/**
 * Warnings about an article that do not stop it loading: quotations whose speaker the text does
 * not settle (shown to users as "unattributed quotation"), and a missing headline. The lint lists
 * them so that an editor can add the attribution or front matter; they are never failures.
 */
export interface Warning {
  /** The paragraph's first words, to find it in the file. */
  paragraph: string;
  reason: string;
}

const WORDS = 8;

export function articleWarnings(article: Article): Warning[] {
  const out: Warning[] = [];
  if (!article.titled) out.push({ paragraph: article.paragraphs[0]?.text.slice(0, 80) ?? '', reason: 'no headline: add `title:` front matter' });
  for (const p of article.paragraphs) {
    const seen = new Set<number | undefined>();
    for (const s of p.segments) {
      if (s.kind !== 'quote' || s.speaker || seen.has(s.quoteId ?? -s.start)) continue;
      seen.add(s.quoteId ?? -s.start);
      const words = p.text.slice(s.start, s.end).split(/\s+/);
      out.push({ paragraph: p.text, reason: `unattributed quotation “${words.slice(0, WORDS).join(' ')}${words.length > WORDS ? ' …' : ''}”` });
    }
  }
  return out;
}

/** The 1-based line of a paragraph in the raw file (by its first words), or undefined. */
export function lineOf(raw: string, paragraph: string): number | undefined {
  const head = paragraph.split(/\s+/).slice(0, 6).join(' ');
  if (!head) return undefined;
  const flat = raw.replace(/[ \t\u00a0]+/g, ' ');
  const at = flat.indexOf(head);
  return at < 0 ? undefined : flat.slice(0, at).split('\n').length;
}
