/** Did an engine's first five results contain what a labelled query expects? */
import { sameSpeaker } from './names.js';
import { squash } from './text.js';
import type { Expectation, Hit } from './types.js';

/**
 * True when a result shows the expected passage. Our core returns excerpts (` … ` marks cuts),
 * so any verbatim fragment of 12+ characters inside the passage counts, as does a result that
 * contains the whole passage.
 */
export function showsPassage(resultText: string, passage: string): boolean {
  const target = squash(passage);
  const whole = squash(resultText);
  if (whole === target || whole.includes(target)) return true;
  const fragments = resultText
    .split('…')
    .map((f) => squash(f).replace(/^[\s"“”'‘’.,;:]+|[\s"“”'‘’,;:]+$/g, ''))
    .filter((f) => f.length >= 12);
  return fragments.some((f) => target.includes(f));
}

export function meetsExpectation(expect: Expectation, hits: readonly Hit[]): boolean {
  if (expect.passage !== undefined) {
    const passage = expect.passage;
    return hits.some((hit) => showsPassage(hit.text, passage));
  }
  if (expect.speaker !== undefined) {
    const speaker = expect.speaker;
    return hits.some((hit) => sameSpeaker(speaker, hit.speaker));
  }
  return false;
}
