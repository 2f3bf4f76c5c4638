/**
 * British and American spellings of one word that no spelling rule covers (the -ise/-ize, -yse/-yze
 * and -our/-or rules are in answer/verify/forms.ts), for /verify: "defence" and "defense" are the
 * same word. From the usual lists of British and American spelling differences.
 */

/**
 * British and American spellings that no rule below covers. Each pair maps to one spelling
 * (the American one) so either side compares equal.
 */
export const SPELLINGS = new Map<string, string>(
  Object.entries({
    defence: 'defense',
    offence: 'offense',
    licence: 'license',
    pretence: 'pretense',
    centre: 'center',
    centres: 'centers',
    theatre: 'theater',
    metre: 'meter',
    metres: 'meters',
    litre: 'liter',
    fibre: 'fiber',
    programme: 'program',
    programmes: 'programs',
    grey: 'gray',
    judgement: 'judgment',
    ageing: 'aging',
    travelled: 'traveled',
    travelling: 'traveling',
    cancelled: 'canceled',
    labelled: 'labeled',
    modelling: 'modeling',
    fuelled: 'fueled',
    signalled: 'signaled',
    levelled: 'leveled',
    counselling: 'counseling',
    marvellous: 'marvelous',
    jewellery: 'jewelry',
    fulfil: 'fulfill',
    enrol: 'enroll',
    skilful: 'skillful',
    instalment: 'installment',
    dialogue: 'dialog',
    catalogue: 'catalog',
    manoeuvre: 'maneuver',
    sceptical: 'skeptical',
    cheque: 'check',
    tyre: 'tire',
    plough: 'plow',
    aluminium: 'aluminum',
  }),
);
