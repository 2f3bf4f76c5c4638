/**
 * Documents and accounts that speak for someone: a statement, a letter, a social-media account.
 * Written for this project from English news usage. The verbs and phrases around them (who issued
 * a document, whose account it is) are read in speech.ts; the nouns live here.
 */

/** Documents that speak for whoever issued them ("…," read the statement). */
export const DOCUMENT_NOUNS = new Set(['statement', 'release', 'communique', 'communiqué', 'announcement', 'advisory']);

/** Documents named with who issued them ("a statement from Amnesty International", "the letter by the ministry"). */
export const ISSUED_DOCUMENTS = [...DOCUMENT_NOUNS, 'press release', 'letter', 'message', 'note'];

/** Documents that hold a person's own words ("Snowe's full statement is below:", "Obama's remarks:"). */
export const OWN_DOCUMENTS = ['statement', 'remarks', 'letter', 'message', 'words', 'speech', 'testimony', 'post', 'tweet'];

/** An account that speaks for its owner ("the official Twitter handle of", "the Facebook page of"). */
export const ACCOUNTS = ['handle', 'account', 'page', 'feed', 'channel', 'website', 'site'];

/** Platforms an account may be named by. */
export const PLATFORMS = ['twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'social media', 'weibo', 'telegram'];
