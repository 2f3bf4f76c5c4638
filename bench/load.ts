/**
 * Load figures for the Discord face (issue 5), printed, never asserted:
 *  1. a burst of 200 interactions sent at once through the local Discord stand-in to the real bot
 *     (discord.js client, router, renderer): how many were acknowledged within Discord's 3 s, the
 *     acknowledgement latencies, and how many answers were correct; first with CPU hogs beside it
 *     (busy-looping processes this step starts and stops, one by default: a busy machine), right
 *     after loading, then with nothing beside it (issue 23);
 *  2. 10,000 mixed questions (slash requests, free text, typos, hostile input) answered and
 *     rendered in one process: heap growth after a forced GC, against the heap after warm-up;
 *  3. the memory of that one process with the knowledge loaded (what one shard costs).
 *
 *   npx tsx bench/load.ts [--knowledge DIR] [--burst 200] [--questions 10000] [--hogs 1]
 *
 * Default knowledge: ../shared/corpus when present (the full corpus), else knowledge/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AnswerRequest, Core } from '../src/answer/types.js';
import { cacheDir } from '../src/config.js';
import { startBot } from '../src/discord/client.js';
import { createCooldowns } from '../src/discord/cooldown.js';
import { loadLiveCore } from '../src/live.js';
import { silentLogger } from '../src/log.js';
import { renderAnswer } from '../src/render/discord/answer.js';
import { slash } from '../tests/e2e/payloads.js';
import { DiscordStandIn } from '../tests/e2e/standin.js';
import { visibleText } from '../tests/e2e/util.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values: args } = parseArgs({
  options: {
    knowledge: { type: 'string' },
    burst: { type: 'string', default: '200' },
    questions: { type: 'string', default: '10000' },
    hogs: { type: 'string', default: '1' },
  },
});
const corpus = resolve('../shared/corpus');
const dir = resolve(args.knowledge ?? (existsSync(corpus) ? corpus : 'knowledge'));
const BURST = Number(args.burst);
const QUESTIONS = Number(args.questions);
const HOGS = Number(args.hogs);
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.bench.c2VjcmV0LXRva2VuLWZvci1iZW5jaA';
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/** Speaker + topic pairs known to be in each knowledge set, for correctness checks. */
const PAIRS: [string, string][] =
  dir === corpus
    ? [
        ['lincoln', 'slavery'],
        ['obama', 'health care'],
        ['truman', 'atomic'],
        ['kennedy', 'moon'],
        ['reagan', 'soviet'],
        ['washington', 'union'],
      ]
    : [
        ['stoltenberg', 'china'],
        ['stoltenberg', 'russia'],
        ['stoltenberg', 'nuclear'],
        ['stoltenberg', 'spy ring'],
      ];
const TOPICS =
  dir === corpus
    ? ['slavery', 'health care', 'depression', 'civil rights', 'tariff', 'immigration']
    : ['china', 'russia', 'arms control', 'bulgaria'];

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
const typo = (w: string) => (w.length < 4 ? w : ((i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))(1 + Math.floor(rand() * (w.length - 3))));

/** One mixed question: a slash request or a typed line, sometimes with a typo or junk. */
function question(): { request?: AnswerRequest; text?: string } {
  const [speaker, topic] = pick(PAIRS);
  switch (Math.floor(rand() * 6)) {
    case 0:
      return { request: { command: 'quote', speaker, topic, offset: 0 } };
    case 1:
      return { request: { command: 'quote', speaker: typo(speaker), topic: typo(topic), offset: Math.floor(rand() * 3) * 5 } };
    case 2:
      return { request: { command: 'summary', topic: pick(TOPICS), offset: 0 } };
    case 3:
      return { text: `what did ${speaker} say about ${topic}?` };
    case 4:
      return { text: `/quote ${typo(speaker)} ${topic}` };
    default:
      return { text: `${pick(['@everyone', '<@123>', '`x`', '$^|!', 'zzqx'])} ${pick(TOPICS)} ${Math.floor(rand() * 1e6)}` };
  }
}

function ask(core: Core, q: ReturnType<typeof question>): number {
  const answer = q.request ? core.answer(q.request) : core.ask(q.text ?? '');
  return renderAnswer(answer, { askerId: '1100000000000000005' }).length;
}

async function burst(core: Core) {
  const standin = await DiscordStandIn.start();
  const bot = await startBot({
    core,
    config: { discordToken: TOKEN, discordApiBase: standin.apiBase },
    log: silentLogger,
    cooldown: createCooldowns({}),
    drainMs: 10_000,
  });
  try {
    const sent = Array.from({ length: BURST }, (_, n) => {
      const [speaker, topic] = PAIRS[n % PAIRS.length]!;
      return {
        speaker,
        payload: slash('quote', [
          { name: 'speaker', value: speaker },
          { name: 'topic', value: topic },
        ]),
      };
    });
    // Where the acknowledgements wait: when the bot's client read each interaction, and how long
    // the event loop was held at a time meanwhile (the stand-in shares this process and its loop).
    const received: number[] = [];
    bot.client.on('interactionCreate', () => void received.push(performance.now()));
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const from = standin.calls.length;
    const started = performance.now();
    for (const s of sent) standin.dispatch('INTERACTION_CREATE', s.payload);
    const deadline = Date.now() + 30_000;
    const paths = new Map(sent.map((s) => [`/interactions/${s.payload.id}/${s.payload.token}/callback`, s]));
    // The bot acknowledges first (a public deferral, type 5); the answer then edits it.
    const edits = new Map(sent.map((s) => [`/webhooks/${s.payload.application_id}/${s.payload.token}/messages/@original`, s]));
    let acked = new Map<string, { at: number; body: any }>();
    let answered = new Map<string, { at: number; body: any }>();
    while ((acked.size < BURST || answered.size < BURST) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      const since = standin.calls.slice(from);
      acked = new Map(since.filter((c) => paths.has(c.path)).map((c) => [c.path, { at: c.at, body: c.body }]));
      answered = new Map(since.filter((c) => c.method === 'PATCH' && edits.has(c.path)).map((c) => [c.path, { at: c.at, body: c.body }]));
    }
    loop.disable();
    const latencies = [...acked.values()].map((a) => a.at - started);
    const publicAcks = [...acked.values()].filter((a) => a.body?.type === 5 && ((a.body.data?.flags ?? 0) & 64) === 0).length;
    const correct = Math.min(
      publicAcks,
      [...answered.entries()].filter(([path, a]) => new RegExp(edits.get(path)!.speaker, 'i').test(visibleText(a.body))).length,
    );
    return {
      acked: acked.size,
      within3s: latencies.filter((l) => l <= 3000).length,
      latencies,
      correct,
      received: received.map((r) => r - started),
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
    };
  } finally {
    await bot.stop();
    await standin.close();
  }
}

/** Busy-looping processes beside the bench (a busy machine); stopped by their own pids. */
function startHogs(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
}

function stopHogs(hogs: ChildProcess[]): void {
  for (const hog of hogs) hog.kill('SIGKILL');
}

function printBurst(b: Awaited<ReturnType<typeof burst>>, beside: string): void {
  console.log(
    `load: burst of ${BURST} interactions at once through the stand-in ${beside}: ${b.acked} acknowledged, ${b.within3s} within 3 s, ` +
      `${b.correct} correct; ack p50 ${pct(b.latencies, 0.5).toFixed(0)} ms, p95 ${pct(b.latencies, 0.95).toFixed(0)} ms, max ${pct(b.latencies, 1).toFixed(0)} ms`,
  );
  console.log(
    `load:   the bot read the interactions by ${pct(b.received, 1).toFixed(0)} ms (p50 ${pct(b.received, 0.5).toFixed(0)} ms); ` +
      `the event loop was held up to ${b.loopMaxMs.toFixed(0)} ms at a time (p99 ${b.loopP99Ms.toFixed(0)} ms)`,
  );
}

async function main() {
  const t0 = performance.now();
  const { core, cache } = await loadLiveCore(dir, { cacheDir: cacheDir() });
  const loadMs = performance.now() - t0;
  gc();
  const loaded = process.memoryUsage();
  const stats = core.stats();
  console.log(`load: knowledge ${dir} (${stats.sources} sources, ${stats.passages} passages), loaded in ${Math.round(loadMs)} ms (cache ${cache})`);
  console.log(`load: one process with this knowledge: heap ${mb(loaded.heapUsed)} MB, RSS ${mb(loaded.rss)} MB`);

  const hogs = startHogs(HOGS);
  const busy = await burst(core).finally(() => stopHogs(hogs));
  printBurst(busy, `with ${HOGS} CPU hog${HOGS === 1 ? '' : 's'} beside it (load average ${loadavg()[0]!.toFixed(1)})`);
  const b = await burst(core);
  printBurst(b, 'with nothing beside it');

  for (let n = 0; n < 1000; n++) ask(core, question()); // warm-up: lazy structures, JIT
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  let messages = 0;
  for (let n = 0; n < QUESTIONS; n++) messages += ask(core, question());
  const ms = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const growth = ((after.heapUsed - before) / before) * 100;
  console.log(
    `load: ${QUESTIONS} mixed questions answered and rendered (${messages} messages) in ${(ms / 1000).toFixed(1)} s: ` +
      `heap ${mb(before)} → ${mb(after.heapUsed)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%), RSS ${mb(after.rss)} MB`,
  );
  console.log(
    `load: interactions=${BURST} acked_within_3s=${b.within3s} correct=${b.correct} ack_p95_ms=${pct(b.latencies, 0.95).toFixed(0)} ` +
      `hogs=${HOGS} hog_acked_within_3s=${busy.within3s} hog_ack_max_ms=${pct(busy.latencies, 1).toFixed(0)} ` +
      `ack_max_ms=${pct(b.latencies, 1).toFixed(0)} questions=${QUESTIONS} heap_growth_pct=${growth.toFixed(1)} heap_mb=${mb(loaded.heapUsed)} rss_mb=${mb(loaded.rss)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
