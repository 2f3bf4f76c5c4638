import type { Answer, Verdict } from '../answer/types.js';

/**
 * A /verify answer as a schema.org `ClaimReview` (https://schema.org/ClaimReview), the JSON-LD that
 * fact-checkers publish and Google's Fact Check Tools read: the claim, who said it and when (its
 * earliest appearance in the sources), the verdict as the rating's `alternateName`, and the cited
 * source. `ask --json --claimreview` prints it; the shape follows schema.org's published example.
 */

/** The verdict as a fact-checker's rating, 5 best. "Not found in these sources" rates nothing: no value. */
const RATING: Record<Verdict, { name: string; value?: number }> = {
  verbatim: { name: 'Verbatim', value: 5 },
  reported: { name: 'Reported, not quoted', value: 3 },
  'out-of-context': { name: 'Verbatim words, cut (out of context)', value: 2 },
  altered: { name: 'Altered', value: 2 },
  spliced: { name: 'Spliced', value: 1 },
  misattributed: { name: 'Misattributed', value: 1 },
  'not-found': { name: 'Not found in these sources' },
};

/** Who reviews: this bot, by name (a publisher adds its own `author` and `url` before publishing). */
const REVIEWER = 'verbatim';

export function claimReviewOf(answer: Answer): Record<string, unknown> | null {
  const v = answer.verify;
  if (!v) return null;
  const first = v.firstSeen;
  const lead = answer.citations[0];
  const author = first?.speaker ?? v.claimedSpeaker;
  const rating = RATING[v.verdict];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(lead?.url ? { url: lead.url } : {}),
    claimReviewed: v.claim,
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author: { '@type': 'Person', name: author } } : {}),
      ...(first ? { datePublished: first.date } : {}),
      ...(first
        ? {
            firstAppearance: {
              '@type': 'CreativeWork',
              headline: first.title,
              datePublished: first.date,
              ...(first.url ? { url: first.url } : {}),
              ...(first.publisher ? { publisher: { '@type': 'Organization', name: first.publisher } } : {}),
            },
          }
        : {}),
      ...(lead
        ? {
            appearance: {
              '@type': 'CreativeWork',
              headline: lead.title,
              datePublished: lead.date,
              ...(lead.url ? { url: lead.url } : {}),
              ...(lead.publisher ? { publisher: { '@type': 'Organization', name: lead.publisher } } : {}),
            },
          }
        : {}),
    },
    author: { '@type': 'Organization', name: REVIEWER },
    reviewRating: {
      '@type': 'Rating',
      ...(rating.value !== undefined ? { ratingValue: String(rating.value), bestRating: '5', worstRating: '1' } : {}),
      alternateName: rating.name,
    },
    reviewBody: answer.heading,
  };
}
