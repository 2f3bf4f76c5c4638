/** Load progress: silent under a second, then one line rewritten in place, cleared at the end. */
import { expect, it } from 'vitest';
import { lineProgress, terminalProgress } from '../src/progress.js';

it('says nothing for a quick load', () => {
  const out: string[] = [];
  let t = 0;
  const p = lineProgress(
    (s) => out.push(s),
    () => t,
  );
  p.files(1, 2);
  t = 200;
  p.files(2, 2);
  p.indexing(300);
  p.done();
  expect(out).toEqual([]);
});

it('shows files read and paragraphs indexed once a load passes a second, then clears the line', () => {
  const out: string[] = [];
  let t = 0;
  const p = lineProgress(
    (s) => out.push(s),
    () => t,
  );
  p.files(1, 3000);
  t = 1200;
  p.files(1500, 3000);
  t = 1250;
  p.files(1501, 3000); // throttled
  t = 1500;
  p.files(3000, 3000);
  p.indexing(100_951);
  p.done();
  expect(out).toEqual([
    '\r\x1b[Kverbatim: reading knowledge: 1500/3000 files',
    '\r\x1b[Kverbatim: reading knowledge: 3000/3000 files',
    '\r\x1b[Kverbatim: indexing 100,951 paragraphs…',
    '\r\x1b[K',
  ]);
});

it('writes nothing when stderr is not a terminal', () => {
  expect(terminalProgress({ isTTY: false } as NodeJS.WriteStream)).toBeUndefined();
});

it('counts the records of a big collection file while it is read, so the line moves before the file is done', () => {
  const out: string[] = [];
  let t = 0;
  const p = lineProgress(
    (s) => out.push(s),
    () => t,
  );
  p.files(0, 2);
  p.records?.(0, 2, 100);
  t = 1100;
  p.records?.(0, 2, 4_200);
  t = 1300;
  p.records?.(0, 2, 9_800);
  t = 1500;
  p.files(1, 2);
  p.done();
  expect(out).toEqual([
    '\r\x1b[Kverbatim: reading knowledge: 0/2 files, 4,200 records of the next',
    '\r\x1b[Kverbatim: reading knowledge: 0/2 files, 9,800 records of the next',
    '\r\x1b[Kverbatim: reading knowledge: 1/2 files',
    '\r\x1b[K',
  ]);
});
