import type { Problem } from '../knowledge/types.js';
import type { FileStat } from '../knowledge/load.js';
import type { Article, Paragraph, Segment, SegmentKind } from '../knowledge/types.js';
import type { AliasTable } from '../knowledge/aliases.js';
import type { IndexData } from './index-builder.js';
import type { SpeakerState } from './speakers.js';
import { cutPassages, type Passage } from './passages.js';

/**
 * The persisted knowledge base as one binary file, read with one `readFile` and decoded without
 * deserialising an object graph (V8's `deserialize` of the parsed articles took 0.8 s at 100k
 * passages and 8 s at 510k). Layout:
 *
 *   "VERBATIM-KB\n"  u32 header length  header JSON  padding to 8  sections, each 8-aligned
 *
 * The header holds the format, the cache key (code + change key), the section table and a
 * checksum of every section. Sections: small metadata as JSON (article fields but paragraphs,
 * problems, files, aliases, the index's terms, a string table of speakers and section names), the
 * paragraph texts as one byte run with offsets, the segments as columns (kind, speaker, offsets,
 * quote id, flags), the passages as columns and the index's typed arrays. Loading makes no
 * paragraph, segment or text object: an article's paragraphs are made from the columns when first
 * read, each text decoded from the kept UTF-8 bytes into the same string the parser made, so every
 * excerpt stays a slice of the source text. Anything that
 * does not check out (length, header, checksum, key, counts) is a reason to rebuild, never trusted.
 */

const MAGIC = Buffer.from('VERBATIM-KB\n', 'latin1');
const ALIGN = 8;
const KINDS: readonly SegmentKind[] = ['quote', 'reported', 'narration', 'attribution'];
/** Segment flags: a quote id is given; `embedded` is given; its value. */
const HAS_QUOTE = 1;
const HAS_EMBEDDED = 2;
const EMBEDDED = 4;
/** Paragraph flags: `caption` is given; its value; the text is stored as UTF-16 (it has a lone surrogate, which UTF-8 cannot carry). */
const HAS_CAPTION = 1;
const CAPTION = 2;
const UTF16 = 4;
/** A passage's fields, one Uint32 column each. */
const PASSAGE_FIELDS = ['article', 'paragraph', 'segFrom', 'segTo', 'start', 'end'] as const;
const SEGMENT_KEYS = new Set(['kind', 'speaker', 'start', 'end', 'quoteId', 'embedded']);
const PARAGRAPH_KEYS = new Set(['text', 'section', 'segments', 'caption']);

export interface KbContent {
  articles: Article[];
  problems: Problem[];
  index: IndexData;
  files: FileStat[];
  aliases: AliasTable;
  /** The speaker directory built beside the index (absent: it is rebuilt from the articles). */
  speakers?: SpeakerState;
  /** The passages cut from the articles (absent when encoding: cut here); always given when decoded. */
  passages?: Passage[];
}

interface Meta {
  articles: Array<Omit<Article, 'paragraphs'>>;
  problems: Problem[];
  files: FileStat[];
  aliases: AliasTable;
  terms: string[];
  strings: string[];
  speakers: Omit<SpeakerState, 'bounds' | 'passages'> | null;
}

interface Header {
  format: string;
  key: string;
  size: number;
  /** `block`, `blocks`: the text section's block size (TEXT_BLOCK) and a checksum per block. */
  sections: Record<string, { offset: number; length: number; checksum: number; block?: number; blocks?: number[] }>;
}

/**
 * The text section carries one checksum per block of this many bytes (a multiple of 8): small, so
 * an article's text is read from the file with the blocks around it and checked on every read.
 */
const TEXT_BLOCK = 64 * 1024;
/** The whole text is checked at load through one buffer of about this size, read again and again. */
const VERIFY_CHUNK = 16 * 1024 * 1024;

/** Where the file's bytes come from: the file itself (section by section) or a buffer (tests). */
export interface KbReader {
  size: number;
  /** `length` bytes from `offset`, in a buffer of their own (aligned for typed arrays); fewer at the end of the file. */
  read(offset: number, length: number): Promise<Buffer>;
  /**
   * The same, synchronously, into `into` when given (a view of it; fewer bytes at the end of the
   * file): paragraph texts stay in the file and are read when an answer first reads an article.
   */
  readSync(offset: number, length: number, into?: Buffer): Buffer;
}

export function bufferReader(file: Buffer): KbReader {
  return {
    size: file.length,
    read: async (offset, length) => Buffer.from(file.subarray(offset, offset + length)),
    readSync: (offset, length, into) => {
      const bytes = file.subarray(offset, offset + length);
      if (!into) return Buffer.from(bytes);
      bytes.copy(into);
      return into.subarray(0, bytes.length);
    },
  };
}

/** String.prototype.isWellFormed: in Node 20 (V8 11.3), typed from lib ES2024, which this project does not target. */
type WellFormed = string & { isWellFormed(): boolean };

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

/**
 * The paragraph texts as the file's text section, made apart from the rest of the file so that
 * the first start can hand them to the index worker (search/index-worker.ts) before the rest.
 */
export interface KbTexts {
  /** Every paragraph's text, one after the other: UTF-8, or UTF-16 where `utf16` says so. */
  text: Buffer;
  /** Paragraph p's bytes are `text[paraText[p], paraText[p + 1])` (paragraphs numbered through all articles). */
  paraText: Uint32Array;
  /** Per paragraph: 1 when its text is stored as UTF-16 (it has a lone surrogate). */
  utf16: Uint8Array;
  /** Article a's paragraphs are `[articleParas[a], articleParas[a + 1])`. */
  articleParas: Uint32Array;
}

/** The text section of `articles`; `shared`: in a SharedArrayBuffer, for a worker thread to read in place. */
export function encodeTexts(articles: readonly Article[], shared = false): KbTexts {
  let paragraphs = 0;
  for (const a of articles) paragraphs += a.paragraphs.length;
  const paraText = new Float64Array(paragraphs + 1);
  const utf16 = new Uint8Array(paragraphs);
  const articleParas = new Uint32Array(articles.length + 1);
  let p = 0;
  let bytes = 0;
  articles.forEach((article, a) => {
    for (const para of article.paragraphs) {
      const wide = !(para.text as WellFormed).isWellFormed();
      utf16[p] = wide ? 1 : 0;
      bytes += wide ? para.text.length * 2 : Buffer.byteLength(para.text);
      paraText[++p] = bytes;
    }
    articleParas[a + 1] = p;
  });
  if (bytes > 2 ** 32 - 1) throw new Error('more than 4 GB of text');
  const text = shared ? Buffer.from(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafe(bytes);
  let at = 0;
  p = 0;
  for (const article of articles) for (const para of article.paragraphs) at += text.write(para.text, at, utf16[p++] ? 'utf16le' : 'utf8');
  return { text, paraText: Uint32Array.from(paraText), utf16, articleParas };
}

/**
 * The file's bytes, in parts (written with one writev, never joined into one buffer); `texts`:
 * the articles' text section when already made (encodeTexts).
 */
export function encodeKb(
  content: KbContent,
  format: string,
  key: string,
  textBlock = TEXT_BLOCK,
  texts: KbTexts = encodeTexts(content.articles),
): Buffer[] {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const stringId = (s: string | null): number => {
    if (s === null) return 0;
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  let paragraphs = 0;
  let segments = 0;
  for (const a of content.articles) {
    paragraphs += a.paragraphs.length;
    for (const p of a.paragraphs) segments += p.segments.length;
  }
  const { text, paraText, utf16: wide, articleParas } = texts;
  if (wide.length !== paragraphs || articleParas.length !== content.articles.length + 1) throw new Error('the text section is not of these articles');
  const paraSegs = new Uint32Array(paragraphs + 1);
  const paraSection = new Uint32Array(paragraphs);
  const paraFlags = new Uint8Array(paragraphs);
  const segKind = new Uint8Array(segments);
  const segFlags = new Uint8Array(segments);
  const segSpeaker = new Uint32Array(segments);
  const segStart = new Uint32Array(segments);
  const segEnd = new Uint32Array(segments);
  const segQuote = new Int32Array(segments);
  const { bounds: speakerBounds = new Uint32Array(0), passages: speakerPassages = new Uint32Array(0), ...speakers } = content.speakers ?? {};
  const meta: Meta = {
    articles: [],
    problems: content.problems,
    files: content.files,
    aliases: content.aliases,
    terms: content.index.terms,
    strings,
    speakers: content.speakers ? (speakers as Meta['speakers']) : null,
  };
  let p = 0;
  let s = 0;
  for (const article of content.articles) {
    const { paragraphs: paras, ...rest } = article;
    meta.articles.push(rest);
    for (const para of paras) {
      for (const k of Object.keys(para)) if (!PARAGRAPH_KEYS.has(k)) throw new Error(`paragraph field "${k}" has no place in the file`);
      paraSection[p] = stringId(para.section);
      paraFlags[p] = (para.caption !== undefined ? HAS_CAPTION : 0) | (para.caption ? CAPTION : 0) | (wide[p] ? UTF16 : 0);
      for (const seg of para.segments) {
        for (const k of Object.keys(seg)) if (!SEGMENT_KEYS.has(k)) throw new Error(`segment field "${k}" has no place in the file`);
        const kind = KINDS.indexOf(seg.kind);
        if (kind < 0) throw new Error(`segment kind "${seg.kind}" has no place in the file`);
        if (seg.quoteId !== undefined && (seg.quoteId | 0) !== seg.quoteId) throw new Error(`quote id ${seg.quoteId} is not a 32-bit integer`);
        segKind[s] = kind;
        segSpeaker[s] = stringId(seg.speaker);
        segStart[s] = seg.start;
        segEnd[s] = seg.end;
        segQuote[s] = seg.quoteId ?? 0;
        segFlags[s] = (seg.quoteId !== undefined ? HAS_QUOTE : 0) | (seg.embedded !== undefined ? HAS_EMBEDDED : 0) | (seg.embedded ? EMBEDDED : 0);
        s++;
      }
      p++;
      paraSegs[p] = s;
    }
  }
  const passages = content.passages ?? cutPassages(content.articles);
  const passageCols = PASSAGE_FIELDS.map(() => new Uint32Array(passages.length));
  passages.forEach((passage, i) => {
    PASSAGE_FIELDS.forEach((f, c) => {
      passageCols[c]![i] = passage[f];
    });
  });
  const columns: Record<string, Column | Buffer> = {
    meta: Buffer.from(JSON.stringify(meta)),
    text,
    paraText,
    articleParas,
    paraSegs,
    paraSection,
    paraFlags,
    segKind,
    segFlags,
    segSpeaker,
    segStart,
    segEnd,
    segQuote,
    offsets: content.index.offsets,
    docs: content.index.docs,
    tfs: content.index.tfs,
    docLength: content.index.docLength,
    speakerBounds,
    speakerPassages,
    ...Object.fromEntries(PASSAGE_FIELDS.map((f, c) => [`passage.${f}`, passageCols[c]!])),
  };
  // The section table's offsets depend on the header's length: lay out with room for them, then fix.
  const header: Header = { format, key, size: 0, sections: {} };
  const sums = Object.entries(columns).map(([name, col]) => ({ name, view: asBytes(col), sum: checksum(asBytes(col)) }));
  const blocks: number[] = [];
  for (let at = 0; at < text.length; at += textBlock) blocks.push(checksum(text.subarray(at, at + textBlock)));
  const layout = (start: number) => {
    let offset = start;
    for (const { name, view, sum } of sums) {
      header.sections[name] = { offset, length: view.length, checksum: sum, ...(name === 'text' ? { block: textBlock, blocks } : {}) };
      offset = pad(offset + view.length);
    }
    header.size = offset;
  };
  let headerBytes = Buffer.alloc(0);
  for (let start = 0; ; ) {
    layout(start);
    headerBytes = Buffer.from(JSON.stringify(header));
    const needed = pad(MAGIC.length + 4 + headerBytes.length);
    if (needed === start) break;
    start = needed;
  }
  const parts: Buffer[] = [MAGIC, u32(headerBytes.length), headerBytes];
  let offset = MAGIC.length + 4 + headerBytes.length;
  for (const col of Object.values(columns)) {
    const view = asBytes(col);
    parts.push(Buffer.alloc(pad(offset) - offset), view);
    offset = pad(offset) + view.length;
  }
  parts.push(Buffer.alloc(header.size - offset));
  return parts;
}

/** The knowledge base held in the file `reader` reads, or why it cannot be trusted (then it is rebuilt). */
export async function decodeKb(reader: KbReader, format: string, key: string): Promise<KbContent | { rejected: string }> {
  const start = await reader.read(0, MAGIC.length + 4);
  if (start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC))
    return { rejected: 'not a knowledge base file (bad header)' };
  const length = start.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + length > reader.size) return { rejected: 'truncated (header runs past the end)' };
  let header: Header;
  try {
    header = JSON.parse((await reader.read(MAGIC.length + 4, length)).toString('utf8')) as Header;
  } catch {
    return { rejected: 'bad header (not JSON)' };
  }
  if (header.format !== format) return { rejected: `older format (${String(header.format)})` };
  if (header.key !== key) return { rejected: 'stale (built for other files or code)' };
  if (header.size !== reader.size) return { rejected: `truncated or padded (${reader.size} bytes, the header says ${header.size})` };
  const where = (name: string) => {
    const s = header.sections?.[name];
    if (!s || s.offset % ALIGN !== 0 || s.offset + s.length > reader.size) throw new Rejected(`bad section table (${name})`);
    return s;
  };
  const section = async (name: string): Promise<Buffer> => {
    const s = where(name);
    const bytes = await reader.read(s.offset, s.length);
    if (bytes.length !== s.length || checksum(bytes) !== s.checksum) throw new Rejected(`bad checksum (${name})`);
    return bytes;
  };
  // Each section in a buffer of its own: the typed arrays are views over it, in place, and nothing else holds it.
  const column = async <T extends Column>(
    name: string,
    Kind: { new (b: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  ): Promise<T> => {
    const bytes = await section(name);
    if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0 || bytes.byteOffset % Kind.BYTES_PER_ELEMENT !== 0)
      throw new Rejected(`bad section length (${name})`);
    return new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length / Kind.BYTES_PER_ELEMENT);
  };
  try {
    const meta = JSON.parse((await section('meta')).toString('utf8')) as Meta;
    const paraText = await column('paraText', Uint32Array);
    const articleParas = await column('articleParas', Uint32Array);
    const paraSegs = await column('paraSegs', Uint32Array);
    const paraSection = await column('paraSection', Uint32Array);
    const paraFlags = await column('paraFlags', Uint8Array);
    const segKind = await column('segKind', Uint8Array);
    const segFlags = await column('segFlags', Uint8Array);
    const segSpeaker = await column('segSpeaker', Uint32Array);
    const segStart = await column('segStart', Uint32Array);
    const segEnd = await column('segEnd', Uint32Array);
    const segQuote = await column('segQuote', Int32Array);
    const text = where('text');
    const paragraphs = paraFlags.length;
    const segments = segKind.length;
    if (
      articleParas.length !== meta.articles.length + 1 ||
      articleParas[meta.articles.length] !== paragraphs ||
      paraText.length !== paragraphs + 1 ||
      paraText[paragraphs] !== text.length ||
      !(Number.isInteger(text.block) && text.block! > 0 && text.block! % ALIGN === 0) ||
      text.blocks?.length !== Math.ceil(text.length / text.block!) ||
      paraSegs.length !== paragraphs + 1 ||
      paraSegs[paragraphs] !== segments ||
      paraSection.length !== paragraphs ||
      [segFlags, segSpeaker, segStart, segEnd, segQuote].some((c) => c.length !== segments)
    )
      return { rejected: 'inconsistent counts' };
    verifyText(reader, text, paraText);
    const textBlocks = text.blocks!;
    const block = text.block!;
    /** Bytes `[from, to)` of the text section, read with the blocks they sit in, every block checked again. */
    const textBytes = (from: number, to: number): { bytes: Buffer; base: number } => {
      const first = Math.floor(from / block);
      const base = first * block;
      const end = Math.min(text.length, Math.ceil(to / block) * block);
      const bytes = reader.readSync(text.offset + base, end - base);
      if (bytes.length !== end - base) throw new Error('the knowledge base file was cut short while in use');
      for (let b = first; b * block < end; b++)
        if (checksum(bytes.subarray(b * block - base, Math.min(end, (b + 1) * block) - base)) !== textBlocks[b])
          throw new Error('the knowledge base file changed while in use (bad checksum)');
      return { bytes, base };
    };
    const { strings } = meta;
    const str = (id: number): string | null => (id === 0 ? null : (strings[id - 1] ?? null));
    /**
     * An article's paragraphs, made from the columns the first time they are read (then kept as a
     * plain property): a restart makes no paragraph, segment or text object, and an answer decodes
     * only the articles it reads. Each text is decoded from the file's UTF-8 bytes into the same
     * string the parser made, so every excerpt stays a slice of the source text.
     */
    const paragraphsOf = (a: number): Paragraph[] => {
      const paras: Paragraph[] = [];
      const { bytes, base } = textBytes(paraText[articleParas[a]!]!, paraText[articleParas[a + 1]!]!);
      for (let p = articleParas[a]!; p < articleParas[a + 1]!; p++) {
        const segs: Segment[] = [];
        for (let s = paraSegs[p]!; s < paraSegs[p + 1]!; s++) {
          const seg: Segment = { kind: KINDS[segKind[s]!]!, speaker: str(segSpeaker[s]!), start: segStart[s]!, end: segEnd[s]! };
          const f = segFlags[s]!;
          if (f & HAS_QUOTE) seg.quoteId = segQuote[s]!;
          if (f & HAS_EMBEDDED) seg.embedded = (f & EMBEDDED) !== 0;
          segs.push(seg);
        }
        const f = paraFlags[p]!;
        const para: Paragraph = {
          text: bytes.toString(f & UTF16 ? 'utf16le' : 'utf8', paraText[p]! - base, paraText[p + 1]! - base),
          section: str(paraSection[p]!),
          segments: segs,
        };
        if (f & HAS_CAPTION) para.caption = (f & CAPTION) !== 0;
        paras.push(para);
      }
      return paras;
    };
    const articles: Article[] = meta.articles.map((rest, a) => lazyParagraphs(rest, () => paragraphsOf(a)));
    const passageCols = [];
    for (const f of PASSAGE_FIELDS) passageCols.push(await column(`passage.${f}`, Uint32Array));
    const [pArticle, pParagraph, pSegFrom, pSegTo, pStart, pEnd] = passageCols as [
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
      Uint32Array,
    ];
    if (passageCols.some((c) => c.length !== pArticle.length)) return { rejected: 'inconsistent passages' };
    const passages: Passage[] = new Array(pArticle.length);
    for (let i = 0; i < pArticle.length; i++) {
      const article = pArticle[i]!;
      const paragraph = pParagraph[i]!;
      const segFrom = pSegFrom[i]!;
      const segTo = pSegTo[i]!;
      const p = articleParas[article]! + paragraph;
      if (
        article >= meta.articles.length ||
        p >= articleParas[article + 1]! ||
        segFrom > segTo ||
        segTo > paraSegs[p + 1]! - paraSegs[p]! ||
        pStart[i]! > pEnd[i]!
      )
        return { rejected: 'inconsistent passages' };
      passages[i] = { article, paragraph, segFrom, segTo, start: pStart[i]!, end: pEnd[i]! };
    }
    const index: IndexData = {
      terms: meta.terms,
      offsets: await column('offsets', Uint32Array),
      docs: await column('docs', Uint32Array),
      tfs: await column('tfs', Uint16Array),
      docLength: await column('docLength', Float32Array),
    };
    if (
      index.offsets.length !== index.terms.length + 1 ||
      index.offsets[index.terms.length] !== index.docs.length ||
      index.tfs.length !== index.docs.length
    )
      return { rejected: 'inconsistent index' };
    const bounds = await column('speakerBounds', Uint32Array);
    const speakerPassages = await column('speakerPassages', Uint32Array);
    if (meta.speakers && (bounds.length !== meta.speakers.speakers.length * 2 + 1 || bounds[bounds.length - 1] !== speakerPassages.length))
      return { rejected: 'inconsistent speaker directory' };
    const speakers: SpeakerState | undefined = meta.speakers ? { ...meta.speakers, bounds, passages: speakerPassages } : undefined;
    return { articles, problems: meta.problems, files: meta.files, aliases: meta.aliases, index, ...(speakers ? { speakers } : {}), passages };
  } catch (err) {
    if (err instanceof Rejected) return { rejected: err.message };
    return { rejected: `unreadable (${(err as Error).message})` };
  }
}

/**
 * Every block of the text section checked against its checksum (read through one reused buffer,
 * never held), and the paragraphs' offsets checked to run forward inside it.
 */
function verifyText(reader: KbReader, text: { offset: number; length: number; block?: number; blocks?: number[] }, paraText: Uint32Array): void {
  const size = text.block!;
  const chunk = Math.max(1, Math.floor(VERIFY_CHUNK / size)) * size;
  const into = Buffer.allocUnsafeSlow(Math.min(chunk, text.length));
  for (let at = 0; at < text.length; at += chunk) {
    const length = Math.min(chunk, text.length - at);
    const bytes = reader.readSync(text.offset + at, length, into);
    if (bytes.length !== length) throw new Rejected('bad checksum (text)');
    for (let b = 0; b * size < length; b++)
      if (checksum(bytes.subarray(b * size, Math.min(length, (b + 1) * size))) !== text.blocks![(at + b * size) / size])
        throw new Rejected('bad checksum (text)');
  }
  if (paraText[0] !== 0) throw new Rejected('inconsistent text offsets');
  for (let p = 1; p < paraText.length; p++) if (paraText[p - 1]! > paraText[p]!) throw new Rejected('inconsistent text offsets');
}

/**
 * The article with `paragraphs` as a property that makes them on first read and then holds them
 * like any other (assignable, enumerable, so spreading, comparing and saving see them as before).
 */
function lazyParagraphs(rest: Omit<Article, 'paragraphs'>, make: () => Paragraph[]): Article {
  const article = { ...rest } as Article;
  const hold = (value: Paragraph[]) => {
    Object.defineProperty(article, 'paragraphs', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(article, 'paragraphs', {
    get: () => hold(make()),
    set: hold,
    enumerable: true,
    configurable: true,
  });
  return article;
}

class Rejected extends Error {}

const pad = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function asBytes(col: Column | Buffer): Buffer {
  return Buffer.isBuffer(col) ? col : Buffer.from(col.buffer, col.byteOffset, col.byteLength);
}

/**
 * FNV-1a over 32-bit words (the tail bytes one by one): catches a flipped or torn byte at about
 * 1 GB/s in plain JavaScript, where a cryptographic hash of 300 MB would cost most of the restart.
 * Not a defence against a forged file: the cache directory is the bot's own.
 */
export function checksum(bytes: Uint8Array): number {
  // The same value wherever the bytes sit: unaligned ones (a small pooled Buffer) are copied first.
  if (bytes.byteOffset % 4 !== 0) bytes = Uint8Array.from(bytes);
  let h = 0x811c9dc5 | 0;
  const words = Math.floor(bytes.length / 4);
  const w = new Int32Array(bytes.buffer, bytes.byteOffset, words);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ w[i]!, 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
