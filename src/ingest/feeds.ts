import { parseFeed } from 'feedsmith';
import type { Logger } from '../log.js';
import type { AddInput, AddResult } from './add.js';
import { safeFetch, type FetchOptions } from './fetch.js';

/**
 * Feeds (RSS, Atom, RDF, JSON Feed; parsed by feedsmith): each is polled with conditional requests
 * (ETag / If-Modified-Since), and every item not yet in the knowledge folder is added through the
 * same path as `npm run add`, its feed date used only when the page itself has none. A broken
 * feed or item is a logged problem; it never stops the other feeds or items.
 */

export interface FeedItem {
  url: string;
  title: string | null;
  /** `YYYY-MM-DD` from the item's own date, when it has one. */
  date: string | null;
}

export interface FeedPollReport {
  feed: string;
  notModified: boolean;
  added: AddResult[];
  refused: AddResult[];
  problem: string | null;
}

export interface FeedPollerOptions {
  feeds: readonly string[];
  intervalMs: number;
  /** Adds one item (`addSource` with the knowledge folder). */
  add: (input: AddInput, fallbackDate: string | undefined) => Promise<AddResult>;
  /** True when the item's URL is already a source (added before, maybe by an earlier run). */
  isKnown: (url: string) => Promise<boolean>;
  log: Logger;
  fetch?: Omit<FetchOptions, 'accept' | 'headers'>;
  /** After a poll that added something (e.g. reload the knowledge base now). */
  onAdded?: () => unknown;
}

/** The items of a parsed feed, newest format differences smoothed over. */
function feedItems(xml: string, base: string): FeedItem[] {
  const { feed } = parseFeed(xml) as { feed: Record<string, unknown> };
  const list = (feed.items ?? feed.entries ?? []) as Array<Record<string, unknown>>;
  const out: FeedItem[] = [];
  for (const item of list) {
    const links = (item.links as Array<{ href?: string; rel?: string }> | undefined) ?? [];
    const link =
      (item.link as string | undefined) ??
      (item.url as string | undefined) ??
      links.find((l) => !l.rel || l.rel === 'alternate')?.href ??
      (typeof item.guid === 'object' ? (item.guid as { value?: string }).value : (item.guid as string | undefined));
    if (!link) continue;
    let url: string;
    try {
      url = new URL(link.trim(), base).toString();
    } catch {
      continue;
    }
    const when = (item.pubDate ?? item.published ?? item.date_published ?? item.updated ?? (item.dc as { date?: string } | undefined)?.date) as
      | string
      | undefined;
    const parsed = when ? new Date(when) : null;
    const title = item.title;
    out.push({
      url,
      title:
        typeof title === 'string' ? title : typeof title === 'object' && title ? String((title as { value?: unknown }).value ?? '') || null : null,
      date: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : null,
    });
  }
  return out;
}

export function createFeedPoller(options: FeedPollerOptions) {
  const validators = new Map<string, { etag: string | null; lastModified: string | null }>();

  async function pollFeed(feed: string): Promise<FeedPollReport> {
    const report: FeedPollReport = { feed, notModified: false, added: [], refused: [], problem: null };
    const seen = validators.get(feed);
    const headers: Record<string, string> = {};
    if (seen?.etag) headers['if-none-match'] = seen.etag;
    if (seen?.lastModified) headers['if-modified-since'] = seen.lastModified;
    const res = await safeFetch(feed, { ...options.fetch, accept: 'feed', headers });
    if (res.status === 304) {
      report.notModified = true;
      return report;
    }
    const items = feedItems(res.bytes.toString('utf8'), res.url);
    // Validators are kept only once the feed parsed, so a broken feed is fetched whole next time.
    validators.set(feed, { etag: res.etag, lastModified: res.lastModified });
    for (const item of items) {
      try {
        if (await options.isKnown(item.url)) continue;
        const result = await options.add({ kind: 'url', url: item.url }, item.date ?? undefined);
        (result.ok ? report.added : report.refused).push(result);
        if (result.ok)
          options.log.info({ feed, item: item.url, file: result.file, title: result.source.title, date: result.source.date }, 'feed item added');
        else options.log.warn({ feed, item: item.url, reason: result.reason }, 'feed item refused');
      } catch (err) {
        options.log.warn({ feed, item: item.url, err }, 'feed item failed');
      }
    }
    return report;
  }

  /** Polls every feed once, one after the other; never rejects. */
  async function pollOnce(): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    for (const feed of options.feeds) {
      try {
        const r = await pollFeed(feed);
        reports.push(r);
        options.log[r.notModified ? 'debug' : 'info'](
          { feed, notModified: r.notModified, added: r.added.length, refused: r.refused.length },
          'feed polled',
        );
      } catch (err) {
        const problem = (err as Error).message;
        reports.push({ feed, notModified: false, added: [], refused: [], problem });
        options.log.warn({ feed, reason: problem }, 'feed problem');
      }
    }
    if (reports.some((r) => r.added.length) && options.onAdded) await Promise.resolve(options.onAdded()).catch(() => undefined);
    return reports;
  }

  /** Polls now and then every interval (a poll never overlaps the previous one); returns stop. */
  function start(): () => void {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const loop = async () => {
      await pollOnce();
      if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs).unref();
    };
    void loop();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }

  return { pollOnce, start };
}
