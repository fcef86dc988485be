// Likely identifiers in narrative text (domain.md, "The quarterly return", 7 "Narrative"): the portal warns a provider
// before submission when achievements, barriers or the anonymised case study seem to hold something that could identify
// a child or family. Warnings only: nothing is blocked or changed, and the provider decides.
//
// Pure: no Node-only imports, no database, no clock. It runs in the browser as the provider types and on the server
// before submission, with the same results. No lookbehind in any regular expression (a lookbehind is a syntax error in
// Safari before 16.4 and would break the whole page); left boundaries are checked in code instead.
//
// What is flagged, and what is deliberately not (the corpus in tests/fixtures/identifiers.json holds examples of both):
//
// - POSTCODE: a full UK postcode, outward and inward code ("DH1 3LE", "SW1A 1AA", "dl37rw"), any case, with or without
//   the space. A district alone ("DH1") is fine. The area must be one of the 124 real ones (so "KS2 3RD" and "J58 2AB"
//   are not postcodes) and the letters follow the Royal Mail rules (an inward code never holds C, I, K, M, O or V, so
//   "Y9 2pm" is out); a lower-case ordinal ("SE1 1st floor", "B1 2nd") is not an inward code.
// - PHONE_NUMBER: UK geographic and non-geographic numbers starting 01, 02 or 03, and mobiles starting 07, ten digits
//   after the 0, written with 0, +44, 0044 or +44 (0), with single spaces, dashes or brackets. Freephone numbers
//   (0800, 0808, 0500), 084/087/09 numbers and short codes (116 123, 111, 101, 999) are NOT flagged: in a narrative
//   they are national helplines and services ("call Childline on 0800 1111"), which identify nobody. A digit run
//   glued to a currency sign, a decimal point, a comma, a colon or a slash is not a phone number, so money, counts,
//   times and dates do not trigger.
// - EMAIL_ADDRESS: every e-mail address, shared mailboxes included (the code cannot tell "referrals@" from
//   "amy.smith@").
// - NHS_NUMBER: ten digits, run together or spaced 3-3-4 (spaces or dashes), that pass the NHS modulus 11 check
//   (`isValidNhsNumber`): weights 10 down to 2 on the first nine digits, 11 minus the remainder mod 11 is the check
//   digit, 11 means 0 and 10 means the number is invalid. About one random ten-digit number in eleven passes, so a
//   stray reference number can still trigger; a number starting with 0 is left to the phone rules, and one digit
//   repeated ten times ("0000000000", "1111111111") is treated as a placeholder.
// - DATE_OF_BIRTH: an exact date after "DOB", "DOBs", "D.O.B.", "date of birth", "birth date" or "birthday" (also a
//   month and year, "DOB: March 2012", after those words; up to four small words may stand between, "DOB was
//   confirmed as 3/4/12"), an exact date after "born" ("born on 3 May 2011", "born 03/05/2011"), or an exact date
//   followed by "(DOB)". Dates: 12/03/2012, 12-03-12, 12.03.2012, 2012-03-12, 12 March 2012, 12th of Mar 2012,
//   March 12, 2012. "born in 2011" or "born in May 2011" is no more specific than an age: not flagged.
// - NAME_WITH_DATE_OF_BIRTH: a date of birth as above with a capitalised personal name before it in the same sentence:
//   a full name ("Amy Smith"), a title and name ("Miss Smith"), a first name with an age ("Amy (14)", "Amy, aged 14"),
//   or a first name directly joined to the date of birth ("Amy, DOB ...", "Amy's date of birth ...", "Amy was born on
//   ..."). The warning's text runs from the name to the date. It replaces the DATE_OF_BIRTH warning for that date.
//   A capitalised word is not taken for a name when it is a common word (pronouns, "Child", "Mum", months), a place or
//   service word of the area ("Darlington", "Academy", "Police"), or follows "in", "at", "from"... ("lives in
//   Darlington, DOB ..."). Single letters ("Child A", "we call her 'A'") are pseudonyms and never names.
// - SCHOOL_NAME: one or more capitalised words ending in School, Academy, College, or Primary or Comprehensive on
//   their own ("St Mary's Primary School", "Hummersknott Academy", "Carmel College", "Heathfield Primary"), where at
//   least one word names the place rather than describing it: "Primary School", "a Catholic High School", "Forest
//   School", "Sixth Form College", "the Virtual School" and anything in lower case ("primary school", "schools across
//   Darlington", "secondary schools") are fine.
//
// Known limits, on purpose: names without a date of birth are not flagged (a first name alone cannot be told apart
// from other capitalised words); a year or month of birth after "born" is not flagged (no more specific than an age).
// Known limits, not on purpose: a name written after the date of birth, or in another sentence, is not joined to it;
// a first name that is also a month ("April Jones") loses its first word from the warning; "born on" with an exact
// date flags even when it is about a service ("the project, born on 1 April 2024"); a second date after "DOBs ... and"
// is not flagged on its own; a school named without School/Academy/College ("she goes to Hummersknott"), in lower
// case, or a university, is missed; phone numbers from outside the UK, and the few 01 numbers with nine digits after
// the 0, are missed; house numbers and street names are missed (only the postcode of an address is found); a ten-digit
// reference number that happens to pass the NHS check digit is flagged as an NHS number.

export type IdentifierKind =
  | 'NAME_WITH_DATE_OF_BIRTH'
  | 'DATE_OF_BIRTH'
  | 'POSTCODE'
  | 'PHONE_NUMBER'
  | 'EMAIL_ADDRESS'
  | 'NHS_NUMBER'
  | 'SCHOOL_NAME';

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = Object.freeze([
  'NAME_WITH_DATE_OF_BIRTH',
  'DATE_OF_BIRTH',
  'POSTCODE',
  'PHONE_NUMBER',
  'EMAIL_ADDRESS',
  'NHS_NUMBER',
  'SCHOOL_NAME',
] as const);

export interface IdentifierWarning {
  kind: IdentifierKind;
  /** The exact words that triggered the warning: `text.slice(start, end)` of the text searched. */
  text: string;
  /** Offsets in the text searched (UTF-16 code units, as `String.prototype.slice` counts). */
  start: number;
  end: number;
  /** Plain English for the provider, quoting `text`. */
  message: string;
}

interface Found {
  kind: IdentifierKind;
  start: number;
  end: number;
}

/** Warnings for everything in `text` that looks like it could identify a person, sorted by position. */
export function findLikelyIdentifiers(text: string): IdentifierWarning[] {
  if (!text) return [];
  const found: Found[] = [
    ...findEmailAddresses(text),
    ...findPostcodes(text),
    ...findNumbers(text),
    ...findDatesOfBirth(text),
    ...findSchoolNames(text),
  ];
  // Digits and letters inside an e-mail address are part of the address, not a postcode or phone number of their own.
  const emails = found.filter((f) => f.kind === 'EMAIL_ADDRESS');
  const outsideEmails = found.filter(
    (f) => f.kind === 'EMAIL_ADDRESS' || !emails.some((e) => f.start >= e.start && f.end <= e.end),
  );
  outsideEmails.sort((a, b) => a.start - b.start || b.end - a.end || kindOrder(a.kind) - kindOrder(b.kind));
  const lastEndByKind = new Map<IdentifierKind, number>();
  const warnings: IdentifierWarning[] = [];
  for (const f of outsideEmails) {
    if (f.start >= f.end) continue;
    const lastEnd = lastEndByKind.get(f.kind);
    if (lastEnd !== undefined && f.start < lastEnd) continue; // overlaps an earlier warning of the same kind
    lastEndByKind.set(f.kind, f.end);
    const words = text.slice(f.start, f.end);
    warnings.push({ kind: f.kind, text: words, start: f.start, end: f.end, message: identifierMessage(f.kind, words) });
  }
  return warnings;
}

function kindOrder(kind: IdentifierKind): number {
  return IDENTIFIER_KINDS.indexOf(kind);
}

/** The plain-English warning for `words` found as `kind`. */
export function identifierMessage(kind: IdentifierKind, words: string): string {
  const quoted = `"${words}"`;
  switch (kind) {
    case 'NAME_WITH_DATE_OF_BIRTH':
      return (
        `This looks like a name with a date of birth: ${quoted}. Remove both: use a letter such as "A" ` +
        `instead of the name, and an age band such as "aged 13 to 17" instead of the date of birth.`
      );
    case 'DATE_OF_BIRTH':
      return `This looks like a date of birth: ${quoted}. Remove it or give an age band instead, e.g. "aged 13 to 17".`;
    case 'POSTCODE':
      return `This looks like a postcode: ${quoted}. Remove it or make it less specific, e.g. "County Durham".`;
    case 'PHONE_NUMBER':
      return `This looks like a phone number: ${quoted}. Remove it: a phone number can identify a child or family.`;
    case 'EMAIL_ADDRESS':
      return `This looks like an e-mail address: ${quoted}. Remove it: an e-mail address can identify a person.`;
    case 'NHS_NUMBER':
      return `This looks like an NHS number: ${quoted}. Remove it: an NHS number identifies one person.`;
    case 'SCHOOL_NAME':
      return (
        `This looks like the name of a school: ${quoted}. Remove it or describe the school instead, ` +
        `e.g. "${schoolDescription(words)}".`
      );
  }
}

function schoolDescription(name: string): string {
  if (/\b(?:Primary|Infants?|Junior|Juniors|First)\b/.test(name)) return 'a primary school';
  if (/\bNursery\b/.test(name)) return 'a nursery';
  if (/\b(?:Secondary|High|Comprehensive|Grammar|Upper)\b/.test(name)) return 'a secondary school';
  if (/\bCollege\b/.test(name)) return 'a college';
  return 'a local school';
}

// ---------------------------------------------------------------------------------------------------------------------
// NHS numbers

/**
 * The NHS modulus 11 check digit for the first nine digits of an NHS number, or null when no check digit exists
 * (the calculation gives 10: no valid NHS number starts with those nine digits).
 */
export function nhsCheckDigit(firstNineDigits: string): number | null {
  if (!/^\d{9}$/.test(firstNineDigits)) throw new RangeError('nhsCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** True when `value` is ten digits (spaces and dashes ignored) whose last digit is the NHS modulus 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && DIGIT.test(c);
}

/** A set of the words in `list`, separated by white space. */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Every match of `pattern`, retrying one character later when `accept` refuses one (a hand-made left boundary). */
function* findAll(
  pattern: RegExp,
  text: string,
  accept: (m: RegExpExecArray) => boolean = () => true,
): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '' || !accept(m)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// E-mail addresses

// Lengths are bounded (64 before the @, as RFC 5321 allows) so that a long run of letters costs linear time.
const EMAIL =
  /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,6}\.\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

function findEmailAddresses(text: string): Found[] {
  const found: Found[] = [];
  for (const m of findAll(EMAIL, text, (m) => !/[\p{L}\p{N}._%+-]/u.test(text[m.index - 1] ?? ' '))) {
    let start = m.index;
    // A leading dot or dash is punctuation before the address ("...-amy@x.org" never starts an address).
    while (/[.\-]/.test(text[start] ?? '')) start++;
    found.push({ kind: 'EMAIL_ADDRESS', start, end: m.index + m[0].length });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------------
// Postcodes

// Outward code A9, A99, AA9, AA99, A9A or AA9A, then the inward code 9AA; letters as the Royal Mail allows them.
const POSTCODE =
  /([A-PR-UWYZ][A-HK-Y]?)(?:\d[ABEHMNPRV-Y\d]?|\d[A-HJKPSTUW\d]?) ?\d([ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/giu;

// The postcode areas of the UK, Channel Islands and Isle of Man (the letters before the first digit).
const POSTCODE_AREAS = wordSet(`
  AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY
  G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP
  NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W
  WA WC WD WF WN WR WS WV YO ZE
`);

function findPostcodes(text: string): Found[] {
  const found: Found[] = [];
  for (const m of findAll(POSTCODE, text, (m) => !isLetterOrDigit(text[m.index - 1]))) {
    if (!POSTCODE_AREAS.has((m[1] ?? '').toUpperCase())) continue; // "J58 2AB": no such area
    const unit = m[2] ?? '';
    if (/^(?:st|nd|rd|th)$/.test(unit)) continue; // "SE1 1st", "B1 2nd": an ordinal, not an inward code
    found.push({ kind: 'POSTCODE', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------------
// Phone numbers and NHS numbers

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

// A run of digit groups joined by one space, one dash or brackets: "07700 900123", "+44 (0)20 7946 0018".
const NUMBER_RUN = /(?:\+|\(\+?)?\d+(?:(?:[ -]\(?|\)[ -]?|\()\d+)*\)?/g;

function numberRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  const leftOk = (i: number) => {
    const before = text[i - 1];
    if (before === undefined) return true;
    if (isLetterOrDigit(before) || /[£$€@_#&'’/]/.test(before)) return false;
    // "1,500", "2.5", "10:30", "Q2-2026": glued to a number or word, not the start of one.
    if (/[.,:\-]/.test(before) && isLetterOrDigit(text[i - 2])) return false;
    return true;
  };
  const rightOk = (j: number) => {
    const after = text[j];
    if (after === undefined) return true;
    if (isLetterOrDigit(after) || /[%@_£$€]/.test(after)) return false;
    if (/[.,:/\-]/.test(after) && isDigit(text[j + 1])) return false;
    return true;
  };
  for (const m of findAll(NUMBER_RUN, text, (m) => leftOk(m.index) && rightOk(m.index + m[0].length))) {
    const groups: DigitGroup[] = [];
    for (const g of m[0].matchAll(/\d+/g)) {
      const start = m.index + (g.index ?? 0);
      groups.push({ start, end: start + g[0].length, digits: g[0] });
    }
    runs.push(groups);
  }
  return runs;
}

function isUkPhoneNumber(written: string): boolean {
  const compact = written.replace(/[\s()-]/g, '');
  let national: string;
  if (compact.startsWith('+44')) national = compact.slice(3);
  else if (compact.startsWith('0044')) national = compact.slice(4);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return false;
  if (compact[0] !== '0' || compact.startsWith('0044')) {
    if (national.startsWith('0')) national = national.slice(1); // the "(0)" of "+44 (0)7700 900123"
  }
  // 01, 02, 03 and 07 numbers have ten digits after the 0. 0800, 0808, 0500, 084, 087 and 09 numbers do not pass:
  // see the header. (The few 01 numbers with nine digits after the 0 are missed: ten digits run together are more
  // often a reference number.)
  return /^[1237]\d{9}$/.test(national);
}

function findNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const groups of numberRuns(text)) {
    const used = groups.map(() => false);
    const plainSeparator = (i: number) => {
      const a = groups[i];
      const b = groups[i + 1];
      if (!a || !b) return false;
      const between = text.slice(a.end, b.start);
      return between === ' ' || between === '-';
    };
    // NHS numbers first: ten digits, or 3-3-4.
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      let last = -1;
      if (g.digits.length === 10) last = i;
      else if (
        g.digits.length === 3 &&
        groups[i + 1]?.digits.length === 3 &&
        groups[i + 2]?.digits.length === 4 &&
        plainSeparator(i) &&
        plainSeparator(i + 1)
      ) {
        last = i + 2;
      }
      if (last < 0) continue;
      const digits = groups
        .slice(i, last + 1)
        .map((x) => x.digits)
        .join('');
      if (digits[0] === '0' || /^(\d)\1{9}$/.test(digits) || !isValidNhsNumber(digits)) continue;
      found.push({ kind: 'NHS_NUMBER', start: g.start, end: groups[last]!.end });
      for (let k = i; k <= last; k++) used[k] = true;
      i = last;
    }
    // Then phone numbers: the longest run of groups from a starting group that reads as a UK number.
    for (let i = 0; i < groups.length; i++) {
      if (used[i]) continue;
      let start = groups[i]!.start;
      if (text[start - 1] === '+') start--;
      if (text[start - 1] === '(') start--;
      for (let j = Math.min(groups.length - 1, i + 6); j >= i; j--) {
        if (used.slice(i, j + 1).some(Boolean)) continue;
        let end = groups[j]!.end;
        const written = text.slice(start, end);
        if (count(written, '(') > count(written, ')') && text[end] === ')') end++;
        if (!isUkPhoneNumber(text.slice(start, end))) continue;
        found.push({ kind: 'PHONE_NUMBER', start, end });
        for (let k = i; k <= j; k++) used[k] = true;
        i = j;
        break;
      }
    }
  }
  return found;
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

// ---------------------------------------------------------------------------------------------------------------------
// Dates of birth, and names with them

const MONTH =
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?` +
  String.raw`|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\p{L}])\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const EXACT_DATE =
  String.raw`(?:${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])` +
  String.raw`|${DAY}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:${YEAR}|\d{2})` +
  String.raw`|${DAY}${ORDINAL}\s+(?:of\s+)?${MONTH},?\s+${YEAR}` +
  String.raw`|${MONTH}\s+${DAY}${ORDINAL},?\s+${YEAR})(?!\d)`;
const MONTH_AND_YEAR = String.raw`(?:${MONTH},?\s+${YEAR}|(?:0?[1-9]|1[0-2])[/.\-]${YEAR})(?!\d)`;
const DOB_WORDS = String.raw`(?:\bd\.?o\.?b(?:s|['’]s)?\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bbirthday\b)`;
// Up to four small words or signs between "DOB" and the date: "DOB: ", "date of birth is the ", "DOB was given as ".
const FILLER_WORD = String.raw`(?:is|was|of|on|the|as|given|recorded|confirmed|listed|stated|noted|shown)`;
const FILLER = String.raw`(?:\s*(?:[:=\-–(]|\b${FILLER_WORD}\b)){0,4}\s*`;

const DATE_OF_BIRTH = new RegExp(
  String.raw`${DOB_WORDS}${FILLER}(?:${EXACT_DATE}|${MONTH_AND_YEAR})` +
    String.raw`|\bborn(?:\s+on)?(?:\s+the)?\s+${EXACT_DATE}` +
    String.raw`|${EXACT_DATE}\s*\(\s*(?:d\.?o\.?b\b\.?|date\s+of\s+birth)\s*\)`,
  'giu',
);

const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master']);

// Capitalised words that start sentences or describe people: trimmed from either end of a run of capitalised words.
const NOT_NAMES = wordSet(`
  I He She They We You It Her His Him Their Them Our My Your Its Hers Theirs The A An This That These Those Some Any
  Each Every All One Both Another Other And But Or So Then When While After Before Since Because As If Also However
  Although Though Following During On In At By For From To With Of Per Via Into Onto Who Whose Which What Where Why
  How Yes No Not Here There Today Yesterday Recently Previously Currently Later Initially Finally Overall Once Now
  Meanwhile Unfortunately Sadly Thankfully Despite Please Note Name Names Age Aged Date Birth Born Gender Female Male
  Ethnicity Child Children Young Person People Girl Girls Boy Boys Baby Infant Teenager Teen Client Clients Service
  User Users Victim Victims Survivor Survivors Pupil Pupils Student Students Learner Learners Mum Mom Mother Dad
  Father Parent Parents Carer Carers Guardian Foster Sister Brother Sibling Siblings Daughter Son Grandmother
  Grandfather Nan Nana Gran Grandma Grandad Granddad Aunt Auntie Uncle Cousin Family Friend Friends Partner
  Boyfriend Girlfriend Worker Workers Practitioner Practitioners Officer Officers Social Support Case Study Referral
  Referrals Referred Record Records Details Information Data Status Quarter Year Week Month Day Notes Summary
  Background Outcome Outcomes Achievements Barriers Risks Themes Help Needed Anonymised Anonymous Pseudonym
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
`);

// Capitalised words of places, services and institutions: a run of capitalised words holding one is not a name
// ("Hummersknott Academy", "Darlington Police", "Children's Social Care").
const NOT_PERSONAL = wordSet(`
  Academy School College Nursery University Hospital Hospice Surgery Clinic Practice Hub Centre Center Council
  Police Constabulary Court Courts Services Team Teams Project Programme Unit Trust Board Partnership Network
  Office Commissioner Authority Department Ministry Agency Charity Foundation Society Association Club Group
  Chapel Mosque Temple Street Road Avenue Estate Village Town City County Borough District Region North South
  East West Northern Southern Eastern Western Darlington Durham Hartlepool Stockton Middlesbrough Redcar Cleveland
  Teesside Tees Sunderland Newcastle Gateshead Tyneside Northumberland Consett Seaham Peterlee Spennymoor Auckland
  Aycliffe Barnard Shildon Ferryhill Sedgefield Teesdale Weardale England Wales Scotland Ireland Britain Kingdom
  London Barnardo Childline Ofsted Operation Encompass Health Care Safeguarding Protection Education Early Help
  Youth Justice Probation Prison Custody Sexual Exploitation Abuse Criminal Assault Referral Act Order Plan
  Strategy Conference Panel Meeting Review Christmas Easter Eid Diwali Ramadan Halloween Term
`);

const PLACE_PREPOSITIONS = wordSet('in at from near to of across around within into via');

// A capitalised word: "Amy", "O'Brien", "McDonald", "Smith-Jones", "Siân"; a run of them separated by spaces.
const CAPITAL = String.raw`(?:\p{Lu}['’](?=\p{Lu}))?\p{Lu}[\p{L}-]*\p{Ll}`;
const CAPITALISED_WORD = new RegExp(CAPITAL, 'gu');
const CAPITALISED_RUN = new RegExp(String.raw`${CAPITAL}(?:[ \t\u00a0]+${CAPITAL})*`, 'gu');

// What may stand between a first name on its own and the date of birth it belongs to: "Amy's date of birth",
// "Amy (14), DOB", "Amy, 14, DOB", "Amy (DOB", "Amy was born".
const JOINED_TO_DATE_OF_BIRTH = new RegExp(
  String.raw`^(?:['’]s)?(?:\s*\(\s*(?:aged\s+)?\d{1,2}\s*\))?(?:\s*,\s*(?:aged\s+)?\d{1,2}\s*(?=,))?` +
    String.raw`\s*[,:;(\-–]?\s*(?:(?:who\s+)?(?:was|is)\s+)?$`,
  'iu',
);
// An age right after a first name: "Amy (14)", "Amy, aged 14", "Amy, 14,".
const AGE_AFTER_NAME = /^(?:\s*\(\s*(?:aged\s+)?\d{1,2}\s*\)|\s*,\s*aged\s+\d{1,2}(?!\d)|\s*,\s*\d{1,2}\s*,)/iu;

const NAME_WINDOW = 120; // characters before a date of birth searched for a name
const FULL_NAME_GAP = 80; // at most this many characters between a full name and the date of birth

interface NameCandidate {
  start: number;
  end: number;
  full: boolean; // a full name, or a title and a name
}

function findDatesOfBirth(text: string): Found[] {
  const found: Found[] = [];
  let previousEnd = 0;
  for (const m of findAll(DATE_OF_BIRTH, text, (m) => !isLetterOrDigit(text[m.index - 1]))) {
    const start = m.index;
    let end = m.index + m[0].length;
    const name = nameBefore(text, start, previousEnd);
    if (name) {
      const written = text.slice(name.start, end);
      // "Amy Smith (DOB 12/03/2012)": the closing bracket belongs to the warning too.
      if (count(written, '(') > count(written, ')') && /^\s*\)/.test(text.slice(end))) {
        end = text.indexOf(')', end) + 1;
      }
      found.push({ kind: 'NAME_WITH_DATE_OF_BIRTH', start: name.start, end });
    } else {
      found.push({ kind: 'DATE_OF_BIRTH', start, end });
    }
    previousEnd = end;
  }
  return found;
}

/**
 * The start of the sentence holding `position` (after the last ". ", "! ", "? " or line break before it), or `limit`
 * when the sentence starts before that.
 */
function sentenceStart(text: string, position: number, limit: number): number {
  for (let i = position - 1; i > limit; i--) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '')) {
      if (c === '.') {
        const word = /(\p{L}+)$/u.exec(text.slice(Math.max(0, i - 10), i))?.[1] ?? '';
        if (TITLES.has(word) || word === 'St') continue; // "Mrs. Smith", "St. Mary's"
      }
      return i + 1;
    }
  }
  return Math.max(0, limit);
}

/** The personal name nearest before the date of birth at `dobStart`, in its sentence, if there is one. */
function nameBefore(text: string, dobStart: number, notBefore: number): NameCandidate | null {
  const windowStart = Math.max(sentenceStart(text, dobStart, dobStart - NAME_WINDOW), notBefore);
  const window = text.slice(windowStart, dobStart);
  const candidates: NameCandidate[] = [];
  for (const run of window.matchAll(CAPITALISED_RUN)) {
    const runStart = windowStart + (run.index ?? 0);
    const words = [...run[0].matchAll(CAPITALISED_WORD)].map((w) => ({
      word: w[0],
      start: runStart + (w.index ?? 0),
      end: runStart + (w.index ?? 0) + w[0].length,
    }));
    if (words.some((w) => NOT_PERSONAL.has(w.word))) continue;
    let first = 0;
    let last = words.length - 1;
    let title = false;
    while (first <= last && !TITLES.has(words[first]!.word) && NOT_NAMES.has(words[first]!.word)) first++;
    if (first <= last && TITLES.has(words[first]!.word)) {
      title = true;
    }
    while (last >= first && NOT_NAMES.has(words[last]!.word)) last--;
    if (last < first) continue;
    const kept = words.slice(first, last + 1);
    if (kept.some((w, k) => NOT_NAMES.has(w.word) && !(k === 0 && title))) continue;
    const nameWords = title ? kept.slice(1) : kept;
    if (nameWords.length === 0) continue;
    const start = kept[0]!.start;
    const end = kept[kept.length - 1]!.end;
    // "Sessions in Darlington", "referred from Stockton": after a preposition a capitalised word is a place.
    const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, start - 15), start))?.[1];
    if (!title && before !== undefined && PLACE_PREPOSITIONS.has(before.toLowerCase())) continue;
    candidates.push({ start, end, full: title || nameWords.length >= 2 });
  }
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k]!;
    const gap = text.slice(c.end, dobStart);
    if (c.full) {
      if (gap.length <= FULL_NAME_GAP) return c;
    } else if (JOINED_TO_DATE_OF_BIRTH.test(gap) || AGE_AFTER_NAME.test(gap)) {
      return c;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// School names

const SCHOOL_WORD = String.raw`(?:St\.|(?:\p{Lu}['’](?=\p{Lu}))?\p{Lu}[\p{L}-]*\p{Ll}(?:['’]s?)?)`;
const SCHOOL_ABBREVIATION = String.raw`\p{Lu}{1,4}`; // RC, CE, C of E, VA
const SCHOOL_CONNECTOR = String.raw`(?:of|and|&|the|upon|on)`;
// "Darlington School Nursing Team", "Durham School Sport Partnership": services for schools, not a school.
const FOR_SCHOOLS =
  String.raw`(?:Nurse|Nurses|Nursing|Health|Sport|Sports|Games|Partnership|Improvement|Liaison|Admissions|Transport` +
  String.raw`|Meals|Counsellor|Counselling|Readiness|Places|Census|Link|Links|Support|Service|Services|Team|Teams)`;
const SCHOOL_TYPE =
  String.raw`(?:School(?![ \t]+${FOR_SCHOOLS}(?![\p{L}]))|Academy|College` +
  String.raw`|Comprehensive(?![ \t]+\p{Lu})|Primary(?![ \t]+\p{Lu}))`;
const SPACE = String.raw`[ \t\u00a0]+`;
// Up to eight words before the type, the shortest that reaches one: "Hummersknott Academy and Carmel College" is two.
const SCHOOL = new RegExp(
  String.raw`${SCHOOL_WORD}(?:${SPACE}(?:${SCHOOL_CONNECTOR}${SPACE})?(?:${SCHOOL_WORD}|${SCHOOL_ABBREVIATION}))` +
    String.raw`{0,7}?` +
    String.raw`${SPACE}${SCHOOL_TYPE}(?![\p{L}\p{N}])`,
  'gu',
);

// Words before a school's name that are not part of it: trimmed from the start (with NOT_NAMES).
const NOT_SCHOOL_NAME_START = wordSet(`
  The A An At In On From To For With By Of And Our Their His Her Its My Your This That These Those Both Each Every
  Several Many Some Two Three Four Five All Local Staff Pupils Students Teachers Parents Head Headteacher
  Headteachers Deputy Governors Year Years Yesterday Today Meanwhile Also We They She He Including Visited Visiting
  Attending Contacted Partner Partners Like Unlike Via Through Across Within Other Another Whose When While After
  Before During Since Following Then Recently Last Next Previously Where Which As If But Or So Most Nearby
`);
const SCHOOL_CONNECTORS = wordSet('of and & the upon on');

// Words that describe a school rather than name it: a name made of these alone is not flagged.
const DESCRIBES_A_SCHOOL = wordSet(`
  St St. Saint Primary Secondary High Grammar Comprehensive Infant Infants Junior Juniors Nursery Middle First
  Upper Lower Special Specialist Free Community Church England Catholic Roman Methodist Anglican Jewish Islamic
  Sixth Form Academy College School Local Mainstream Independent State Public Private Boarding Faith Village
  Federation Virtual Hospital Forest Summer Sunday Saturday Holiday Night Weekend Day Driving Dance Music Drama
  Theatre Performing Arts Art Football Rugby Cricket Netball Boxing Sports Sport Youth Coaching Police Royal Home
  Language Further Higher Education Training Leadership Skills Digital Cyber Apprenticeship Alternative Provision
  Pupil Referral Unit Feeder Partner Participating Pilot Host Lead Hub Teaching Beacon Flagship Member Target Named
  Designated Outstanding Good Inadequate Healthy Rights Respecting Eco Trauma Informed Attachment Aware
  Compassionate Inclusive Sanctuary Nurture Medical Nursing Business Online National Regional Secure Residential
`);

function findSchoolNames(text: string): Found[] {
  const found: Found[] = [];
  const startsAWord = (m: RegExpExecArray) =>
    !isLetterOrDigit(text[m.index - 1]) && !/['’]/.test(text[m.index - 1] ?? '');
  for (const m of findAll(SCHOOL, text, startsAWord)) {
    const end = m.index + m[0].length;
    if (/^[ \t]+Hospital\b/.test(text.slice(end))) continue; // "King's College Hospital"
    const tokens = [...m[0].matchAll(/\S+/g)].map((t) => ({ word: t[0], start: m.index + (t.index ?? 0) }));
    let first = 0;
    while (
      first < tokens.length - 1 &&
      (NOT_SCHOOL_NAME_START.has(tokens[first]!.word) ||
        NOT_NAMES.has(tokens[first]!.word) ||
        SCHOOL_CONNECTORS.has(tokens[first]!.word))
    ) {
      first++;
    }
    const kept = tokens.slice(first);
    const namesThePlace = (word: string) =>
      /\p{Ll}/u.test(word) && !SCHOOL_CONNECTORS.has(word) && !DESCRIBES_A_SCHOOL.has(word.replace(/['’]s?$/u, ''));
    if (!kept.some((t) => namesThePlace(t.word))) continue;
    found.push({ kind: 'SCHOOL_NAME', start: kept[0]!.start, end });
  }
  return found;
}
