/**
 * The generated part of docs/benchmarks.md: one block per benchmark step, each between its own
 * markers, so a run of one step (`npm run bench -- --steps verify --write-docs`) replaces that
 * step's figures and leaves the others' as they were. Nothing between the markers is typed by hand.
 */

/** The steps of `npm run bench`, in the order they run, and the file each runs. */
export const BENCH_STEPS: Record<string, string> = {
  load: 'load.ts',
  verify: 'verify.ts',
  run: 'run.ts',
  'phrase-cost': 'phrase-cost.ts',
  'scope-cost': 'scope-cost.ts',
  fts: 'fts.ts',
};

export interface StepRun {
  /** The step's name (`load`, `verify`, `run`, `phrase-cost`). */
  step: string;
  /** The command the figures came from. */
  command: string;
  /** When, on what and under what load it ran (one line). */
  conditions: string;
  /** What the step printed, verbatim. */
  output: string;
}

const begin = (step: string) => `<!-- bench:${step}:begin (written by npm run bench -- --write-docs; do not edit) -->`;
const end = (step: string) => `<!-- bench:${step}:end -->`;

/** Colour and cursor codes a step may print on a terminal: not figures. */
const TERMINAL_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** The block for one step, markers included. */
function block(run: StepRun): string {
  const output = run.output.replace(/\r/g, '').replace(TERMINAL_CODES, '').trim();
  return [begin(run.step), '', `\`${run.command}\`: ${run.conditions}`, '', '```text', output, '```', '', end(run.step)].join('\n');
}

/**
 * `doc` with each run's block in place of the one it had; a step the document has no block for
 * yet is added at the end of the document.
 */
export function writeSections(doc: string, runs: StepRun[]): string {
  let out = doc;
  for (const run of runs) {
    const from = out.indexOf(begin(run.step));
    const to = out.indexOf(end(run.step));
    out =
      from >= 0 && to > from ? `${out.slice(0, from)}${block(run)}${out.slice(to + end(run.step).length)}` : `${out.trimEnd()}\n\n${block(run)}\n`;
  }
  return out;
}
