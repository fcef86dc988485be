// The briefing pack (issue 5): the fixed words of the Commissioner's CSA/E briefing (../shared/briefing/csae-briefing.txt)
// that are NOT reference data, and the small pure rules the pack applies. Pure: no Prisma, no Node-only imports.
//
// The briefing's text lives in exactly one place each:
// - its "Current issues" (priority issues), forms of harm, initiatives and partnership forums are reference data,
//   seeded from the briefing by seeds/reference.ts and read from the database (an admin's later edits show);
// - everything else the pack repeats word for word (title, topic, purpose, the background's prose, the partnership
//   and police sentences, the standing list of people to meet, "None pending") is here, and only here.

export const BRIEFING_TITLE = 'Briefing for Police and Crime Commissioner';
export const BRIEFING_TOPIC = 'Child Sexual Abuse/Exploitation (CSA/E)';

/** "Purpose of briefing". */
export const BRIEFING_PURPOSE =
  'To brief the Police and Crime Commissioner (PCC) on the current position and any associated issues relating to CSA/E';

/** "Background", in the briefing's order. The lists between the paragraphs come from reference data. */
export const BRIEFING_BACKGROUND = {
  /** Before the forms of harm. */
  opening:
    'Child Sexual Abuse/Exploitation (CSA/E) is considered a national threat and a public health issue that requires a ' +
    'whole society approach to address the increasing scale and impact of the problem. CSA/E can take many forms.',
  /** After the forms of harm. */
  paragraphs: [
    'Victims of CSA/E suffer both in the short-term; from the actions of the perpetrator and in the long-term from the ' +
      'impact of the trauma they experience. The impact of CSA and CSE is also experienced by the families of victims.',
    'CSA/E has been subject to significant national attention in recent years and designated as a strategic priority by ' +
      'the Government with the same level of significance as terrorism and serious organised crime.',
    'Locally, CSA/E is a priority for many multi-agency mechanisms such as the Children Safeguarding Partnership Boards, ' +
      'MARAC, and Multi-agency Safeguarding Hubs (MASH).',
  ],
  /** Before the initiatives. */
  initiativesIntroduction: 'The Constabulary and partner organisations support several initiatives such as:',
} as const;

/** The harm type the briefing names before its list ("As well as rape and other physical forms of sexual abuse, ..."). */
export const CONTACT_HARM_CODE = 'HARM-CONTACT';

/** The sentence that introduces the forms of harm: the briefing's own, built around the contact-abuse harm type. */
export function formsOfHarmIntroduction(contactHarmName: string | null): string {
  if (!contactHarmName) return 'CSA/E can be evident in:';
  return `As well as ${lowerFirst(contactHarmName)}, CSA/E can also be evident in:`;
}

/** "Partnership involvement". */
export const BRIEFING_PARTNERSHIP =
  'Work is undertaken in a range of multi-agency forums including the two local authority multi-agency Safeguarding ' +
  'Partnerships, MASH, MARAC and MAPPA.';

/** "Police involvement". */
export const BRIEFING_POLICE = 'This area of work is led by the police who are active participants in the above forums.';

/** "People to meet": the standing list of the briefing. */
export const BRIEFING_PEOPLE_TO_MEET =
  "Safeguarding Superintendent, Safeguarding Chairs of the Durham County Council Children's Safeguarding Partnership " +
  'and Chair of Darlington Borough Safeguarding Partnership.';

/** "Decisions needed" when nothing is pending, as the briefing says it. */
export const DECISIONS_NONE_PENDING = 'None pending';

/** Said of a priority issue that no service in scope addresses. */
export const NO_SERVICE_STATEMENT = 'No service addresses this issue';

/** How an author's role is written on the pack (the briefing's "Policy and Commissioning Officer"). */
export const AUTHOR_ROLE_TITLES: Readonly<Record<string, string>> = {
  POLICY_OFFICER: 'Policy and Commissioning Officer',
  ADMIN: 'Portal Administrator',
};

/** The author when no policy officer can be named. */
export const FALLBACK_AUTHOR = { name: 'Policy and Commissioning Team', role: 'Office of the Police and Crime Commissioner' };

/** For officers and admins reading exact figures. */
export const EXACT_FIGURES_NOTICE =
  'These figures are exact. They are for OPCC officers only and are not for circulation: the Commissioner\'s ' +
  'briefing pack shows figures about people under disclosure control (rule CSA-SDC-1). Use the version for ' +
  'circulation before sharing this pack.';

// ---------------------------------------------------------------------------------------------------------------
// Trend: people supported per quarter
// ---------------------------------------------------------------------------------------------------------------

/** How many ended quarters the trend shows (the latest of the selection and the ones before it). */
export const TREND_QUARTERS = 4;

export type TrendDirection = 'UP' | 'DOWN' | 'LEVEL';

/** The direction from `previous` to `latest`, from EXACT figures. */
export function trendDirection(previous: number, latest: number): TrendDirection {
  if (latest > previous) return 'UP';
  if (latest < previous) return 'DOWN';
  return 'LEVEL';
}

const TREND_WORDS: Record<TrendDirection, string> = {
  UP: 'Up on the previous quarter',
  DOWN: 'Down on the previous quarter',
  LEVEL: 'Level on the previous quarter',
};

export interface TrendPoint {
  label: string;
  /** The exact figure. */
  exact: number;
  /** Suppressed by disclosure control (1 to 7 people for a controlled audience). */
  suppressed: boolean;
}

/**
 * The trend of the last two points in words. The direction is worked out from the EXACT figures, but stated only when
 * neither figure is suppressed (saying "up" between two suppressed figures would tell what control hides).
 */
export function trendStatement(points: readonly TrendPoint[]): { direction: TrendDirection | null; statement: string } {
  if (points.length < 2) {
    return { direction: null, statement: 'Not compared: only one quarter has ended.' };
  }
  const latest = points[points.length - 1]!;
  const previous = points[points.length - 2]!;
  if (latest.suppressed || previous.suppressed) {
    return {
      direction: null,
      statement: `Not compared with the previous quarter: a figure is fewer than 8 (${previous.label}, ${latest.label}).`,
    };
  }
  const direction = trendDirection(previous.exact, latest.exact);
  return { direction, statement: `${TREND_WORDS[direction]}: ${latest.label} compared with ${previous.label}.` };
}

// ---------------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------------

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' or a Date as "5 March 2027". */
export function longDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return LONG_DATE.format(date);
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 service", "2 services". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

function lowerFirst(text: string): string {
  // An acronym ("MASH ...") keeps its capitals.
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
