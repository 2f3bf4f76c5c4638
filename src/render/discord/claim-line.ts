/**
 * The "Claim:" line of a /verify answer and of its Cite reply: what was checked (the words, who
 * they are attributed to, the period of sources asked), written so that a button can read it back
 * exactly. Buttons are stateless and a claim rarely fits a custom id's 100 characters, so the
 * ClaimReview button (and Cite on a long claim) re-run the check from this line of the message
 * they are on. The claim is shown on one line (its spaces and line breaks as one space each: the
 * same words to a check); one too long to show whole is cut (…) and then not read back. A claim
 * that itself holds `” — attributed to` is read back as far as that (never a different speaker's
 * words: the ClaimReview check then fails and says the sources changed); one with a backslash
 * inside a link (left unescaped there) is not read back.
 */
import type { AnswerRequest } from '../../answer/types.js';
import { fitEscaped } from './escape.js';

type VerifyRequest = Extract<AnswerRequest, { command: 'verify' }>;

/** Room for the claim: /verify's own limit (500), so a claim typed there is always shown whole. */
const CLAIM_ROOM = 500;
const SPEAKER_ROOM = 100;

/** `Claim: “…” — attributed to X (sources dated 2019 to 2021)`, escaped, on one line. */
export function claimLine(r: VerifyRequest): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const speaker = r.speaker ? ` — attributed to ${fitEscaped(oneLine(r.speaker), SPEAKER_ROOM)}` : '';
  const period = r.since || r.until ? ` (sources dated ${r.since ?? 'any time'} to ${r.until ?? 'now'})` : '';
  return `Claim: “${fitEscaped(oneLine(r.claim), CLAIM_ROOM)}”${speaker}${period}`;
}

/** Discord shows `\*` as `*`: the escapes escapeDiscord adds (a backslash before these), taken out. */
const unescaped = (s: string) => s.replace(/\\([\\*_~`|[\]<>@#+.-])/g, '$1');

const LINE = /^Claim: “([^\n]*?)”(?: — attributed to ([^\n]*?))?(?: \(sources dated (any time|[\d-]+) to (now|[\d-]+)\))?$/m;

/** The verify request a message's Claim line describes (offset 0), or null: none, or a claim shown cut. */
export function readClaimLine(content: string): VerifyRequest | null {
  const m = LINE.exec(content);
  if (!m) return null;
  const request: VerifyRequest = {
    command: 'verify',
    claim: unescaped(m[1]!),
    speaker: m[2] ? unescaped(m[2]) : '',
    ...(m[3] && m[3] !== 'any time' ? { since: m[3] } : {}),
    ...(m[4] && m[4] !== 'now' ? { until: m[4] } : {}),
    offset: 0,
  };
  // Read back only what was shown whole: the line it makes must be the line read, and a claim
  // ending in " …" may have been cut to fit (then the words checked are not all there).
  return claimLine(request) === m[0] && !/ …$/.test(request.claim) ? request : null;
}
