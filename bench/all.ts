/**
 * `npm run bench [-- options]`: every benchmark step in turn, each in its own process (load figures,
 * /verify, the engine comparison, the cost of phrase ranking). Figures only: no step fails on a
 * timing. With `--write-docs`, what each step printed goes into docs/benchmarks.md between that
 * step's markers, headed by the date, the machine and its load, so no figure in the docs is typed
 * by hand.
 *
 *   --steps load,verify,run,phrase-cost   the steps to run (default: all, in this order)
 *   --quick                               the engine comparison at 1k and 10k passages only, and
 *                                         the full-text comparison (fts) without its XL section
 *   --write-docs                          write the figures into docs/benchmarks.md
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './corpus.js';
import { BENCH_STEPS, type StepRun, writeSections } from './docs-section.js';

const STEPS = BENCH_STEPS;

const USAGE = `usage: npm run bench [-- options]

  --steps ${Object.keys(STEPS).join(',')}   the steps to run (default: all, in this order)
  --quick          the engine comparison at 1k and 10k passages only; fts without its XL section
  --write-docs     write each step's output into docs/benchmarks.md, between its markers
  -h, --help       this text
`;
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        steps: { type: 'string', default: Object.keys(STEPS).join(',') },
        quick: { type: 'boolean', default: false },
        'write-docs': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const steps = values.steps.split(',').map((s) => s.trim());
const unknown = steps.filter((s) => !STEPS[s]);
if (unknown.length) {
  console.error(`bench: unknown step ${unknown.join(', ')}; the steps are ${Object.keys(STEPS).join(', ')}`);
  process.exit(2);
}

/** What a step is given besides its file: the engine comparison's --quick; the full-text step's XL section unless --quick. */
const stepArgs = (step: string): string[] => (step === 'run' && values.quick ? ['--quick'] : step === 'fts' && !values.quick ? ['--xl'] : []);

/** Runs one step with tsx, printing its output as it comes and keeping it for the docs. */
function runStep(step: string): Promise<{ output: string; code: number }> {
  const args = [join(repoRoot, 'bench', STEPS[step]!), ...stepArgs(step)];
  return new Promise((resolve) => {
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += String(d);
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ output, code: code ?? 1 }));
  });
}

const load = () => (loadavg()[0] ?? 0).toFixed(1);
const machine = `${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
const runs: StepRun[] = [];
let failed = 0;
for (const step of steps) {
  const before = load();
  const started = new Date();
  const { output, code } = await runStep(step);
  if (code !== 0) failed++;
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  runs.push({
    step,
    command: ['tsx', `bench/${STEPS[step]}`, ...stepArgs(step)].join(' '),
    conditions: `run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC for ${minutes} min on ${machine}; load average ${before} at its start, ${load()} at its end${code ? `; exited ${code}` : ''}.`,
    output,
  });
}
if (values['write-docs']) {
  const file = join(repoRoot, 'docs', 'benchmarks.md');
  writeFileSync(file, writeSections(readFileSync(file, 'utf8'), runs));
  console.log(`bench: figures of ${runs.map((r) => r.step).join(', ')} written to docs/benchmarks.md`);
}
process.exitCode = failed ? 1 : 0;
