/**
 * `ask --json --claimreview`: a /verify answer as schema.org ClaimReview JSON-LD, in the shape of
 * the example published on https://schema.org/ClaimReview (and Google's Fact Check markup).
 */
import { describe, expect, it } from 'vitest';
import { claimReviewOf } from '../../src/render/claimreview.js';
import { loadSeeds } from '../helpers.js';

/** The published example's shape: every key it has, with the type each value has there. */
const EXAMPLE_SHAPE = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  claimReviewed: expect.any(String),
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: expect.any(String) },
    datePublished: expect.stringMatching(/^\d{4}(-\d{2}-\d{2})?$/),
    appearance: { '@type': 'CreativeWork', headline: expect.any(String), datePublished: expect.any(String) },
  },
  author: { '@type': 'Organization', name: expect.any(String) },
  reviewRating: {
    '@type': 'Rating',
    ratingValue: expect.stringMatching(/^[1-5]$/),
    bestRating: '5',
    worstRating: '1',
    alternateName: expect.any(String),
  },
};

describe('ClaimReview', async () => {
  const { core } = await loadSeeds();

  it('an out-of-context quote: the claim, its speaker and earliest date, the verdict as the rating’s name', () => {
    const review = claimReviewOf(core.ask('did Stoltenberg say "regard China as an adversary"?'));
    expect(review).toMatchObject(EXAMPLE_SHAPE);
    expect(review).toMatchObject({
      claimReviewed: 'regard China as an adversary',
      itemReviewed: { author: { name: 'Jens Stoltenberg' }, datePublished: '2021-03-24', firstAppearance: { datePublished: '2021-03-24' } },
      reviewRating: { alternateName: 'Verbatim words, cut (out of context)', ratingValue: '2' },
    });
    // JSON-LD: every value survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });

  it('each verdict rates differently; verbatim is the best rating', () => {
    const verbatim = claimReviewOf(core.ask('did Stoltenberg say "We do not regard China as an adversary"'));
    expect(verbatim).toMatchObject({ ...EXAMPLE_SHAPE, reviewRating: { alternateName: 'Verbatim', ratingValue: '5' } });
    const spliced = claimReviewOf(
      core.ask('did Stoltenberg say "Russia undermines and destabilizes its neighbours. NATO’s response is firm and consistent."'),
    );
    expect(spliced).toMatchObject({ reviewRating: { alternateName: 'Spliced', ratingValue: '1' } });
  });

  it('"not found in these sources" rates nothing and names no author or date', () => {
    const review = claimReviewOf(core.ask('/verify "we will rebuild the middle class one paycheck at a time"'));
    expect(review).toMatchObject({ '@type': 'ClaimReview', reviewRating: { '@type': 'Rating', alternateName: 'Not found in these sources' } });
    expect(review!.reviewRating).not.toHaveProperty('ratingValue');
    expect(review!.itemReviewed).not.toHaveProperty('datePublished');
  });

  it('only a /verify answer is a ClaimReview', () => {
    expect(claimReviewOf(core.ask('/quote stoltenberg china'))).toBeNull();
  });
});
