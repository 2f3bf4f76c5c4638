import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';

/**
 * Fetching URLs that users type, safely: http(s) only; every address a host resolves to is checked
 * when the connection is made (so a DNS answer cannot change between check and use), IP literals
 * before it; every redirect hop is checked again (at most 5); connect and total timeouts; a size
 * cap enforced while the body is read; a content-type check; a descriptive User-Agent.
 */

const USER_AGENT = 'verbatim/0.1 (Discord bot quoting the articles and statements its server adds; fetches only URLs people give it)';
export const MAX_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

type Accept = 'page' | 'feed' | 'file';
/** What each use accepts: pages (HTML, XHTML, plain text, Markdown, PDF), feeds (RSS, Atom, XML), or an upload (its type comes from its file name). */
const TYPES: Record<Accept, string[]> = {
  page: ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'application/pdf'],
  feed: [
    'application/rss+xml',
    'application/atom+xml',
    'application/xml',
    'text/xml',
    'application/rdf+xml',
    'application/feed+json',
    'application/json',
  ],
  file: [],
};

export interface FetchOptions {
  accept: Accept;
  /** Allow loopback/private/link-local addresses: tests and local use only (VERBATIM_ALLOW_PRIVATE_URLS=1). Unsafe on a public bot. */
  allowPrivate?: boolean;
  /** Exact `host:port` origins exempt from the address check (tests: the fixture server only, so a redirect elsewhere is still checked). */
  allowHosts?: string[];
  maxBytes?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Extra request headers (conditional requests: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  /**
   * Sees each decoded chunk of a 2xx body as it arrives (feeds count their items here). What it
   * throws stops the read at once, the rest never downloaded, and is what safeFetch rejects with.
   */
  onChunk?: (chunk: Buffer) => void;
}

export interface Fetched {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** `type/subtype`, lower case. */
  contentType: string;
  charset: string | null;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
}

/** A refusal whose message is safe and clear to show to whoever gave the URL. */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
}

/** Why an address may not be fetched, or null when it is a public unicast address. */
export function forbiddenAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses any non-public answer; what the connection actually uses. */
export function checkedLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.map((a) => forbiddenAddress(a.address)).find(Boolean);
    if (bad || addresses.length === 0) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to a non-public address (${bad ?? 'none'})`);
      e.code = 'EVERBATIMPRIVATE';
      return callback(e, []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** Said with every refusal of a non-public address: a developer testing against a local server needs to know the switch. */
const PRIVATE_HINT = 'only public addresses are fetched; VERBATIM_ALLOW_PRIVATE_URLS=1 allows them in development';

function checkUrl(raw: string, allowPrivate: boolean, allowHosts: string[] = []): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused(`not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused(`only http and https URLs can be added (not ${url.protocol})`);
  if (url.username || url.password) throw new FetchRefused('URLs with a user name or password are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowHosts.includes(url.host)) return url;
  if (!allowPrivate && ipaddr.isValid(host)) {
    const bad = forbiddenAddress(host);
    if (bad) throw new FetchRefused(`refused ${url.host}: ${bad} (${PRIVATE_HINT})`);
  }
  if (!allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host))
    throw new FetchRefused(`refused ${url.host}: a local host name (${PRIVATE_HINT})`);
  return url;
}

/** GETs `raw` following at most 5 redirects, each checked. Throws FetchRefused with a clear reason. */
export async function safeFetch(raw: string, options: FetchOptions): Promise<Fetched> {
  const allowPrivate = options.allowPrivate ?? false;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const totalMs = options.totalTimeoutMs ?? 30_000;
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000, ...(allowPrivate ? {} : { lookup: checkedLookup as never }) },
    headersTimeout: totalMs,
    bodyTimeout: totalMs,
  });
  const signal = AbortSignal.timeout(totalMs);
  try {
    let url = checkUrl(raw, allowPrivate, options.allowHosts);
    for (let hop = 0; ; hop++) {
      const res = await request(url, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': USER_AGENT, accept: `${TYPES[options.accept].join(', ')}, */*;q=0.1`, ...options.headers },
      }).catch((err: unknown) => {
        throw refusalOf(err, url, signal, totalMs);
      });
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
      };
      if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
        await res.body.dump().catch(() => undefined); // a body thrown away unread: its errors change nothing
        const location = header('location');
        if (!location) throw new FetchRefused(`${url.host} answered ${res.statusCode} without a Location`);
        if (hop >= MAX_REDIRECTS) throw new FetchRefused(`too many redirects (more than ${MAX_REDIRECTS})`);
        url = checkUrl(new URL(location, url).toString(), allowPrivate, options.allowHosts);
        continue;
      }
      const base = { url: url.toString(), status: res.statusCode, etag: header('etag'), lastModified: header('last-modified') };
      if (res.statusCode === 304) {
        await res.body.dump().catch(() => undefined); // a body thrown away unread: its errors change nothing
        return { ...base, contentType: '', charset: null, bytes: Buffer.alloc(0) };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump().catch(() => undefined); // a body thrown away unread: its errors change nothing
        throw new FetchRefused(`${url.host} answered ${res.statusCode}`);
      }
      const [type = '', ...params] = (header('content-type') ?? '').split(';').map((s) => s.trim());
      const contentType = type.toLowerCase();
      const charset = params.map((p) => /^charset=["']?([\w-]+)/i.exec(p)?.[1]).find(Boolean) ?? null;
      const declared = Number(header('content-length'));
      if (declared > maxBytes) {
        discard(res.body);
        throw new FetchRefused(`too large: ${declared} bytes (the limit is ${maxBytes})`);
      }
      const sniffPdf = contentType === 'application/octet-stream' && /\.pdf$/i.test(url.pathname);
      if (options.accept !== 'file' && !TYPES[options.accept].includes(contentType) && !sniffPdf) {
        discard(res.body);
        throw new FetchRefused(`unsupported content type "${contentType || '(none)'}" (expected ${TYPES[options.accept].join(', ')})`);
      }
      const body = decoded(res.body, header('content-encoding'));
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        // The cap counts the decoded bytes: 20 KB of gzip can hold gigabytes.
        for await (const chunk of body) {
          size += (chunk as Buffer).length;
          if (size > maxBytes) {
            discard(res.body);
            if (body !== res.body) body.destroy();
            throw new FetchRefused(`too large: more than ${maxBytes} bytes`);
          }
          try {
            options.onChunk?.(chunk as Buffer);
          } catch (err) {
            discard(res.body);
            if (body !== res.body) body.destroy();
            throw err;
          }
          chunks.push(chunk as Buffer);
        }
      } catch (err) {
        throw refusalOf(err, url, signal, totalMs);
      }
      const bytes = Buffer.concat(chunks);
      if (sniffPdf && bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new FetchRefused('unsupported content type "application/octet-stream"');
      return { ...base, contentType: sniffPdf ? 'application/pdf' : contentType, charset, bytes };
    }
  } finally {
    void agent.close().catch(() => undefined); // the response is read: a failed close loses nothing
  }
}

/**
 * The body as the server meant it: gzip, deflate and br are decoded (undici's request() does not),
 * anything else is refused rather than stored as garbage.
 */
function decoded(body: Readable, encoding: string | null): Readable {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  const decoder =
    enc === 'gzip' || enc === 'x-gzip' ? createGunzip() : enc === 'deflate' ? createInflate() : enc === 'br' ? createBrotliDecompress() : null;
  if (!decoder) {
    discard(body as never);
    throw new FetchRefused(`unsupported content encoding "${enc}" (gzip, deflate or br)`);
  }
  // An error on either side ends the iteration over the decoder with that error.
  pipeline(body, decoder, () => undefined);
  return decoder;
}

function refusalOf(err: unknown, url: URL, signal: AbortSignal, totalMs: number): Error {
  if (err instanceof FetchRefused) return err;
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) return new FetchRefused(`${url.host} sent a corrupt compressed body (${e.message})`);
  if (code === 'EVERBATIMPRIVATE') return new FetchRefused(`refused ${url.host}: ${(e.cause ?? e).message} (${PRIVATE_HINT})`);
  if (signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return new FetchRefused(`${url.host} did not answer within ${Math.round(totalMs / 1000)} s`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchRefused(`could not connect to ${url.host} in time`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchRefused(`${url.hostname} was not found (DNS)`);
  if (code === 'ECONNREFUSED') return new FetchRefused(`${url.host} refused the connection`);
  return new FetchRefused(`could not fetch ${url.host}: ${code ?? e.message}`);
}

/** Stops reading a body: destroying it emits an AbortError nobody needs to hear. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}
