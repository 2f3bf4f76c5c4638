import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { Extracted } from './extracted.js';

/**
 * A PDF statement → blocks and metadata. PDFs have no paragraphs, only positioned text: lines are
 * rebuilt from the items' baselines, and a paragraph ends where the vertical gap grows, the font
 * size changes, or a short line ends a sentence. A line in a clearly larger font is a heading.
 */

interface Line {
  text: string;
  y: number;
  size: number;
  right: number;
  page: number;
}

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    throw new Error(`not a readable PDF (${(err as Error).message})`);
  }
  try {
    const { items } = await extractTextItems(pdf);
    // Metadata is optional: a PDF with a broken info dictionary still has its text (and a date on the page).
    const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    const lines = items.flatMap((page, p) => linesOf(page, p));
    const blocks = blocksOf(lines);
    const title = str(info.Title);
    if (title && blocks[0] === `## ${title}`) blocks.shift();
    return {
      title,
      author: str(info.Author),
      publisher: null,
      // A statement's own dateline says when it was issued better than when its PDF was made.
      published: null,
      fallbackDate: pdfDate(info.CreationDate),
      modified: pdfDate(info.ModDate),
      blocks,
    };
  } finally {
    await pdf.destroy().catch(() => undefined); // the text is out: a failed clean-up loses nothing
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null;
}

/** `D:20230502093000+02'00'` → `2023-05-02`. */
function pdfDate(v: unknown): string | null {
  const m = typeof v === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(v) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function linesOf(items: Array<{ str: string; x: number; y: number; width: number; fontSize: number; hasEOL: boolean }>, page: number): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    const sameLine = cur && Math.abs(cur.y - it.y) < Math.max(1, it.fontSize * 0.4);
    if (!cur || !sameLine) {
      if (cur) lines.push(cur);
      cur = { text: it.str, y: it.y, size: it.fontSize, right: it.x + it.width, page };
    } else {
      cur.text += it.str;
      cur.right = Math.max(cur.right, it.x + it.width);
      cur.size = Math.max(cur.size, it.fontSize);
    }
  }
  if (cur) lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function blocksOf(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const body = median(lines.map((l) => l.size));
  const gaps = lines
    .slice(1)
    .map((l, i) => (l.page === lines[i]!.page ? lines[i]!.y - l.y : 0))
    .filter((g) => g > 0);
  const step = median(gaps) || body * 1.2;
  const width = Math.max(...lines.map((l) => l.right));
  const out: string[] = [];
  let para = '';
  let prev: Line | null = null;
  const flush = () => {
    if (para) out.push(para);
    para = '';
  };
  for (const l of lines) {
    const heading = l.size > body * 1.15 && l.text.length <= 200;
    if (prev) {
      const gap = prev.page === l.page ? prev.y - l.y : step;
      const breaks = heading || prev.size > body * 1.15 || gap > step * 1.4 || (/[.!?:"”’)]$/.test(prev.text) && prev.right < width * 0.85);
      if (breaks) flush();
    }
    if (heading) {
      out.push(`## ${l.text}`);
    } else {
      // A line ending in a hyphen joins the next without a space (the hyphen is kept: it is in the text); any other line end is a space.
      para = !para ? l.text : /\p{L}-$/u.test(para) ? `${para}${l.text}` : `${para} ${l.text}`;
    }
    prev = l;
  }
  flush();
  return out;
}
