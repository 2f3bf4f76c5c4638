/** The settings for adding sources: feeds, their interval, the unsafe private-address switch (off by default), the operator's servers. */
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenv: false });

it('reads FEEDS, FEED_INTERVAL_MINUTES and VERBATIM_ALLOW_PRIVATE_URLS, private addresses refused by default', () => {
  expect(load({}).ingest).toEqual({ allowPrivateUrls: false, feeds: [], feedIntervalMinutes: 30, operatorGuilds: [] });
  expect(
    load({ FEEDS: ' https://a.example/rss.xml, ,http://b.example/atom ', FEED_INTERVAL_MINUTES: '5', VERBATIM_ALLOW_PRIVATE_URLS: '1' }).ingest,
  ).toEqual({ allowPrivateUrls: true, feeds: ['https://a.example/rss.xml', 'http://b.example/atom'], feedIntervalMinutes: 5, operatorGuilds: [] });
  expect(load({ VERBATIM_ALLOW_PRIVATE_URLS: '' }).ingest.allowPrivateUrls).toBe(false);
});

it('reads the feed limits (per poll, time budget, items a feed may list); unset, the defaults of src/ingest/feeds.ts apply', () => {
  expect(load({ FEED_MAX_ITEMS: '20', FEED_POLL_BUDGET_SECONDS: '90', FEED_MAX_LISTED_ITEMS: '300' }).ingest).toMatchObject({
    feedMaxItems: 20,
    feedPollBudgetSeconds: 90,
    feedMaxListedItems: 300,
  });
  expect(() => load({ FEED_MAX_LISTED_ITEMS: 'many' })).toThrow(/FEED_MAX_LISTED_ITEMS: /);
  expect(() => load({ FEED_MAX_LISTED_ITEMS: '0' })).toThrow(/FEED_MAX_LISTED_ITEMS: must be at least 1/);
});

it('names each bad setting', () => {
  const bad = () => load({ FEEDS: 'ftp://x.example/feed', FEED_INTERVAL_MINUTES: '0', VERBATIM_ALLOW_PRIVATE_URLS: 'yes' });
  expect(bad).toThrow(/FEEDS: not an http\(s\) URL: ftp:\/\/x\.example\/feed/);
  expect(bad).toThrow(/FEED_INTERVAL_MINUTES: must be more than 0/);
  expect(bad).toThrow(/VERBATIM_ALLOW_PRIVATE_URLS: must be 1 \(allow; unsafe\) or 0/);
});

it('reads the operator servers, whose /add writes to the global sources, and names a bad id', () => {
  expect(load({ VERBATIM_OPERATOR_GUILDS: ' 1100000000000000002 , 1100000000000000003' }).ingest.operatorGuilds).toEqual([
    '1100000000000000002',
    '1100000000000000003',
  ]);
  expect(() => load({ VERBATIM_OPERATOR_GUILDS: '1100000000000000002,my-server' })).toThrow(
    /VERBATIM_OPERATOR_GUILDS: not a Discord server id \(17 to 20 digits\): my-server/,
  );
});
