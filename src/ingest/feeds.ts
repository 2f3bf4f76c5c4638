import { parseFeed } from 'feedsmith';
import { Parser } from 'htmlparser2';
import type { Logger } from '../log.js';
import type { AddInput, AddResult } from './add.js';
import { FetchRefused, safeFetch, type FetchOptions } from './fetch.js';

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
  /** New items left for a later poll: over the per-poll cap or the time budget. */
  deferred: number;
  /** Items skipped because they failed recently (their back-off has not run out). */
  backingOff: number;
}

/**
 * Tuning (FEED_MAX_ITEMS, FEED_POLL_BUDGET_SECONDS and FEED_MAX_LISTED_ITEMS override them):
 * - maxItemsPerPoll: a long feed must not mean hundreds of fetches every poll;
 * - pollBudgetMs: a slow item must not stall polling for hours;
 * - maxBackoffMs: a refused item is tried again after one interval, then two, four… up to a week;
 * - maxListedItems: a feed listing more items than this is refused whole, counted while it is read
 *   (the read stops at the first item past it), so a 10,000-item listing is never parsed. 1,000
 *   because a feed lists recent items (10 to a few hundred in the feeds of news sites and
 *   publishing tools): more is an archive or a sitemap, which `npm run add` or `knowledge import`
 *   takes in better. At 50 items a poll every 30 minutes, 1,000 new items already take 20 polls
 *   (10 hours) to come in, the longest backlog worth leaving to the poller.
 */
const FEED_TUNING = { maxItemsPerPoll: 50, pollBudgetMs: 5 * 60_000, maxBackoffMs: 7 * 24 * 3600_000, maxListedItems: 1000 };

export interface FeedPollerOptions {
  feeds: readonly string[];
  intervalMs: number;
  /** Adds one item (`addSource` with the knowledge folder). */
  add: (input: AddInput, fallbackDate: string | undefined) => Promise<AddResult>;
  /** True when the item's URL is already a source (added before, maybe by an earlier run). */
  isKnown: (url: string) => Promise<boolean>;
  log: Logger;
  fetch?: Omit<FetchOptions, 'accept' | 'headers' | 'onChunk'>;
  /** After a poll that added something (e.g. reload the knowledge base now). */
  onAdded?: () => unknown;
  /** New items added (or tried) per feed per poll; default FEED_TUNING.maxItemsPerPoll. */
  maxItemsPerPoll?: number;
  /** Time one poll of all feeds may take before items are left for the next; default FEED_TUNING.pollBudgetMs. */
  pollBudgetMs?: number;
  /** Items a feed may list before it is refused whole; default FEED_TUNING.maxListedItems. */
  maxListedItems?: number;
  now?: () => number;
}

/**
 * Counts a feed's items in each chunk of its body as it is read, and throws a refusal at the first
 * item past `limit`: safeFetch then stops reading, so neither the rest of the body nor any parsed
 * item of a feed that lists too many is ever held. JSON Feed is told from XML by its first character.
 */
function listingGuard(limit: number): (chunk: Buffer) => void {
  // The same decoding as the parse of the whole body (UTF-8); `stream` keeps a character split
  // between two chunks whole.
  const decoder = new TextDecoder('utf-8');
  let count: ((text: string) => void) | null = null;
  let items = 0;
  const onItem = () => {
    items++;
    if (items > limit)
      throw new FetchRefused(
        `the feed lists more than ${limit} items (reading stopped at item ${items}; the limit is FEED_MAX_LISTED_ITEMS=${limit}): refused whole, no item added. Point FEEDS at a feed of recent items, or raise FEED_MAX_LISTED_ITEMS`,
      );
  };
  return (chunk) => {
    const text = decoder.decode(chunk, { stream: true });
    if (!count) {
      const first = /[^\s\uFEFF]/.exec(text)?.[0];
      if (!first) return; // only white space so far: nothing to count yet
      count = first === '{' ? jsonItemCounter(onItem) : xmlItemCounter(onItem);
    }
    count(text);
  };
}

/**
 * Item elements where feedsmith takes them: RSS `channel > item` (or `rss > item`), RDF
 * `RDF > item`, Atom `feed > entry`, whatever their namespace prefix. A real XML tokenizer, so an
 * `<item>` inside CDATA, a comment or an item's own markup is not counted.
 */
function xmlItemCounter(onItem: () => void): (text: string) => void {
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        const local = name.slice(name.indexOf(':') + 1).toLowerCase();
        const parent = open.at(-1);
        if ((local === 'item' && (parent === 'channel' || parent === 'rss' || parent === 'rdf')) || (local === 'entry' && parent === 'feed'))
          onItem();
        open.push(local);
      },
      // Called once for every element opened, also when closed implicitly or self-closing.
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: true },
  );
  return (text) => parser.write(text);
}

/** JSON Feed: the objects directly inside the top-level `items` array, counted by a scan that builds none of them. */
function jsonItemCounter(onItem: () => void): (text: string) => void {
  /** Open containers: '{', '[', or 'items' for the top-level items array. */
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  /** The string being read, kept only at the top level and only as long as "items" could still match. */
  let text = '';
  /** The last string closed at the top level: before a '[' there, the array's key. */
  let lastKey = '';
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (stack.length === 1) lastKey = text;
        } else if (stack.length === 1 && text.length <= 5) text += c;
        continue;
      }
      if (c === '"') {
        inString = true;
        text = '';
      } else if (c === '{') {
        if (stack.length === 2 && stack[1] === 'items') onItem();
        stack.push('{');
      } else if (c === '[') stack.push(stack.length === 1 && stack[0] === '{' && lastKey === 'items' ? 'items' : '[');
      else if (c === '}' || c === ']') stack.pop();
    }
  };
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
  /** Items that failed: how often, and when they may be tried again. */
  const failed = new Map<string, { failures: number; retryAt: number }>();
  /** Items already sources (added by anyone): a long feed is not looked up item by item on every poll. */
  const known = new Set<string>();
  const now = options.now ?? Date.now;
  const maxItems = options.maxItemsPerPoll ?? FEED_TUNING.maxItemsPerPoll;
  const maxListed = options.maxListedItems ?? FEED_TUNING.maxListedItems;
  /** Feeds already said to list more new items than one poll takes (said once per feed and process, not every poll). */
  const toldLong = new Set<string>();

  function backOff(url: string): void {
    const failures = (failed.get(url)?.failures ?? 0) + 1;
    const waitMs = Math.min(FEED_TUNING.maxBackoffMs, options.intervalMs * 2 ** (failures - 1));
    failed.set(url, { failures, retryAt: now() + waitMs });
  }

  async function pollFeed(feed: string, deadline: number): Promise<FeedPollReport> {
    const report: FeedPollReport = { feed, notModified: false, added: [], refused: [], problem: null, deferred: 0, backingOff: 0 };
    const seen = validators.get(feed);
    const headers: Record<string, string> = {};
    if (seen?.etag) headers['if-none-match'] = seen.etag;
    if (seen?.lastModified) headers['if-modified-since'] = seen.lastModified;
    // A feed listing more than maxListed items is refused here, while it is read (a feed problem).
    const res = await safeFetch(feed, { ...options.fetch, accept: 'feed', headers, onChunk: listingGuard(maxListed) });
    if (res.status === 304) {
      report.notModified = true;
      return report;
    }
    const items = feedItems(res.bytes.toString('utf8'), res.url);
    let tried = 0;
    let complete = true;
    for (const item of items) {
      if (known.has(item.url)) continue;
      const failure = failed.get(item.url);
      if (failure && failure.retryAt > now()) {
        report.backingOff++;
        continue;
      }
      // Past the cap or the budget, the rest are not even looked up: the next poll does.
      if (tried >= maxItems || now() >= deadline) {
        report.deferred++;
        complete = false;
        continue;
      }
      try {
        if (await options.isKnown(item.url)) {
          known.add(item.url);
          continue;
        }
      } catch (err) {
        options.log.debug({ feed, item: item.url, err }, 'feed item: cannot tell whether it is known');
      }
      tried++;
      try {
        const result = await options.add({ kind: 'url', url: item.url }, item.date ?? undefined);
        if (result.ok) {
          failed.delete(item.url);
          known.add(item.url);
          report.added.push(result);
          options.log.info({ feed, item: item.url, file: result.file, title: result.source.title, date: result.source.date }, 'feed item added');
        } else {
          backOff(item.url);
          report.refused.push(result);
          options.log.debug({ feed, item: item.url, reason: result.reason }, 'feed item refused');
        }
      } catch (err) {
        backOff(item.url);
        report.refused.push({ ok: false, input: item.url, reason: (err as Error).message });
        options.log.debug({ feed, item: item.url, err }, 'feed item failed');
      }
    }
    // Validators are kept only once every new item was tried: a 304 must not hide the items left for
    // later (over the cap or the budget). A broken feed is fetched whole next time.
    if (complete) validators.set(feed, { etag: res.etag, lastModified: res.lastModified });
    else validators.delete(feed);
    return report;
  }

  /** Polls every feed once, one after the other, within the time budget; never rejects. One log line per feed. */
  async function pollOnce(): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    const deadline = now() + (options.pollBudgetMs ?? FEED_TUNING.pollBudgetMs);
    for (const feed of options.feeds) {
      try {
        const r = await pollFeed(feed, deadline);
        reports.push(r);
        const fields = {
          feed,
          notModified: r.notModified,
          added: r.added.length,
          refused: r.refused.length,
          deferred: r.deferred,
          backingOff: r.backingOff,
        };
        // One warning per feed and poll, whatever the number of items refused (details at debug).
        if (r.refused.length)
          options.log.warn(
            { ...fields, examples: r.refused.slice(0, 3).map((x) => (x.ok ? x.file : `${x.input}: ${x.reason}`)) },
            'feed polled: some items refused (tried again later, backing off)',
          );
        else options.log[r.notModified ? 'debug' : 'info'](fields, 'feed polled');
        // A feed listing thousands of items (an archive more than a feed) is taken slowly: say so once.
        if (r.deferred && !toldLong.has(feed)) {
          toldLong.add(feed);
          options.log.warn(
            { feed, waiting: r.deferred, perPoll: maxItems, polls: Math.ceil(r.deferred / maxItems) },
            `feed lists more new items than one poll takes (at most ${maxItems} per poll, FEED_MAX_ITEMS, within FEED_POLL_BUDGET_SECONDS): ${r.deferred} wait for the next polls`,
          );
        }
      } catch (err) {
        const problem = (err as Error).message;
        reports.push({ feed, notModified: false, added: [], refused: [], problem, deferred: 0, backingOff: 0 });
        options.log.warn({ feed, reason: problem }, 'feed problem');
      }
    }
    if (reports.some((r) => r.added.length) && options.onAdded)
      await Promise.resolve(options.onAdded()).catch((err: unknown) => options.log.warn({ err }, 'reload after feed items failed'));
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
