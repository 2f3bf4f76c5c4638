/**
 * /timeline end to end: the real discord.js client against the stand-in, over the seeds. The chart
 * goes out as a multipart attachment; the Cite button offers APA, MLA and Chicago.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Harness } from './harness.js';
import { useSeedHarness } from './seed-harness.js';
import { click, slash } from './payloads.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText } from './util.js';

vi.setConfig({ testTimeout: 15_000 });

let h: Harness;
useSeedHarness((started) => {
  h = started;
});

const PNG = '89504e470d0a1a0a';

describe('/timeline', () => {
  it('answers in date order with the counts per period and the chart PNG attached', async () => {
    const call = await h.answer(
      slash('timeline', [
        { name: 'topic', value: 'russia' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const data = call.body.data;
    expect(data.flags & EPHEMERAL).toBe(0);
    expect(data.content).toContain('2021-03-22: 1 · 2021-03-24: 1');
    const text = visibleText(data);
    expect(text.indexOf('2021-03-22')).toBeLessThan(text.lastIndexOf('2021-03-24'));
    expect(call.files).toHaveLength(1);
    const file = call.files![0]!;
    expect(file.name).toBe('timeline.png');
    expect(file.data.subarray(0, 8).toString('hex')).toBe(PNG);
    expect(file.data.readUInt32BE(20)).toBe(360); // the chart's height, from the IHDR chunk
    expect(data.attachments?.[0]?.description).toMatch(/2021-03-22 1, 2021-03-24 1/);
  });

  it('applies since / until and refuses a bad date privately', async () => {
    const later = await h.answer(
      slash('timeline', [
        { name: 'topic', value: 'russia' },
        { name: 'since', value: '2021-03-23' },
      ]),
    );
    expect(later.body.data.content).toContain('2021-03-24: 1');
    expect(later.body.data.content).not.toContain('2021-03-22: 1');
    const bad = await h.answer(
      slash('timeline', [
        { name: 'topic', value: 'russia' },
        { name: 'until', value: '2021-02-30' },
      ]),
    );
    expect(bad.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(bad.body.data.content).toMatch(/until: “2021-02-30” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(bad.files ?? []).toHaveLength(0);
  });

  it('Cite offers the plain line, APA 7, MLA 9 and Chicago', async () => {
    const call = await h.answer(slash('timeline', [{ name: 'topic', value: 'russia' }]));
    const cite = customIds(call.body.data).find((id) => id.startsWith('cite:'))!;
    expect(cite).toBeDefined();
    const reply = await h.answer(click(cite, messageFromCallback(call)));
    const content: string = reply.body.data.content;
    expect(reply.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(content).toMatch(/^Citation to copy:\n```\n/);
    expect(content).toMatch(/APA 7:\n```\nRaynaldo, G\. \(2021, March 22\)\./);
    expect(content).toMatch(/MLA 9:\n```\nRaynaldo, Gary\. “/);
    expect(content).toMatch(/Chicago \(bibliography\):\n```\nRaynaldo, Gary\. “[\s\S]*March 22, 2021\./);
    expect(content).toMatch(/Chicago \(note\):\n```\nGary Raynaldo, “/);
  });
});

describe('since / until on /quote', () => {
  it('keeps only the sources in range, and its buttons carry the range', async () => {
    const call = await h.answer(
      slash('quote', [
        { name: 'speaker', value: 'stoltenberg' },
        { name: 'topic', value: 'russia' },
        { name: 'since', value: '2021-03-23' },
      ]),
    );
    const text = visibleText(call.body.data);
    expect(text).toMatch(/24 March 2021/);
    expect(text).not.toMatch(/22 March 2021/);
    const cite = customIds(call.body.data).find((id) => id.startsWith('cite:'))!;
    const reply = await h.answer(click(cite, messageFromCallback(call)));
    expect(reply.body.data.content).toMatch(/March 24, 2021/);
  });

  it('refuses a bad date privately', async () => {
    const call = await h.answer(
      slash('quote', [
        { name: 'speaker', value: 'stoltenberg' },
        { name: 'until', value: '21-03' },
      ]),
    );
    expect(call.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(call.body.data.content).toMatch(/until: “21-03” is not a date/);
  });
});
