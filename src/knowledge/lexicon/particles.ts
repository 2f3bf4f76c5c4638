/**
 * Small words inside names ("van der Berg", "al-Amr", "Department of Agriculture") and
 * abbreviations that keep their dot ("Mr.", "Inc."). Written for this project.
 */
import { ABBREVIATED_RANKS } from './roles.js';

export const PARTICLES = new Set([
  // Spanish and Portuguese joining words between two family names ("Ortega y Gasset", "Correia e Silva").
  'y',
  'e',
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'dos',
  'del',
  'des',
  'ter',
  'ten',
]);

/** Particles that may open a surname written in lower case ("van der Berg", "de Klerk"). */
export const OPENING_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'du', 'del', 'della', 'da', 'di', 'dos', 'ter', 'ten']);

export const LINKS = new Set(['of', 'for', 'de', 'and']);

export const KEEP_DOT = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'gov',
  'prof',
  'fr',
  ...ABBREVIATED_RANKS,
  'rev',
  'hon',
  'mme',
  'inc',
  'corp',
  'ltd',
  'co',
  'messrs',
  // "Mt. Everest", "Ft. Worth": a place's abbreviated head word.
  'mt',
  'mts',
  'ft',
]);
