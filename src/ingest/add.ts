import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { loadKnowledgeFile, SIDECAR_SUFFIX } from '../knowledge/load.js';
import { ADDED_FOLDER, additionsOf, isServerId, type Addition } from '../knowledge/scope.js';
import { quotationsOf } from '../knowledge/quotes.js';
import type { Article } from '../knowledge/types.js';
import { FetchRefused, MAX_BYTES, safeFetch, type FetchOptions } from './fetch.js';

/**
 * Adding one source: fetch (or take the file's bytes) → stage it with its provenance in a scratch
 * folder → load it exactly as the knowledge loader will → only if it loads, move it into the
 * knowledge folder (`added/`, or `added/<server id>/` for a server's own: knowledge/scope.ts). A
 * refusal leaves the knowledge folder untouched. The same URL (or file name) always maps to the
 * same file of its scope, so adding it again updates it; a page another server added already is
 * that file, now answered in both.
 */

/** What is being added: a URL, or a file's bytes (a local file or a Discord upload). */
export type AddInput =
  | { kind: 'url'; url: string }
  | { kind: 'file'; name: string; bytes: Uint8Array; contentType?: string | null }
  /** A file uploaded somewhere (a Discord attachment): fetched safely, typed by its name. */
  | { kind: 'upload'; name: string; url: string; size: number };

export interface AddOptions {
  knowledgeDir: string;
  /** A date given by the person adding (`--date`): cited instead of whatever the page says. */
  date?: string;
  /** A date to use only when the source itself has none (a feed item's date). */
  fallbackDate?: string;
  fetch?: Omit<FetchOptions, 'accept'>;
  now?: () => Date;
  /**
   * Who adds it from which server (a Discord moderator), recorded in its provenance. It belongs
   * to that server unless `global` (an operator's server, VERBATIM_OPERATOR_GUILDS).
   */
  by?: { user: string; server: string; global?: boolean };
}

interface AddedSource {
  title: string;
  date: string;
  updated: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  paragraphs: number;
  quotes: number;
  speakers: string[];
}

export type AddResult =
  | {
      ok: true;
      input: string;
      action: 'added' | 'updated';
      file: string;
      source: AddedSource;
      problems: string[];
      /** Set when the database could not take it yet: why, and that it waits in the outbox (src/store/outbox.ts). */
      queued?: string;
    }
  | { ok: false; input: string; reason: string };

const EXTENSION: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/markdown': '.md',
};
const BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
};

/** Adds (or updates) one source. Never throws for a bad source: it is a refusal with a reason. */
export async function addSource(input: AddInput, options: AddOptions): Promise<AddResult> {
  const label = input.kind === 'url' ? input.url : input.name;
  try {
    return await add(input, options, label);
  } catch (err) {
    if (err instanceof FetchRefused || err instanceof Refused) return { ok: false, input: label, reason: err.message };
    return { ok: false, input: label, reason: `could not add it: ${(err as Error).message}` };
  }
}

class Refused extends Error {}

async function add(input: AddInput, options: AddOptions, label: string): Promise<AddResult> {
  const now = (options.now ?? (() => new Date()))();
  const got =
    input.kind === 'url' ? await fetchPage(input.url, options) : input.kind === 'upload' ? await fetchUpload(input, options) : takeFile(input);
  const ext = EXTENSION[got.contentType];
  if (!ext) throw new Refused(`unsupported content type "${got.contentType}" (HTML, plain text, Markdown or PDF)`);
  const name = input.kind === 'url' ? urlStem(got.url ?? input.url) : fileStem(input.name);
  const { stem, added } = await placeOf(options, input.kind === 'url' ? name : await uploadName(options, name, got.bytes), input.kind === 'url', now);
  const provenance: Record<string, unknown> = {
    ...(got.url ? { url: got.url } : { file: label }),
    ...(got.finalUrl && got.finalUrl !== got.url ? { final_url: got.finalUrl } : {}),
    retrieved: now.toISOString(),
    content_type: got.contentType,
    ...(got.charset && ext === '.html' ? { charset: got.charset } : {}),
    ...(added.length ? { added } : {}),
  };
  const stage = await mkdtemp(join(tmpdir(), 'verbatim-add-'));
  try {
    let loaded = await stageAndLoad(stage, `${stem}${ext}`, got.bytes, { ...provenance, ...(options.date ? { date: options.date } : {}) });
    if (!loaded.article && options.fallbackDate && !options.date && /no (publication )?date/i.test(loaded.problems.join(' '))) {
      loaded = await stageAndLoad(stage, `${stem}${ext}`, got.bytes, { ...provenance, date: options.fallbackDate });
    }
    if (!loaded.article) throw new Refused(loaded.problems.join('; ') || 'nothing could be read from it');
    const action = await commit(options.knowledgeDir, stem, ext, got.bytes, loaded.sidecar);
    return { ok: true, input: label, action, file: `${stem}${ext}`, source: summarise(loaded.article), problems: loaded.problems };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

interface Got {
  bytes: Uint8Array;
  contentType: string;
  charset: string | null;
  url: string | null;
  finalUrl: string | null;
}

async function fetchPage(url: string, options: AddOptions): Promise<Got> {
  const res = await safeFetch(url, { ...options.fetch, accept: 'page' });
  let bytes: Uint8Array = res.bytes;
  // Text is stored as UTF-8 (the loader's encoding); pages keep their bytes and declared charset.
  if (res.contentType.startsWith('text/') && res.contentType !== 'text/html' && res.charset && !/^utf-?8$/i.test(res.charset)) {
    bytes = Buffer.from(new TextDecoder(res.charset).decode(bytes), 'utf8');
  }
  return { bytes, contentType: res.contentType, charset: res.charset, url: canonicalUrl(url), finalUrl: canonicalUrl(res.url) };
}

async function fetchUpload(input: Extract<AddInput, { kind: 'upload' }>, options: AddOptions): Promise<Got> {
  takeFile({ kind: 'file', name: input.name, bytes: new Uint8Array(1) }); // the type and name are checked before anything is downloaded
  if (input.size > (options.fetch?.maxBytes ?? MAX_BYTES))
    throw new Refused(`too large: ${input.size} bytes (the limit is ${options.fetch?.maxBytes ?? MAX_BYTES})`);
  const res = await safeFetch(input.url, { ...options.fetch, accept: 'file' });
  return takeFile({ kind: 'file', name: input.name, bytes: res.bytes });
}

function takeFile(input: Extract<AddInput, { kind: 'file' }>): Got {
  const ext = /\.[^./\\]+$/.exec(input.name)?.[0]?.toLowerCase() ?? '';
  const contentType = BY_EXTENSION[ext];
  if (!contentType) throw new Refused(`unsupported file type "${ext || '(none)'}": use .html, .txt, .md or .pdf`);
  if (input.bytes.length > MAX_BYTES) throw new Refused(`too large: ${input.bytes.length} bytes (the limit is ${MAX_BYTES})`);
  if (input.bytes.length === 0) throw new Refused('empty file');
  return { bytes: input.bytes, contentType, charset: null, url: null, finalUrl: null };
}

/**
 * Where a source goes and the additions its provenance records. A server's own source goes to
 * `added/<server id>/`; a page already added by another server is that file (stored once, now
 * answered in both); a page already global is left alone (a server cannot change the global
 * sources). The previous additions of the file are kept, this server's replaced by this one.
 */
async function placeOf(options: AddOptions, name: string, isUrl: boolean, now: Date): Promise<{ stem: string; added: Addition[] }> {
  const { by, knowledgeDir: dir } = options;
  if (by && !isServerId(by.server)) throw new Refused(`"${by.server}" is not a server id`);
  let folder = by && !by.global ? `${ADDED_FOLDER}/${by.server}` : ADDED_FOLDER;
  if (by && !by.global && isUrl) {
    if (await findStem(join(dir, ADDED_FOLDER), name))
      throw new Refused('it is already one of the global sources, answered in every server (nothing changed)');
    // No added/ folder yet: no other server has added anything, so there is nothing to share.
    const servers = await readdir(join(dir, ADDED_FOLDER)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    for (const other of servers) {
      if (isServerId(other) && other !== by.server && (await findStem(join(dir, ADDED_FOLDER, other), name))) {
        folder = `${ADDED_FOLDER}/${other}`;
        break;
      }
    }
  }
  const stem = `${folder}/${name}`;
  const before = await previousAdditions(join(dir, folder), name);
  const added = by ? [...before.filter((a) => a.server !== by.server), { server: by.server, user: by.user, at: now.toISOString() }] : before;
  return { stem, added };
}

/**
 * The name an uploaded file is kept under. Uploads are named by their file name, so two
 * moderators uploading different `statement.pdf`s would replace each other: a file of that name
 * that someone else added (or that was placed by hand) and whose bytes differ keeps its place, and
 * this one gets its content's hash after its name. The same bytes again, or a new version from
 * whoever added it, is that file (updated).
 */
async function uploadName(options: AddOptions, name: string, bytes: Uint8Array): Promise<string> {
  const { by } = options;
  // No one to tell apart (the console), or a bad server id (refused where the place is chosen).
  if (!by || !isServerId(by.server)) return name;
  const folder = join(options.knowledgeDir, by.global ? ADDED_FOLDER : `${ADDED_FOLDER}/${by.server}`);
  const existing = await findStem(folder, name);
  if (!existing) return name;
  const mine = (await previousAdditions(folder, name)).some((a) => a.server === by.server && a.user === by.user);
  // Unreadable: treated as different, so it is kept rather than replaced.
  const before = await readFile(join(folder, existing)).catch(() => null);
  if (mine || (before && Buffer.compare(before, bytes) === 0)) return name;
  return `${name}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
}

/** The source file `<name>.<ext>` in `folder`, whatever its type, or null. */
async function findStem(folder: string, name: string): Promise<string | null> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.find((n) => n.startsWith(`${name}.`) && !n.endsWith(SIDECAR_SUFFIX)) ?? null;
}

async function previousAdditions(folder: string, name: string): Promise<Addition[]> {
  const file = await findStem(folder, name);
  if (!file) return [];
  try {
    const sidecar: unknown = parseYaml(await readFile(join(folder, `${file}${SIDECAR_SUFFIX}`), 'utf8'), { schema: 'core' });
    return sidecar && typeof sidecar === 'object' ? additionsOf(sidecar as Record<string, unknown>) : [];
  } catch {
    // No sidecar, or a broken one (the loader reports it): this addition starts the record afresh.
    return [];
  }
}

/** True when `url` was added to `dir` before (by `add`, `/add` or a feed), whatever its type. */
export async function isAdded(dir: string, url: string): Promise<boolean> {
  let base: string;
  try {
    base = urlStem(url);
  } catch {
    return false;
  }
  // No added/ folder yet: nothing was added.
  const names = await readdir(join(dir, ADDED_FOLDER)).catch(() => [] as string[]);
  return names.some((n) => n.startsWith(`${base}.`) && !n.endsWith(SIDECAR_SUFFIX));
}

/** The URL without its #fragment (the same page). */
function canonicalUrl(raw: string): string {
  const u = new URL(raw);
  u.hash = '';
  return u.toString();
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** `example.org-harbour-reopens-1a2b3c4d`: readable, and the same for the same URL. */
function urlStem(url: string): string {
  const u = new URL(url);
  const last =
    u.pathname
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/\.[a-z0-9]+$/i, '') ?? '';
  const hash = createHash('sha256').update(canonicalUrl(url)).digest('hex').slice(0, 8);
  return [slug(u.hostname), slug(last), hash].filter(Boolean).join('-');
}

function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return slug(base.replace(/\.[^.]+$/, '')) || 'upload';
}

async function stageAndLoad(
  stage: string,
  rel: string,
  bytes: Uint8Array,
  sidecar: Record<string, unknown>,
): Promise<{ article: Article | null; problems: string[]; sidecar: string }> {
  const path = join(stage, rel);
  await mkdir(dirname(path), { recursive: true });
  const sidecarText = `# Provenance of ${rel.split('/').pop()}, written by "npm run add" / "/add".\n${stringify(sidecar, { lineWidth: 0 })}`;
  await writeFile(`${path}${SIDECAR_SUFFIX}`, sidecarText);
  await writeFile(path, bytes);
  const info = await stat(path);
  const load = await loadKnowledgeFile(stage, { path: rel, size: info.size, mtimeMs: info.mtimeMs });
  return { article: load.articles[0] ?? null, problems: load.problems.map((p) => p.reason), sidecar: sidecarText };
}

/** Moves the staged source into the folder: sidecar first, then the file (each written beside it and renamed, so a watcher never reads half a file). */
async function commit(dir: string, stem: string, ext: string, bytes: Uint8Array, sidecar: string): Promise<'added' | 'updated'> {
  const target = join(dir, `${stem}${ext}`);
  await mkdir(dirname(target), { recursive: true });
  const base = stem.split('/').pop()!;
  let existed = false;
  for (const name of await readdir(dirname(target))) {
    const other = /^(.*?)(\.[a-z]+)(\.source\.yaml)?$/i.exec(name);
    if (!other || other[1] !== base) continue;
    existed = true;
    // The same source saved before as another type (a page that became a PDF): replaced, not kept twice.
    if (other[2]!.toLowerCase() !== ext) await rm(join(dirname(target), name), { force: true });
  }
  const write = async (path: string, data: Uint8Array | string) => {
    const tmp = join(dirname(path), `.${path.split('/').pop()}.${process.pid}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, path);
  };
  await write(`${target}${SIDECAR_SUFFIX}`, sidecar);
  await write(target, bytes);
  return existed ? 'updated' : 'added';
}

function summarise(a: Article): AddedSource {
  const { quotes, speakers } = quotationsOf(a);
  return {
    title: a.title,
    date: a.date,
    updated: a.updated ?? null,
    publisher: a.publisher,
    author: a.author,
    url: a.url,
    paragraphs: a.paragraphs.length,
    quotes,
    speakers,
  };
}

/** What the person adding reads (console and Discord alike). */
export function describeAdd(r: AddResult): string {
  if (!r.ok) return `Refused ${r.input}: ${r.reason}`;
  const s = r.source;
  const lines = [
    r.queued ? `Queued ${r.file}: ${r.queued}; it will be added when it returns` : `${r.action === 'added' ? 'Added' : 'Updated'} ${r.file}`,
    `  title: ${s.title}`,
    `  date: ${s.date}${s.updated ? ` (updated ${s.updated})` : ''}`,
    `  publisher: ${s.publisher ?? '(none found)'}`,
    `  author: ${s.author ?? '(none found)'}`,
    ...(s.url ? [`  url: ${s.url}`] : []),
    `  ${count(s.paragraphs, 'paragraph')}, ${count(s.quotes, 'quotation')}${s.speakers.length ? `; speakers: ${s.speakers.slice(0, 8).join(', ')}${s.speakers.length > 8 ? ', …' : ''}` : '; no speakers found'}`,
    ...r.problems.map((p) => `  problem: ${p}`),
  ];
  return lines.join('\n');
}

/** "1 quotation", "2 quotations" (ingest is an edge stage: it does not import the answer stage's wording). */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
