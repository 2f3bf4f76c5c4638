/**
 * Real people's names in everyday news frames, one short article each, for the names property test
 * (tests/knowledge/names.property.test.ts) and the full-size probe (bench/names-probe.ts).
 * `/quote <name> <words>` must come back as that person's direct quote, and no quote of any of
 * these articles may be given to anyone but its article's person.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstNameGender } from '../../src/knowledge/names.js';
import { loadCore } from '../../src/load-core.js';
import { renderJson } from '../../src/render/json.js';

const ROLES = ['foreign minister', 'council treasurer', 'union leader', 'head coach', 'chief executive', 'harbour master'];
const CAP_ROLES = ['Foreign Minister', 'Councillor', 'Coach', 'Mayor', 'Senator', 'Professor'];
const QUOTES = [
  'We will rebuild the north pier before the summer season',
  'This is the best deal any crew has had in a decade',
  'Nobody in this town should have to wait three years for a new school',
  'The figures we published on Monday were wrong and I apologise for them',
  'We are not going to accept a settlement that leaves families without homes',
  'Our players gave everything and the result does not reflect the game',
];
const PARTICLE = /^(?:van|von|de|der|den|da|di|du|la|le|al|el|bin|ibn|dos|del|des)$/i;

/** The family name as a reporter would write it alone ("van der Berg", "Arthur"). */
function surnameOf(name: string): string {
  const ws = name.split(' ');
  let k = ws.length - 1;
  while (k > 0 && PARTICLE.test(ws[k - 1]!)) k--;
  return ws.slice(k).join(' ');
}

/** The frames of the attribution issue: said-name, name-said with apposition, told reporters:, surname later, he/she, according to, and a person of an organisation no list knows. */
const FRAMES: Array<(name: string, quote: string, i: number, pronoun: string) => string> = [
  (n, q) => `The council met on Tuesday to discuss the harbour.\n\n"${q}," ${n} said.`,
  (n, q, i) => `The council met on Tuesday to discuss the harbour.\n\n"${q}," said ${n}, the ${ROLES[i % ROLES.length]}.`,
  (n, q) => `The council met on Tuesday to discuss the harbour.\n\n${n} told reporters: "${q}."`,
  (n, q, i) => `${CAP_ROLES[i % CAP_ROLES.length]} ${n} said the town would appeal the ruling.\n\n"${q}," ${surnameOf(n)} added.`,
  (n, q, i, p) => `${CAP_ROLES[i % CAP_ROLES.length]} ${n} spoke at the opening of the new ferry terminal on Monday.\n\n"${q}," ${p} said.`,
  (n, q) => `The council met on Tuesday to discuss the harbour.\n\nAccording to ${n}, "${q}."`,
  (n, q, _i, p) => `Analysts were less surprised. ${n} of Northbridge Securities said the harbour had been losing money.\n\n"${q}," ${p} said.`,
];

export interface NameResult {
  recalledByFrame: number[];
  cases: number;
  missed: string[];
  /** Quotes of one person's article given to someone else. */
  wrong: string[];
}

const norm = (x: string) =>
  x
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * One article per name and frame in one knowledge folder (so names also meet each other at query
 * time, as in a real archive); asks `/quote <name> <words of the quote>` for each.
 * The frame with a pronoun says "she" for a name the lexicon knows as a woman's, else "he".
 */
export async function probeNames(names: string[]): Promise<NameResult> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-names-'));
  try {
    const cases: Array<{ name: string; frame: number; quote: string; id: string }> = [];
    names.forEach((name, i) => {
      FRAMES.forEach((frame, k) => {
        const quote = QUOTES[(i + k) % QUOTES.length]!;
        const id = `n${i}_f${k}`;
        writeFileSync(
          join(dir, `${id}.txt`),
          `---\ntitle: "Harbour ${i} ${k}"\ndate: 2024-05-0${1 + (k % 9)}\n---\n${frame(name, quote, i, firstNameGender(name) === 'f' ? 'she' : 'he')}\n`,
        );
        cases.push({ name, frame: k, quote, id });
      });
    });
    const { core } = await loadCore(dir, { cacheDir: null, progress: null });
    const owner = new Map(cases.map((c) => [c.id, c]));
    const result: NameResult = { recalledByFrame: FRAMES.map(() => 0), cases: cases.length, missed: [], wrong: [] };
    const wrong = new Set<string>();
    for (const c of cases) {
      const asked = `/quote ${c.name} ${c.quote.split(' ').slice(1, 5).join(' ')}`;
      const cites: Array<{ kind: string; speaker?: string | null; sourceId: string; alsoIn: Array<{ sourceId: string }> }> =
        JSON.parse(renderJson(core.ask(asked))).citations ?? [];
      const surname = norm(surnameOf(c.name));
      // The same words in several articles are one citation, the others listed as also in them.
      const from = (x: (typeof cites)[number]) => x.sourceId === c.id || x.alsoIn.some((a) => a.sourceId === c.id);
      if (cites.some((x) => x.kind === 'quote' && from(x) && norm(x.speaker ?? '').includes(surname))) result.recalledByFrame[c.frame]!++;
      else result.missed.push(`frame ${c.frame}, ${c.name}: ${cites.map((x) => `${x.kind} of ${x.speaker}`).join(', ') || 'nothing'}`);
      for (const x of cites) {
        const o = owner.get(x.sourceId);
        if (o && x.speaker && (x.kind === 'quote' || x.kind === 'reported') && !norm(x.speaker).includes(norm(surnameOf(o.name))))
          wrong.add(`frame ${o.frame}, ${o.name}: given to ${x.speaker}`);
      }
    }
    result.wrong = [...wrong];
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Ordinary words that are also surnames (Brian May, Adam West, Anthony Hall …): months, days,
 * directions, places, trades, titles and things, many of them on the lexicon's lists.
 */
export const ORDINARY_SURNAMES = `May West Hall Park Bill Washington Will Street King Major Young Day Little Brown White Green Black
London English French Rich Long Rose Lord Bishop Dean Marshall Price Chase Hill Wood Banks Field North South East House Church
Bridge Castle March August Monday Cook Baker Mason Turner Hunter Driver Judge Stone Cross Sea Israel Jordan Paris Man Hope
Dear Love Shell Coach Temple Moon Summer Winter Spring Snow Frost Fox Wolf Bird Swan Lamb Bull Ray Rush Case`.split(/\s+/);
