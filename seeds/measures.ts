// The measure library and the default quarterly return template (domain.md, "The quarterly return"), as data.
// seedBreakdowns() runs at every start-up (inserts what is missing, never changes existing rows);
// seedMeasureLibrary() creates the measures, the DEFAULT v1 template, its sections and its checks once, and does
// nothing when that template exists.
//
// =====================================================================================================================
// VALUES: ReturnValue.breakdownKey
// =====================================================================================================================
// - ''                        a measure's total, or the only value of a measure without a breakdown.
// - 'POLICE'                  a cell of a one-dimensional breakdown: the BreakdownOption code.
// - 'AGE_13_15|GIRL_WOMAN'    a cell of a two-dimensional breakdown: the primary breakdown's option code, '|', the
//                             secondary breakdown's option code (Measure.breakdownId, then secondaryBreakdownId).
// Option codes are upper-case letters, digits and '_' (never '|'). Every breakdown has the option 'NOT_KNOWN'
// (isNotKnown true), so that its cells can always add up to the total.
// A measure with a breakdown stores its cells AND its total at '' - except a "breakdown-only" measure, one whose
// total is another measure (`totalMeasure` below: NEW_USERS_AGE_GENDER's total is NEW_USERS). Breakdown-only measures
// have no '' row. In the database the pairing shows as a breakdownSumsToTotal check whose `total` names another measure.
// Units: COUNT and DAYS are whole numbers >= 0; DECIMAL (FTE) >= 0 with up to 2 decimal places; MONEY is pounds and
// pence >= 0; PERCENT is 0-100; TEXT is free text. Zero is a value; a blank needs ReturnValue.blankReason.
//
// =====================================================================================================================
// CHECKS: TemplateCheck.rule (JSON). One engine evaluates them in the browser and on the server.
// =====================================================================================================================
// Operand = "MEASURE_CODE"                         the measure's total: its '' value, or for a breakdown-only
//                                                  measure the sum of its cells
//         | { "measure": "MEASURE_CODE", "key": "POLICE" }   one cell
//
// { "type": "lte", "left": Operand, "right": Operand }
//     left <= right.                      e.g. { "type": "lte", "left": "REF_ACCEPTED", "right": "REF_RECEIVED" }
// { "type": "breakdownSumsToTotal", "measure": "CODE", "total"?: "CODE" }
//     The sum of every cell of `measure` (all keys except '', 'NOT_KNOWN' included; for a two-dimensional breakdown
//     all 'a|b' cells) equals the '' value of `total`, or of `measure` itself when `total` is absent. Blank cells
//     count as 0. e.g. { "type": "breakdownSumsToTotal", "measure": "NEW_USERS_AGE_GENDER", "total": "NEW_USERS" }
// { "type": "range", "measure": "CODE", "min"?: number, "max"?: number }
//     Every value of the measure (total and cells) lies in [min, max].
// { "type": "changeVsLastQuarter", "measure": "CODE", "percent": 50, "absolute": 10 }
//     Compares the total with the same service's return for the previous quarter; fails when the change is more
//     than `absolute` AND more than `percent`% of last quarter's value (last quarter 0: any change over `absolute`).
//     Skipped when there is no previous return or either value is blank.
// { "type": "minRatio", "numerator": Operand, "denominator": Operand, "min": 0.8 }
//     Fails when denominator > 0 and numerator / denominator < min. Skipped when the denominator is 0.
// { "type": "targetMet", "measures"?: ["CODE", ...] }
//     For each measure (default: every measure of the return) with a Target for the service and the period's
//     financial year: the quarter's target (Target.quarter = the period's quarter) if there is one, otherwise the
//     annual target (quarter 0) - divided by 4 for COUNT and MONEY, as it is for DAYS, PERCENT and DECIMAL.
//     HIGHER_IS_BETTER fails when the total < target; LOWER_IS_BETTER fails when the total > target; NEUTRAL never fails.
//
// Common rules: a check applies only when every measure it names is in the return (a module's checks apply only to
// services with that module); it is skipped when an operand it needs is blank. HARD checks block submission.
// SOFT checks need an explanation: a non-empty comment on the '' row of the measure the check is about (lte: `left`;
// changeVsLastQuarter: `measure`; minRatio: `numerator`; targetMet: each measure that missed its target).
// TemplateCheck.message is shown to the provider as it is.

import type { PrismaClient } from '../prisma/client';

/** A client or an interactive transaction's client. */
export type SeedDb = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const NOT_KNOWN = 'NOT_KNOWN';

/** The breakdownKey of a value: '' for a total, else the option code(s) joined by '|'. */
export function breakdownKey(primary?: string | null, secondary?: string | null): string {
  if (!primary) return '';
  return secondary ? `${primary}|${secondary}` : primary;
}

// ---------------------------------------------------------------------------------------------------------------
// Rule shapes
// ---------------------------------------------------------------------------------------------------------------

export type CheckOperand = string | { measure: string; key: string };

export type CheckRule =
  | { type: 'lte'; left: CheckOperand; right: CheckOperand }
  | { type: 'breakdownSumsToTotal'; measure: string; total?: string }
  | { type: 'range'; measure: string; min?: number; max?: number }
  | { type: 'changeVsLastQuarter'; measure: string; percent: number; absolute: number }
  | { type: 'minRatio'; numerator: CheckOperand; denominator: CheckOperand; min: number }
  | { type: 'targetMet'; measures?: string[] };

export interface CheckDefinition {
  code: string;
  severity: 'HARD' | 'SOFT';
  rule: CheckRule;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Breakdowns
// ---------------------------------------------------------------------------------------------------------------

export interface BreakdownOptionDefinition {
  code: string;
  label: string;
  publishedBand?: string;
}

export interface BreakdownDefinition {
  code: string;
  label: string;
  /** In display order; 'NOT_KNOWN' ("Not known") is appended to every breakdown. */
  options: BreakdownOptionDefinition[];
  /** The label of the Not known option, when "Not known" alone would read oddly. */
  notKnownLabel?: string;
}

const opt = (code: string, label: string, publishedBand?: string): BreakdownOptionDefinition =>
  publishedBand ? { code, label, publishedBand } : { code, label };

export const BREAKDOWNS: readonly BreakdownDefinition[] = [
  {
    code: 'AGE_BAND',
    label: 'Age band',
    options: [
      opt('AGE_0_4', '0-4', 'Under 13'),
      opt('AGE_5_9', '5-9', 'Under 13'),
      opt('AGE_10_12', '10-12', 'Under 13'),
      opt('AGE_13_15', '13-15', '13-17'),
      opt('AGE_16_17', '16-17', '13-17'),
      opt('AGE_18_24', '18-24', '18+'),
      opt('AGE_25_PLUS', '25+', '18+'),
    ],
  },
  {
    code: 'GENDER',
    label: 'Gender',
    options: [opt('GIRL_WOMAN', 'Girl or woman'), opt('BOY_MAN', 'Boy or man'), opt('NON_BINARY_OTHER', 'Non-binary or other')],
  },
  {
    code: 'ETHNICITY',
    label: 'Ethnicity (2021 Census high-level groups)',
    options: [
      opt('ASIAN', 'Asian or Asian British'),
      opt('BLACK', 'Black, Black British, Caribbean or African'),
      opt('MIXED', 'Mixed or multiple ethnic groups'),
      opt('WHITE', 'White'),
      opt('OTHER', 'Other ethnic group'),
    ],
  },
  {
    code: 'DISABILITY',
    label: 'Disability',
    options: [opt('DISABLED', 'Disabled'), opt('NOT_DISABLED', 'Not disabled')],
  },
  {
    code: 'REFERRAL_SOURCE',
    label: 'Referral source',
    options: [
      opt('POLICE', 'Police'),
      opt('CHILDRENS_SOCIAL_CARE', "Children's social care"),
      opt('HEALTH', 'Health, SARC or CAMHS'),
      opt('EDUCATION', 'Education'),
      opt('VOLUNTARY_SECTOR', 'Voluntary sector'),
      opt('SELF_FAMILY', 'Self or family'),
      opt('OTHER', 'Other'),
    ],
  },
  {
    code: 'ABUSE_CONTEXT',
    label: 'Primary context of abuse',
    options: [
      opt('INTRA_FAMILIAL', 'Intra-familial'),
      opt('EXTRA_FAMILIAL', 'Extra-familial'),
      opt('CSE', 'Child sexual exploitation'),
      opt('HSB', 'Harmful sexual behaviour'),
    ],
  },
  {
    // Option codes are the HarmType codes without "HARM-" (hyphens as underscores); labels are the harm types' names.
    code: 'HARM_TYPE',
    label: 'Primary form of harm',
    options: [
      opt('CONTACT', 'Rape and other physical forms of sexual abuse'),
      opt('TRAFFICKING', 'Modern Slavery and Human Trafficking'),
      opt('COUNTY_LINES', 'County Lines and Organised Crime Gangs'),
      opt('CYBERBULLYING', 'Cyberbullying'),
      opt('SEXTING', 'Sexting/distributing indecent images of children'),
      opt('STREAMING', 'Online streaming via platforms and apps'),
      opt('GROOMING', 'Online grooming'),
      opt('PORNOGRAPHY', 'Pornography'),
      opt('GAMING', 'The use of online gaming platforms as a grooming tool'),
      opt('OTHER', 'Other form of sexual abuse or exploitation'),
    ],
  },
  {
    code: 'NOT_TAKEN_UP_REASON',
    label: 'Reason a referral was not taken up',
    options: [
      opt('DECLINED', 'Declined support'),
      opt('NOT_ELIGIBLE', 'Not eligible'),
      opt('UNABLE_TO_CONTACT', 'Unable to contact'),
      opt('OTHER', 'Other reason'),
    ],
  },
  {
    code: 'CLOSURE_REASON',
    label: 'Reason the case was closed',
    options: [
      opt('COMPLETED', 'Support completed as planned'),
      opt('DISENGAGED', 'Disengaged or declined further support'),
      opt('TRANSFERRED', 'Transferred or referred to another service'),
      opt('MOVED_AWAY', 'Moved out of the area'),
      opt('OTHER', 'Other reason'),
    ],
  },
  {
    code: 'SESSION_TYPE',
    label: 'Type of session',
    options: [
      opt('ONE_TO_ONE', 'One-to-one support'),
      opt('GROUP', 'Group work'),
      opt('FAMILY', 'Work with parents, carers or family members'),
      opt('ADVOCACY', 'Advocacy (ISVA or CHISVA)'),
      opt('THERAPY', 'Therapy or counselling'),
      opt('OTHER', 'Other'),
    ],
  },
  {
    code: 'STAFF_ROLE',
    label: 'Staff role',
    options: [
      opt('PRACTITIONER', 'Practitioner or caseworker'),
      opt('ISVA', 'ISVA or CHISVA'),
      opt('THERAPIST', 'Therapist or counsellor'),
      opt('MANAGER', 'Manager or supervisor'),
      opt('ADMIN', 'Administration and support'),
      opt('OTHER', 'Other role'),
    ],
  },
  {
    code: 'SETTING_TYPE',
    label: 'Type of out-of-school setting',
    options: [
      opt('SPORTS', 'Sports club'),
      opt('PERFORMING_ARTS', 'Theatre, music or dance'),
      opt('FAITH', 'Faith group'),
      opt('UNIFORMED', 'Scouts, brownies or other uniformed group'),
      opt('YOUTH_CLUB', 'Youth club'),
      opt('SUMMER_SCHOOL', 'Summer school or holiday club'),
      opt('OTHER', 'Other setting'),
    ],
  },
  {
    code: 'BUSINESS_SECTOR',
    label: 'Business sector',
    options: [
      opt('HOTEL', 'Hotels'),
      opt('BED_AND_BREAKFAST', 'Bed & Breakfast facilities'),
      opt('TRANSPORT', 'Transport companies'),
      opt('SECURITY', 'Security companies'),
      opt('RETAIL', 'Retail providers'),
      opt('HOSPITALITY', 'Hospitality'),
      opt('OTHER', 'Other business or industry'),
    ],
  },
  {
    code: 'AUDIENCE',
    label: 'Audience',
    options: [opt('CHILDREN', 'Children and young people'), opt('PARENTS', 'Parents and carers'), opt('PROFESSIONALS', 'Professionals')],
  },
  {
    // Option codes are the FundingSource enum's values.
    code: 'FUNDING_SOURCE',
    label: 'Funding source',
    notKnownLabel: 'Not known or not allocated',
    options: [
      opt('PCC_CORE_GRANT', 'PCC core grant'),
      opt('MOJ_VICTIMS_GRANT', 'Ministry of Justice victims grant'),
      opt('HOME_OFFICE', 'Home Office'),
      opt('PARTNER_CONTRIBUTION', 'Partner contribution'),
      opt('OTHER', 'Other'),
    ],
  },
];

/** The options of a breakdown in order, "Not known" last. */
export function breakdownOptions(code: string): (BreakdownOptionDefinition & { isNotKnown: boolean })[] {
  const breakdown = BREAKDOWNS.find((b) => b.code === code);
  if (!breakdown) throw new Error(`Unknown breakdown ${code}`);
  return [
    ...breakdown.options.map((option) => ({ ...option, isNotKnown: false })),
    {
      code: NOT_KNOWN,
      label: breakdown.notKnownLabel ?? 'Not known',
      ...(code === 'AGE_BAND' ? { publishedBand: 'Not known' } : {}),
      isNotKnown: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------------------------

export type MeasureUnitCode = 'COUNT' | 'DECIMAL' | 'MONEY' | 'DAYS' | 'PERCENT' | 'TEXT';
export type DirectionCode = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';

export interface MeasureDefinition {
  code: string;
  label: string;
  helpText: string;
  unit: MeasureUnitCode;
  breakdown?: string;
  secondaryBreakdown?: string;
  /** Breakdown-only measures: the measure holding their total (they have no '' row). */
  totalMeasure?: string;
  direction?: DirectionCode;
  countsPeople?: boolean;
  /** Priority issue code, for module measures. */
  priorityIssue?: string;
  outcomeDomain?: string;
  /** false: the provider may leave it empty without a reason (narrative extras). Default true. */
  required?: boolean;
}

/** Outcome domains (closed cases, assessed and improved): section 6 of the return. */
export const OUTCOME_DOMAINS = [
  { code: 'COPE_EVERYDAY', prefix: 'OUT_COPE', label: 'better able to cope with everyday life' },
  { code: 'FEEL_SAFER', prefix: 'OUT_FEEL_SAFER', label: 'feel safer' },
  { code: 'HEALTH_WELLBEING', prefix: 'OUT_HEALTH', label: 'improved health and wellbeing' },
  { code: 'INFORMED_EMPOWERED', prefix: 'OUT_INFORMED', label: 'better informed and empowered' },
  { code: 'CJS_PARTICIPATION', prefix: 'OUT_CJS', label: 'better able to take part in the criminal justice process' },
  { code: 'COPE_RECOVER', prefix: 'OUT_COPE_RECOVER', label: 'overall, better able to cope and recover' },
] as const;

const PEOPLE = { countsPeople: true } as const;
const UP = { direction: 'HIGHER_IS_BETTER' } as const;
const DOWN = { direction: 'LOWER_IS_BETTER' } as const;

const outcomeMeasures: MeasureDefinition[] = OUTCOME_DOMAINS.flatMap((domain) => [
  {
    code: `${domain.prefix}_ASSESSED`,
    label: `Closed cases assessed for the outcome "${domain.label}"`,
    helpText:
      'Of the cases closed with an exit outcome recorded this quarter, how many were assessed on this outcome ' +
      '(at the start and at the end of support).',
    unit: 'COUNT',
    ...PEOPLE,
    outcomeDomain: domain.code,
  },
  {
    code: `${domain.prefix}_IMPROVED`,
    label: `Closed cases that improved: ${domain.label}`,
    helpText: 'Of those assessed on this outcome, how many showed an improvement by the end of support.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
    outcomeDomain: domain.code,
  },
]);

export const MEASURES: readonly MeasureDefinition[] = [
  // 1. About this return -------------------------------------------------------------------------------------------
  { code: 'ABOUT_CONTACT_NAME', label: 'Contact for this return', helpText: 'The person the OPCC should contact about this return.', unit: 'TEXT' },
  { code: 'ABOUT_CONTACT_EMAIL', label: 'Contact e-mail address', helpText: 'A work e-mail address for the contact.', unit: 'TEXT' },
  {
    code: 'STAFF_FTE_FUNDED',
    label: 'Funded posts (full-time equivalent) by role',
    helpText: 'Full-time equivalent posts this contract funds at the end of the quarter, e.g. 2.5.',
    unit: 'DECIMAL',
    breakdown: 'STAFF_ROLE',
  },
  {
    code: 'STAFF_FTE_IN_POST',
    label: 'Staff in post (full-time equivalent) by role',
    helpText: 'Full-time equivalent of the funded posts that were filled at the end of the quarter.',
    unit: 'DECIMAL',
    breakdown: 'STAFF_ROLE',
  },
  { code: 'STAFF_VACANCIES', label: 'Vacant posts at quarter end', helpText: 'Number of funded posts that were vacant on the last day of the quarter.', unit: 'COUNT', ...DOWN },

  // 2. Referrals and access ----------------------------------------------------------------------------------------
  {
    code: 'REF_RECEIVED',
    label: 'Referrals received, by source',
    helpText: 'Every referral received this quarter, including self-referrals. Put referrals whose source was not recorded under "Not known".',
    unit: 'COUNT',
    breakdown: 'REFERRAL_SOURCE',
    ...PEOPLE,
  },
  { code: 'REF_ACCEPTED', label: 'Referrals accepted', helpText: 'Referrals received this quarter that were accepted for support.', unit: 'COUNT', ...PEOPLE, ...UP },
  {
    code: 'REF_NOT_TAKEN_UP',
    label: 'Referrals not taken up, by reason',
    helpText: 'Referrals received this quarter that did not lead to support.',
    unit: 'COUNT',
    breakdown: 'NOT_TAKEN_UP_REASON',
    ...PEOPLE,
  },
  {
    code: 'REF_CONTACTED_2WD',
    label: 'Referrals contacted within 2 working days',
    helpText: 'Referrals received this quarter where the child, young person or their family was contacted within 2 working days.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
  },
  { code: 'REF_WAITING_LIST', label: 'Waiting list at quarter end', helpText: 'Children and young people accepted but not yet seen on the last day of the quarter.', unit: 'COUNT', ...PEOPLE, ...DOWN },
  {
    code: 'REF_MEDIAN_DAYS_TO_FIRST_SESSION',
    label: 'Median days from referral to first session',
    helpText: 'Calendar days from referral to first session, median over those who had a first session this quarter.',
    unit: 'DAYS',
    ...DOWN,
  },
  {
    code: 'REF_LONGEST_DAYS_TO_FIRST_SESSION',
    label: 'Longest days from referral to first session',
    helpText: 'The longest wait, in calendar days, among those who had a first session this quarter.',
    unit: 'DAYS',
    ...DOWN,
  },

  // 3. Children and young people supported -------------------------------------------------------------------------
  { code: 'NEW_USERS', label: 'New service users', helpText: 'Children and young people (and young adults) who started support this quarter.', unit: 'COUNT', ...PEOPLE, ...UP },
  {
    code: 'NEW_USERS_AGE_GENDER',
    label: 'New service users by age band and gender',
    helpText: 'Age at the start of support. The cells must add up to the number of new service users.',
    unit: 'COUNT',
    breakdown: 'AGE_BAND',
    secondaryBreakdown: 'GENDER',
    totalMeasure: 'NEW_USERS',
    ...PEOPLE,
  },
  {
    code: 'NEW_USERS_ETHNICITY',
    label: 'New service users by ethnicity',
    helpText: 'As the person describes themselves. The cells must add up to the number of new service users.',
    unit: 'COUNT',
    breakdown: 'ETHNICITY',
    totalMeasure: 'NEW_USERS',
    ...PEOPLE,
  },
  {
    code: 'NEW_USERS_DISABILITY',
    label: 'New service users by disability',
    helpText: 'Includes long-term physical or mental health conditions and special educational needs that are a disability.',
    unit: 'COUNT',
    breakdown: 'DISABILITY',
    totalMeasure: 'NEW_USERS',
    ...PEOPLE,
  },
  { code: 'NEW_USERS_LOOKED_AFTER', label: 'New service users who are looked after', helpText: 'Children in the care of a local authority.', unit: 'COUNT', ...PEOPLE },
  { code: 'NEW_USERS_CP_CIN', label: 'New service users on a child protection or child in need plan', helpText: 'At the start of support.', unit: 'COUNT', ...PEOPLE },
  { code: 'NEW_USERS_MISSING', label: 'New service users with missing episodes', helpText: 'Reported missing at least once in the 12 months before support started.', unit: 'COUNT', ...PEOPLE },
  { code: 'NEW_USERS_SEND', label: 'New service users with special educational needs or disabilities (SEND)', helpText: 'With an EHC plan or on SEN support.', unit: 'COUNT', ...PEOPLE },
  {
    code: 'NEW_USERS_NOT_IN_EDUCATION',
    label: 'New service users not in mainstream education',
    helpText: 'Electively home educated, in alternative provision, excluded, or not in education, employment or training.',
    unit: 'COUNT',
    ...PEOPLE,
  },
  { code: 'CASELOAD_OPEN', label: 'Open caseload at quarter end', helpText: 'Children and young people receiving support on the last day of the quarter.', unit: 'COUNT', ...PEOPLE },
  { code: 'FAMILY_MEMBERS_SUPPORTED', label: 'Family members supported', helpText: 'Parents, carers and siblings supported this quarter in their own right.', unit: 'COUNT', ...PEOPLE },

  // 4. Nature of abuse ---------------------------------------------------------------------------------------------
  {
    code: 'NEW_USERS_CONTEXT',
    label: 'New service users by primary context of abuse',
    helpText: 'One context per person, the main one. The cells must add up to the number of new service users.',
    unit: 'COUNT',
    breakdown: 'ABUSE_CONTEXT',
    totalMeasure: 'NEW_USERS',
    ...PEOPLE,
  },
  { code: 'NEW_USERS_ONLINE_ELEMENT', label: 'New service users whose abuse had an online element', helpText: 'Any part of the abuse took place or was facilitated online.', unit: 'COUNT', ...PEOPLE },
  {
    code: 'NEW_USERS_HARM_TYPE',
    label: 'New service users by primary form of harm',
    helpText: 'One form per person, the main one. The cells must add up to the number of new service users.',
    unit: 'COUNT',
    breakdown: 'HARM_TYPE',
    totalMeasure: 'NEW_USERS',
    ...PEOPLE,
  },
  { code: 'NEW_USERS_REPORTED_TO_POLICE', label: 'New service users whose abuse had been reported to the police at referral', helpText: 'Reported by anyone, before or at referral.', unit: 'COUNT', ...PEOPLE },

  // 5. Support delivered -------------------------------------------------------------------------------------------
  { code: 'SESSIONS_DELIVERED', label: 'Sessions delivered, by type', helpText: 'Sessions that took place this quarter (not cancelled or missed ones).', unit: 'COUNT', breakdown: 'SESSION_TYPE', ...UP },
  { code: 'COURT_SUPPORT', label: 'Children and young people supported through court', helpText: 'Supported before, during or after a criminal trial this quarter.', unit: 'COUNT', ...PEOPLE },
  { code: 'SPECIAL_MEASURES', label: 'Children and young people helped to use special measures', helpText: 'For example screens, live link or removal of wigs and gowns.', unit: 'COUNT', ...PEOPLE },
  { code: 'S28_HEARINGS', label: 'Children and young people supported through a section 28 pre-recorded cross-examination', helpText: 'Youth Justice and Criminal Evidence Act 1999, section 28.', unit: 'COUNT', ...PEOPLE },
  { code: 'ONWARD_REFERRALS', label: 'Onward referrals made', helpText: 'Referrals to other services (for example CAMHS, housing, substance misuse) made this quarter.', unit: 'COUNT', ...PEOPLE },

  // 6. Cases closed and outcomes -----------------------------------------------------------------------------------
  { code: 'CLOSED_TOTAL', label: 'Cases closed, by reason', helpText: 'Every case closed this quarter, whatever the reason.', unit: 'COUNT', breakdown: 'CLOSURE_REASON', ...PEOPLE },
  {
    code: 'CLOSED_WITH_OUTCOME',
    label: 'Cases closed with an exit outcome recorded',
    helpText: 'Closed cases where an outcome assessment was completed at the end of support.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
  },
  ...outcomeMeasures,

  // 7. Narrative ---------------------------------------------------------------------------------------------------
  { code: 'NARR_ACHIEVEMENTS', label: 'Achievements this quarter', helpText: 'What went well, and what difference it made. Do not identify anyone.', unit: 'TEXT' },
  { code: 'NARR_BARRIERS', label: 'Barriers and challenges', helpText: 'Anything that got in the way of delivering the service. Do not identify anyone.', unit: 'TEXT' },
  {
    code: 'NARR_EMERGING_THEMES',
    label: 'Emerging themes',
    helpText: 'New patterns you are seeing: forms of harm, places, platforms, groups affected. Do not identify anyone.',
    unit: 'TEXT',
  },
  {
    code: 'NARR_RISKS',
    label: 'Risks to delivery',
    helpText: 'Risks to the service over the coming months and what you are doing about them. Do not identify anyone.',
    unit: 'TEXT',
  },
  {
    code: 'NARR_CASE_STUDY',
    label: 'Case study (anonymised)',
    helpText:
      'One short, anonymised case study. Do not include names, dates of birth, addresses, postcodes, phone numbers, ' +
      'e-mail addresses, NHS numbers, school names or anything else that could identify a child or family.',
    unit: 'TEXT',
  },
  {
    code: 'NARR_HELP_NEEDED',
    label: 'Help needed from the OPCC',
    helpText: 'Anything the OPCC could do to help, for example with partners. Leave it empty if there is nothing.',
    unit: 'TEXT',
    required: false,
  },

  // 8. Finance -----------------------------------------------------------------------------------------------------
  {
    code: 'FIN_SPEND_QUARTER',
    label: 'Spend this quarter, by funding source',
    helpText: 'Money spent on this service in the quarter, in pounds and pence.',
    unit: 'MONEY',
    breakdown: 'FUNDING_SOURCE',
  },
  {
    code: 'FIN_SPEND_YTD',
    label: 'Spend in the financial year to date, by funding source',
    helpText: 'Money spent on this service from 1 April to the end of this quarter.',
    unit: 'MONEY',
    breakdown: 'FUNDING_SOURCE',
  },
  {
    code: 'FIN_FORECAST_OUTTURN',
    label: 'Forecast spend for the whole financial year',
    helpText: "Your forecast of the year's total spend. The portal compares it with the year's funding to show the forecast variance (underspend or overspend).",
    unit: 'MONEY',
  },

  // Module: PI-TRANSITION ----------------------------------------------------------------------------------------
  {
    code: 'TRN_YOUNG_ADULTS_SUPPORTED',
    label: 'Young people aged 18 to 25 supported',
    helpText: 'Young adults who received support this quarter, new or continuing.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
    priorityIssue: 'PI-TRANSITION',
  },
  {
    code: 'TRN_TURNED_18',
    label: 'Young people who turned 18 while supported',
    helpText: 'Supported young people whose 18th birthday fell in this quarter.',
    unit: 'COUNT',
    ...PEOPLE,
    priorityIssue: 'PI-TRANSITION',
  },
  {
    code: 'TRN_PLANS_AGREED',
    label: 'Of those, with a transition plan agreed before their 18th birthday',
    helpText: 'A plan agreed with the young person and the adult services that will support them.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
    priorityIssue: 'PI-TRANSITION',
  },
  {
    code: 'TRN_ADULT_SERVICES_HANDOVERS',
    label: 'Young people handed over to adult services',
    helpText: 'Handovers completed this quarter, with the young person introduced to the adult service.',
    unit: 'COUNT',
    ...PEOPLE,
    priorityIssue: 'PI-TRANSITION',
  },

  // Module: PI-THERAPEUTIC ---------------------------------------------------------------------------------------
  { code: 'THR_CYP_IN_THERAPY', label: 'Children and young people receiving therapy', helpText: 'Had at least one therapeutic session this quarter.', unit: 'COUNT', ...PEOPLE, ...UP, priorityIssue: 'PI-THERAPEUTIC' },
  { code: 'THR_SESSIONS', label: 'Therapy sessions delivered', helpText: 'Therapeutic or mental health sessions that took place this quarter.', unit: 'COUNT', ...UP, priorityIssue: 'PI-THERAPEUTIC' },
  {
    code: 'THR_MEDIAN_WAIT_DAYS',
    label: 'Median wait for therapy (days)',
    helpText: 'Calendar days from assessment to the first therapy session, median over those who started therapy this quarter.',
    unit: 'DAYS',
    ...DOWN,
    priorityIssue: 'PI-THERAPEUTIC',
  },
  { code: 'THR_PRACTITIONERS', label: 'Practitioners delivering the service (headcount)', helpText: 'People, not full-time equivalents, at quarter end.', unit: 'COUNT', priorityIssue: 'PI-THERAPEUTIC' },
  {
    code: 'THR_PRACTITIONERS_TRAINED',
    label: 'Of those, trained in trauma-informed practice',
    helpText: 'Practitioners who have completed accredited trauma-informed practice training.',
    unit: 'COUNT',
    ...UP,
    priorityIssue: 'PI-THERAPEUTIC',
  },

  // Module: PI-EDUCATION -----------------------------------------------------------------------------------------
  {
    code: 'EDU_CYP_REACHED',
    label: 'Children and young people outside mainstream education reached',
    helpText: 'In alternative provision, electively home educated, excluded, or missing education; reached by the service this quarter.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
    priorityIssue: 'PI-EDUCATION',
  },
  {
    code: 'EDU_RSE_SESSIONS',
    label: 'Consent and relationships and sex education sessions delivered to them',
    helpText: 'Sessions on consent, sex, relationships, abuse and exploitation for children outside mainstream education.',
    unit: 'COUNT',
    ...UP,
    priorityIssue: 'PI-EDUCATION',
  },
  {
    code: 'EDU_RSE_PARTICIPANTS',
    label: 'Children and young people who attended those sessions',
    helpText: 'Each person counted once, however many sessions they attended.',
    unit: 'COUNT',
    ...PEOPLE,
    ...UP,
    priorityIssue: 'PI-EDUCATION',
  },

  // Module: PI-OUT-OF-SCHOOL -------------------------------------------------------------------------------------
  {
    code: 'OOS_SETTINGS_ENGAGED',
    label: 'Out-of-school settings engaged, by type',
    helpText: 'Clubs and groups you worked with this quarter: sports, theatre, music and dance, faith groups, scouts, brownies, youth clubs, summer schools.',
    unit: 'COUNT',
    breakdown: 'SETTING_TYPE',
    ...UP,
    priorityIssue: 'PI-OUT-OF-SCHOOL',
  },
  {
    code: 'OOS_STAFF_HEADCOUNT',
    label: 'Staff and volunteers in the settings engaged (headcount)',
    helpText: 'As the settings reported them to you.',
    unit: 'COUNT',
    priorityIssue: 'PI-OUT-OF-SCHOOL',
  },
  {
    code: 'OOS_STAFF_TRAINED',
    label: 'Staff and volunteers trained in CSA/E and CCE awareness',
    helpText: 'Completed your training this quarter.',
    unit: 'COUNT',
    ...UP,
    priorityIssue: 'PI-OUT-OF-SCHOOL',
  },
  {
    code: 'OOS_CONFIDENCE_IMPROVED_PCT',
    label: 'Trained staff and volunteers reporting improved confidence (%)',
    helpText: 'Percentage of those who completed the follow-up questionnaire who said they are more confident to spot and respond to signs.',
    unit: 'PERCENT',
    ...UP,
    priorityIssue: 'PI-OUT-OF-SCHOOL',
  },

  // Module: PI-BUSINESS ------------------------------------------------------------------------------------------
  {
    code: 'BUS_ENGAGED',
    label: 'Businesses engaged, by sector',
    helpText: 'Hotels, B&Bs, transport and security companies, retailers and hospitality businesses you worked with this quarter.',
    unit: 'COUNT',
    breakdown: 'BUSINESS_SECTOR',
    ...UP,
    priorityIssue: 'PI-BUSINESS',
  },
  { code: 'BUS_STAFF_TRAINED', label: 'Business staff trained to spot and respond to signs', helpText: 'Completed training this quarter.', unit: 'COUNT', ...UP, priorityIssue: 'PI-BUSINESS' },
  {
    code: 'BUS_INTEL_SUBMISSIONS',
    label: 'Intelligence submissions from businesses',
    helpText: 'Reports of concern made to the police by the businesses engaged, as far as you know.',
    unit: 'COUNT',
    ...UP,
    priorityIssue: 'PI-BUSINESS',
  },

  // Module: PI-SOCIAL-MEDIA --------------------------------------------------------------------------------------
  {
    code: 'SOC_REPORTS_TO_PLATFORMS',
    label: 'Reports made to social media platforms',
    helpText: 'Reports of harmful content or accounts made on behalf of children and young people this quarter.',
    unit: 'COUNT',
    priorityIssue: 'PI-SOCIAL-MEDIA',
  },
  { code: 'SOC_CONTENT_REMOVED', label: 'Reports that led to content or accounts being removed', helpText: 'Of the reports made this quarter.', unit: 'COUNT', ...UP, priorityIssue: 'PI-SOCIAL-MEDIA' },
  {
    code: 'SOC_MEDIAN_RESPONSE_DAYS',
    label: 'Median platform response time (days)',
    helpText: "Calendar days from a report to the platform's first response, median over reports that had one.",
    unit: 'DAYS',
    ...DOWN,
    priorityIssue: 'PI-SOCIAL-MEDIA',
  },

  // Module: PI-TRAFFICKING ---------------------------------------------------------------------------------------
  {
    code: 'TRF_CCE_CSE_OVERLAP',
    label: 'Children with both criminal and sexual exploitation concerns',
    helpText: 'Supported this quarter where child criminal exploitation and child sexual abuse or exploitation intersect.',
    unit: 'COUNT',
    ...PEOPLE,
    priorityIssue: 'PI-TRAFFICKING',
  },
  { code: 'TRF_NRM_REFERRALS', label: 'National Referral Mechanism (NRM) referrals made', helpText: 'Referrals made or supported this quarter.', unit: 'COUNT', ...PEOPLE, priorityIssue: 'PI-TRAFFICKING' },
  { code: 'TRF_COUNTY_LINES_CASES', label: 'Cases linked to county lines', helpText: 'Open cases this quarter with a known link to county lines activity.', unit: 'COUNT', ...PEOPLE, priorityIssue: 'PI-TRAFFICKING' },

  // Module: PI-ONLINE --------------------------------------------------------------------------------------------
  { code: 'ONL_AWARENESS_SESSIONS', label: 'Online safety awareness sessions delivered', helpText: 'Sessions, workshops and assemblies this quarter.', unit: 'COUNT', ...UP, priorityIssue: 'PI-ONLINE' },
  {
    code: 'ONL_PEOPLE_REACHED',
    label: 'People reached by awareness sessions, by audience',
    helpText: 'Attendees of the sessions: children and young people, parents and carers, professionals.',
    unit: 'COUNT',
    breakdown: 'AUDIENCE',
    ...UP,
    priorityIssue: 'PI-ONLINE',
  },
  {
    code: 'ONL_HARM_REFERRALS',
    label: 'Referrals for online harm received',
    helpText: 'Referrals this quarter where the main concern was online (grooming, sexting, streaming, gaming platforms).',
    unit: 'COUNT',
    ...PEOPLE,
    priorityIssue: 'PI-ONLINE',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------------

export interface SectionDefinition {
  code: string;
  title: string;
  description: string;
  priorityIssue?: string;
  measures: string[];
}

const moduleMeasures = (issue: string) => MEASURES.filter((m) => m.priorityIssue === issue).map((m) => m.code);

export const SECTIONS: readonly SectionDefinition[] = [
  {
    code: 'ABOUT',
    title: 'About this return',
    description: 'Who to contact, staffing, and whether there was any activity this quarter (a return with no activity records zeros).',
    measures: ['ABOUT_CONTACT_NAME', 'ABOUT_CONTACT_EMAIL', 'STAFF_FTE_FUNDED', 'STAFF_FTE_IN_POST', 'STAFF_VACANCIES'],
  },
  {
    code: 'REFERRALS',
    title: 'Referrals and access',
    description: 'Referrals received, accepted and not taken up, how quickly people were contacted, and waiting times.',
    measures: [
      'REF_RECEIVED',
      'REF_ACCEPTED',
      'REF_NOT_TAKEN_UP',
      'REF_CONTACTED_2WD',
      'REF_WAITING_LIST',
      'REF_MEDIAN_DAYS_TO_FIRST_SESSION',
      'REF_LONGEST_DAYS_TO_FIRST_SESSION',
    ],
  },
  {
    code: 'SUPPORTED',
    title: 'Children and young people supported',
    description: 'New service users and who they are, vulnerabilities, caseload and family members supported.',
    measures: [
      'NEW_USERS',
      'NEW_USERS_AGE_GENDER',
      'NEW_USERS_ETHNICITY',
      'NEW_USERS_DISABILITY',
      'NEW_USERS_LOOKED_AFTER',
      'NEW_USERS_CP_CIN',
      'NEW_USERS_MISSING',
      'NEW_USERS_SEND',
      'NEW_USERS_NOT_IN_EDUCATION',
      'CASELOAD_OPEN',
      'FAMILY_MEMBERS_SUPPORTED',
    ],
  },
  {
    code: 'ABUSE',
    title: 'Nature of abuse',
    description: 'The context and form of the abuse new service users experienced, and whether it had been reported to the police.',
    measures: ['NEW_USERS_CONTEXT', 'NEW_USERS_ONLINE_ELEMENT', 'NEW_USERS_HARM_TYPE', 'NEW_USERS_REPORTED_TO_POLICE'],
  },
  {
    code: 'SUPPORT',
    title: 'Support delivered',
    description: 'Sessions, support through the criminal justice process, and onward referrals.',
    measures: ['SESSIONS_DELIVERED', 'COURT_SUPPORT', 'SPECIAL_MEASURES', 'S28_HEARINGS', 'ONWARD_REFERRALS'],
  },
  {
    code: 'OUTCOMES',
    title: 'Cases closed and outcomes',
    description: 'Cases closed, and for each outcome the number assessed and the number that improved.',
    measures: ['CLOSED_TOTAL', 'CLOSED_WITH_OUTCOME', ...outcomeMeasures.map((m) => m.code)],
  },
  {
    code: 'NARRATIVE',
    title: 'Narrative',
    description:
      'Achievements, barriers, emerging themes, risks, one anonymised case study and any help you need. ' +
      'Do not identify anyone: no names, dates of birth, addresses, postcodes, phone numbers, e-mail addresses, NHS numbers or school names.',
    measures: ['NARR_ACHIEVEMENTS', 'NARR_BARRIERS', 'NARR_EMERGING_THEMES', 'NARR_RISKS', 'NARR_CASE_STUDY', 'NARR_HELP_NEEDED'],
  },
  {
    code: 'FINANCE',
    title: 'Finance',
    description: 'Spend this quarter and in the year to date by funding source, and the forecast for the year.',
    measures: ['FIN_SPEND_QUARTER', 'FIN_SPEND_YTD', 'FIN_FORECAST_OUTTURN'],
  },
  { code: 'MOD-PI-TRANSITION', title: 'Young people moving to adult services', description: 'Support for young people over 18 and those moving to adult services.', priorityIssue: 'PI-TRANSITION', measures: moduleMeasures('PI-TRANSITION') },
  { code: 'MOD-PI-THERAPEUTIC', title: 'Therapeutic and mental health support', description: 'Therapy delivered, waiting times and trauma-informed practice.', priorityIssue: 'PI-THERAPEUTIC', measures: moduleMeasures('PI-THERAPEUTIC') },
  { code: 'MOD-PI-EDUCATION', title: 'Children not in mainstream education', description: 'Reaching children outside mainstream education, and consent and RSE sessions for them.', priorityIssue: 'PI-EDUCATION', measures: moduleMeasures('PI-EDUCATION') },
  { code: 'MOD-PI-OUT-OF-SCHOOL', title: 'Out-of-school settings', description: 'Settings engaged, staff and volunteers trained, and their confidence afterwards.', priorityIssue: 'PI-OUT-OF-SCHOOL', measures: moduleMeasures('PI-OUT-OF-SCHOOL') },
  { code: 'MOD-PI-BUSINESS', title: 'Businesses and industries', description: 'Businesses engaged by sector, staff trained, and intelligence submitted.', priorityIssue: 'PI-BUSINESS', measures: moduleMeasures('PI-BUSINESS') },
  { code: 'MOD-PI-SOCIAL-MEDIA', title: 'Social media companies', description: 'Reports to platforms, content removed and how quickly platforms respond.', priorityIssue: 'PI-SOCIAL-MEDIA', measures: moduleMeasures('PI-SOCIAL-MEDIA') },
  { code: 'MOD-PI-TRAFFICKING', title: 'Trafficking, county lines and criminal exploitation', description: 'Where criminal and sexual exploitation meet; NRM referrals; county lines.', priorityIssue: 'PI-TRAFFICKING', measures: moduleMeasures('PI-TRAFFICKING') },
  { code: 'MOD-PI-ONLINE', title: 'Online offending', description: 'Awareness sessions, people reached, and referrals for online harm.', priorityIssue: 'PI-ONLINE', measures: moduleMeasures('PI-ONLINE') },
  {
    code: 'DECLARATION',
    title: 'Check answers and declaration',
    description: 'Check your answers, explain anything a check has flagged, and declare the return complete and accurate. This section has no measures of its own.',
    measures: [],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------------

const measureLabel = (code: string) => MEASURES.find((m) => m.code === code)?.label ?? code;
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const lte = (code: string, left: string, right: string, message: string): CheckDefinition => ({
  code,
  severity: 'HARD',
  rule: { type: 'lte', left, right },
  message,
});

const sumChecks: CheckDefinition[] = MEASURES.filter((m) => m.breakdown).map((m) => {
  const label = measureLabel(m.code).replace(', by ', ' by ');
  return {
    code: `SUM_${m.code}`,
    severity: 'HARD',
    rule: m.totalMeasure
      ? { type: 'breakdownSumsToTotal', measure: m.code, total: m.totalMeasure }
      : { type: 'breakdownSumsToTotal', measure: m.code },
    message: m.totalMeasure
      ? `${label} must add up to the number of ${lower(measureLabel(m.totalMeasure))} (use "Not known" where it was not recorded).`
      : `${label} must add up to the total (use "Not known" where it was not recorded).`,
  };
});

const newUserSubsets: [string, string][] = [
  ['NEW_USERS_LOOKED_AFTER', 'looked after'],
  ['NEW_USERS_CP_CIN', 'on a child protection or child in need plan'],
  ['NEW_USERS_MISSING', 'with missing episodes'],
  ['NEW_USERS_SEND', 'with SEND'],
  ['NEW_USERS_NOT_IN_EDUCATION', 'not in mainstream education'],
  ['NEW_USERS_ONLINE_ELEMENT', 'whose abuse had an online element'],
  ['NEW_USERS_REPORTED_TO_POLICE', 'whose abuse had been reported to the police'],
];

export const CHECKS: readonly CheckDefinition[] = [
  // Hard checks: they block submission.
  lte('REF_ACCEPTED_LTE_RECEIVED', 'REF_ACCEPTED', 'REF_RECEIVED', 'Referrals accepted cannot be more than referrals received.'),
  lte('REF_CONTACTED_LTE_RECEIVED', 'REF_CONTACTED_2WD', 'REF_RECEIVED', 'Referrals contacted within 2 working days cannot be more than referrals received.'),
  lte(
    'REF_MEDIAN_LTE_LONGEST',
    'REF_MEDIAN_DAYS_TO_FIRST_SESSION',
    'REF_LONGEST_DAYS_TO_FIRST_SESSION',
    'The median wait to a first session cannot be longer than the longest wait.',
  ),
  ...sumChecks,
  ...newUserSubsets.map(([code, words]) =>
    lte(`${code}_LTE_NEW_USERS`, code, 'NEW_USERS', `New service users ${words} cannot be more than new service users.`),
  ),
  lte('CLOSED_WITH_OUTCOME_LTE_CLOSED', 'CLOSED_WITH_OUTCOME', 'CLOSED_TOTAL', 'Cases closed with an outcome recorded cannot be more than cases closed.'),
  ...OUTCOME_DOMAINS.flatMap((domain) => [
    lte(
      `${domain.prefix}_IMPROVED_LTE_ASSESSED`,
      `${domain.prefix}_IMPROVED`,
      `${domain.prefix}_ASSESSED`,
      `Cases that improved ("${domain.label}") cannot be more than cases assessed on that outcome.`,
    ),
    lte(
      `${domain.prefix}_ASSESSED_LTE_CLOSED_WITH_OUTCOME`,
      `${domain.prefix}_ASSESSED`,
      'CLOSED_WITH_OUTCOME',
      `Cases assessed ("${domain.label}") cannot be more than cases closed with an outcome recorded.`,
    ),
  ]),
  lte('FIN_QUARTER_LTE_YTD', 'FIN_SPEND_QUARTER', 'FIN_SPEND_YTD', "This quarter's spend cannot be more than the spend for the year to date."),
  lte('TRN_PLANS_LTE_TURNED_18', 'TRN_PLANS_AGREED', 'TRN_TURNED_18', 'Transition plans agreed cannot be more than young people who turned 18.'),
  lte(
    'THR_TRAINED_LTE_HEADCOUNT',
    'THR_PRACTITIONERS_TRAINED',
    'THR_PRACTITIONERS',
    'Practitioners trained in trauma-informed practice cannot be more than practitioners in post.',
  ),
  lte('OOS_TRAINED_LTE_HEADCOUNT', 'OOS_STAFF_TRAINED', 'OOS_STAFF_HEADCOUNT', 'Staff and volunteers trained cannot be more than staff and volunteers in the settings engaged.'),
  lte('SOC_REMOVED_LTE_REPORTS', 'SOC_CONTENT_REMOVED', 'SOC_REPORTS_TO_PLATFORMS', 'Reports that led to removal cannot be more than reports made.'),
  lte('EDU_PARTICIPANTS_LTE_REACHED', 'EDU_RSE_PARTICIPANTS', 'EDU_CYP_REACHED', 'Children attending sessions cannot be more than children reached.'),
  {
    code: 'OOS_CONFIDENCE_PERCENT_RANGE',
    severity: 'HARD',
    rule: { type: 'range', measure: 'OOS_CONFIDENCE_IMPROVED_PCT', min: 0, max: 100 },
    message: 'The percentage reporting improved confidence must be between 0 and 100.',
  },

  // Soft checks: they need an explanation in a comment.
  ...['REF_RECEIVED', 'REF_ACCEPTED', 'NEW_USERS', 'CASELOAD_OPEN', 'CLOSED_TOTAL', 'SESSIONS_DELIVERED'].map(
    (measure): CheckDefinition => ({
      code: `CHANGE_${measure}`,
      severity: 'SOFT',
      rule: { type: 'changeVsLastQuarter', measure, percent: 50, absolute: 10 },
      message: `${measureLabel(measure).replace(/, by .*$/, '')} changed by more than 50% (and more than 10) since last quarter: please explain why in a comment.`,
    }),
  ),
  {
    code: 'OUTCOME_COVERAGE',
    severity: 'SOFT',
    rule: { type: 'minRatio', numerator: 'CLOSED_WITH_OUTCOME', denominator: 'CLOSED_TOTAL', min: 0.8 },
    message: 'Fewer than 80% of closed cases have an exit outcome recorded: please explain why in a comment.',
  },
  {
    code: 'TARGETS_MET',
    severity: 'SOFT',
    rule: { type: 'targetMet' },
    message: 'A target for this quarter was missed: please explain why in a comment on that figure.',
  },
];

export const DEFAULT_TEMPLATE = {
  code: 'DEFAULT',
  version: 1,
  name: 'Quarterly performance return',
  // The first quarter collected through the portal (earlier returns were e-mailed spreadsheets): the task lists ask
  // for returns from here on, not for the quarters before it.
  effectiveFrom: { financialYear: 2024, quarter: 3 },
  publishedAt: new Date('2024-03-01T09:00:00.000Z'),
} as const;

/** The measure codes a rule names. */
export function measuresNamedBy(rule: CheckRule): string[] {
  const operand = (o: CheckOperand) => (typeof o === 'string' ? o : o.measure);
  switch (rule.type) {
    case 'lte':
      return [operand(rule.left), operand(rule.right)];
    case 'breakdownSumsToTotal':
      return rule.total ? [rule.measure, rule.total] : [rule.measure];
    case 'range':
    case 'changeVsLastQuarter':
      return [rule.measure];
    case 'minRatio':
      return [operand(rule.numerator), operand(rule.denominator)];
    case 'targetMet':
      return rule.measures ?? [];
  }
}

/** Throws when the data above contradicts itself (a typo in a code, a measure in no section, ...). */
export function assertDefinitionsConsistent(): void {
  const problems: string[] = [];
  const measures = new Map(MEASURES.map((m) => [m.code, m]));
  if (measures.size !== MEASURES.length) problems.push('measure codes are not unique');
  const breakdowns = new Set(BREAKDOWNS.map((b) => b.code));
  for (const b of BREAKDOWNS) {
    const codes = breakdownOptions(b.code).map((o) => o.code);
    if (new Set(codes).size !== codes.length) problems.push(`breakdown ${b.code} repeats an option code`);
    for (const code of codes) if (!/^[A-Z0-9_]+$/.test(code)) problems.push(`option code ${b.code}.${code} is not A-Z0-9_`);
  }
  const placed = new Map<string, string>();
  for (const section of SECTIONS) {
    for (const code of section.measures) {
      const measure = measures.get(code);
      if (!measure) problems.push(`section ${section.code} names unknown measure ${code}`);
      else if ((measure.priorityIssue ?? null) !== (section.priorityIssue ?? null)) {
        problems.push(`measure ${code} is in section ${section.code} of another priority issue`);
      }
      if (placed.has(code)) problems.push(`measure ${code} is in ${placed.get(code)} and ${section.code}`);
      placed.set(code, section.code);
    }
  }
  for (const m of MEASURES) {
    if (!placed.has(m.code)) problems.push(`measure ${m.code} is in no section`);
    for (const b of [m.breakdown, m.secondaryBreakdown]) if (b && !breakdowns.has(b)) problems.push(`measure ${m.code}: unknown breakdown ${b}`);
    if (m.secondaryBreakdown && !m.breakdown) problems.push(`measure ${m.code} has a secondary breakdown only`);
    if (m.totalMeasure) {
      const total = measures.get(m.totalMeasure);
      if (!total || total.breakdown || !m.breakdown) problems.push(`measure ${m.code}: bad totalMeasure ${m.totalMeasure}`);
    }
  }
  const checkCodes = new Set<string>();
  for (const check of CHECKS) {
    if (checkCodes.has(check.code)) problems.push(`check code ${check.code} repeated`);
    checkCodes.add(check.code);
    for (const code of measuresNamedBy(check.rule)) if (!measures.has(code)) problems.push(`check ${check.code} names unknown measure ${code}`);
  }
  if (problems.length) throw new Error(`seeds/measures.ts is inconsistent:\n  ${problems.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------------------------

/** Inserts the breakdowns and options that are missing. Never changes existing rows. */
export async function seedBreakdowns(db: SeedDb): Promise<void> {
  await db.breakdown.createMany({
    data: BREAKDOWNS.map((b) => ({ code: b.code, label: b.label })),
    skipDuplicates: true,
  });
  const rows = await db.breakdown.findMany({ select: { id: true, code: true } });
  const idOf = new Map(rows.map((row) => [row.code, row.id]));
  await db.breakdownOption.createMany({
    data: BREAKDOWNS.flatMap((b) =>
      breakdownOptions(b.code).map((option, index) => ({
        breakdownId: idOf.get(b.code)!,
        code: option.code,
        label: option.label,
        publishedBand: option.publishedBand ?? null,
        isNotKnown: option.isNotKnown,
        sortOrder: (index + 1) * 10,
      })),
    ),
    skipDuplicates: true,
  });
}

/**
 * Creates the measure library and the DEFAULT v1 template with its sections and checks. Does nothing when that
 * template exists. Needs the priority issues, the reporting period it is effective from and the breakdowns to exist.
 */
export async function seedMeasureLibrary(db: SeedDb): Promise<{ created: boolean }> {
  const existing = await db.returnTemplate.findUnique({
    where: { code_version: { code: DEFAULT_TEMPLATE.code, version: DEFAULT_TEMPLATE.version } },
    select: { id: true },
  });
  if (existing) return { created: false };
  assertDefinitionsConsistent();

  const [breakdowns, issues, period] = await Promise.all([
    db.breakdown.findMany({ select: { id: true, code: true } }),
    db.priorityIssue.findMany({ select: { id: true, code: true } }),
    db.reportingPeriod.findUnique({
      where: {
        financialYear_quarter: {
          financialYear: DEFAULT_TEMPLATE.effectiveFrom.financialYear,
          quarter: DEFAULT_TEMPLATE.effectiveFrom.quarter,
        },
      },
      select: { id: true },
    }),
  ]);
  if (!period) throw new Error('The reporting period the return template is effective from must be seeded before it.');
  const breakdownId = new Map(breakdowns.map((row) => [row.code, row.id]));
  const issueId = new Map(issues.map((row) => [row.code, row.id]));
  const need = <T>(map: Map<string, T>, code: string, what: string): T => {
    const value = map.get(code);
    if (value === undefined) throw new Error(`The ${what} ${code} is missing: seed reference data first.`);
    return value;
  };

  await db.measure.createMany({
    data: MEASURES.map((m) => ({
      code: m.code,
      label: m.label,
      helpText: m.helpText,
      unit: m.unit,
      breakdownId: m.breakdown ? need(breakdownId, m.breakdown, 'breakdown') : null,
      secondaryBreakdownId: m.secondaryBreakdown ? need(breakdownId, m.secondaryBreakdown, 'breakdown') : null,
      direction: m.direction ?? 'NEUTRAL',
      countsPeople: m.countsPeople ?? false,
      priorityIssueId: m.priorityIssue ? need(issueId, m.priorityIssue, 'priority issue') : null,
      outcomeDomain: m.outcomeDomain ?? null,
    })),
    skipDuplicates: true,
  });
  const measures = await db.measure.findMany({ select: { id: true, code: true } });
  const measureId = new Map(measures.map((row) => [row.code, row.id]));
  const required = new Map(MEASURES.map((m) => [m.code, m.required ?? true]));

  await db.returnTemplate.create({
    data: {
      code: DEFAULT_TEMPLATE.code,
      version: DEFAULT_TEMPLATE.version,
      name: DEFAULT_TEMPLATE.name,
      effectiveFromId: period.id,
      publishedAt: DEFAULT_TEMPLATE.publishedAt,
      createdAt: DEFAULT_TEMPLATE.publishedAt,
      sections: {
        create: SECTIONS.map((section, index) => ({
          code: section.code,
          title: section.title,
          description: section.description,
          sortOrder: (index + 1) * 10,
          priorityIssueId: section.priorityIssue ? need(issueId, section.priorityIssue, 'priority issue') : null,
          measures: {
            create: section.measures.map((code, position) => ({
              measureId: need(measureId, code, 'measure'),
              sortOrder: (position + 1) * 10,
              required: required.get(code) ?? true,
            })),
          },
        })),
      },
      checks: {
        create: CHECKS.map((check, index) => ({
          code: check.code,
          severity: check.severity,
          rule: check.rule,
          message: check.message,
          sortOrder: (index + 1) * 10,
        })),
      },
    },
  });
  return { created: true };
}
