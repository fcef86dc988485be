// The briefing pack (issue 5, part 4): one answer with everything the page /briefing lays out in the format of the
// Commissioner's CSA/E briefing (../shared/briefing/csae-briefing.txt): title, topic, author, purpose, background,
// current issues (each priority issue with its live figures, services and trend), decisions needed, partnership
// involvement, police involvement, people to meet.
//
// Who sees what:
// - OPCC staff only (providers: FORBIDDEN; anonymous: UNAUTHENTICATED), with the dashboards' DashboardFilter.
// - The Commissioner gets every figure about people under disclosure control (CSA-SDC-1), exactly as the dashboards
//   give them. Officers and admins get exact figures, with a notice that they are not for circulation; they may ask
//   for the version for circulation (`forCirculation: true`), which is the Commissioner's, controlled. The
//   Commissioner always gets the controlled version, whatever `forCirculation` says.
//
// The live figures are THE dashboards' figures: the headline is dashboardHeadline's (headline()), the services and
// investment of each issue are dashboardCoverage's (coverage()), contracts ending are dashboardContractsEnding's
// (contractsEnding()); people supported per issue and per quarter add up the dashboards' per-service delivery
// (deliveredSql(), as dashboardInitiatives) over the issue's services; % improved is dashboardOutcomes' "overall
// cope and recover" domain (the same '' totals, the same percentImproved()) over the issue's services.
//
// Definitions (decisions, documented in the field descriptions too):
// - People supported per issue: new service users (NEW_USERS) of the counted returns of the filter's period, summed
//   over the services in scope addressing the issue (a service addressing two issues counts in both). The trend shows
//   the same figure for the last 4 quarters that have ended up to the filter's last quarter (it may reach into the
//   year before); its direction is worked out from exact figures and stated only when neither figure is suppressed.
// - Decisions needed, generated from the data: contracts ending within 6 months (the current end date is the latest
//   extension decided, so nothing beyond it is decided); priority issues no service in scope addresses; services
//   running now whose risk is RED; outcome targets missed (a service's "improved" outcome target for the filter's
//   quarter, or for the whole year once all 4 quarters have ended, above what its counted returns reported); returns
//   of the filter's quarters not received by their lock date and with no live lock exception. None: "None pending".
// - People to meet: the briefing's standing list (its words), then the OPCC lead officer and the provider's primary
//   contact of each service running now with a RED or AMBER risk or a contract ending within 6 months.
// - Author: the signed-in policy officer or admin; for the Commissioner, the policy officer who leads most services in
//   scope (the lead policy officer), else the policy and commissioning team.
//
// Every figure is aggregated in PostgreSQL; the pack is a fixed number of statements whatever the number of
// services (a test counts them at 5 and 100).
import { Prisma } from '../../prisma/client';
import { OUTCOME_DOMAINS } from '../../seeds/measures';
import { builder } from '../builder';
import type { Context } from '../context';
import {
  AUTHOR_ROLE_TITLES,
  BRIEFING_BACKGROUND,
  BRIEFING_PARTNERSHIP,
  BRIEFING_PEOPLE_TO_MEET,
  BRIEFING_POLICE,
  BRIEFING_PURPOSE,
  BRIEFING_TITLE,
  BRIEFING_TOPIC,
  CONTACT_HARM_CODE,
  DECISIONS_NONE_PENDING,
  EXACT_FIGURES_NOTICE,
  FALLBACK_AUTHOR,
  formsOfHarmIntroduction,
  listInWords,
  longDate,
  NO_SERVICE_STATEMENT,
  plural,
  TREND_QUARTERS,
  trendStatement,
  type TrendDirection,
} from '../domain/briefing';
import { IMPROVED_OUTCOME_DOMAIN } from '../domain/dashboard-outcomes';
import { formatPounds } from '../domain/format';
import { financialYearLabel } from '../domain/periods';
import { ROUNDING_FOOTNOTE } from '../domain/disclosure';
import {
  DashboardFilterEchoRef,
  DashboardFilterInput,
  disclosureNote,
  filterEcho,
  peopleCount,
  PeopleCountRef,
  PercentageRef,
  resolveDashboardFilter,
  serviceActiveInWindowSql,
  servicesInScopeSql,
  statusesSql,
  type DashboardFilter,
  type DashboardFilterEchoShape,
  type PeopleCountShape,
  type PercentageShape,
  type ResolvedDashboardFilter,
  type SqlNumber,
} from './dashboard-filter';
import { percentImproved } from './dashboard-outcomes';
import { CONTRACTS_ENDING_MONTHS, contractsEnding, coverage, deliveredSql, headline } from './dashboard-portfolio';

const STAFF = { opccStaff: true } as const;

const OUTCOME_ASSESSED = `${IMPROVED_OUTCOME_DOMAIN.prefix}_ASSESSED`;
const OUTCOME_IMPROVED = `${IMPROVED_OUTCOME_DOMAIN.prefix}_IMPROVED`;

/** The filter's period ids are never empty: resolveDashboardFilter refuses a filter with no period. */
const uuids = (ids: string[]) => Prisma.sql`ARRAY[${Prisma.join(ids)}]::uuid[]`;
const int = (value: SqlNumber) => Number((value ?? 0).toString());
const big = (value: SqlNumber) => BigInt(Math.round(Number((value ?? 0).toString())));

// ---------------------------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------------------------

interface AuthorShape {
  name: string;
  role: string;
  isViewer: boolean;
}

interface BackgroundShape {
  opening: string;
  formsOfHarmIntroduction: string;
  formsOfHarm: string[];
  paragraphs: string[];
  forums: string[];
  forumsSentence: string;
  initiativesIntroduction: string;
  initiatives: string[];
}

interface HeadlineShape {
  activeServices: number;
  annualInvestment: Prisma.Decimal;
  childrenSupported: PeopleCountShape;
  childrenSupportedPeriod: string;
  returnsExpected: number;
  returnsReceived: number;
  returnsOnTime: number;
  returnsOnTimePercentage: PercentageShape;
  summary: string;
}

interface IssueServiceShape {
  id: string;
  reference: string;
  title: string;
  providerName: string;
  investment: Prisma.Decimal;
}

interface TrendQuarterShape {
  periodLabel: string;
  peopleSupported: PeopleCountShape;
}

interface IssueShape {
  number: number;
  code: string;
  title: string;
  description: string;
  briefingText: string;
  gap: boolean;
  gapStatement: string | null;
  services: IssueServiceShape[];
  investment: Prisma.Decimal;
  peopleSupported: PeopleCountShape;
  peopleSupportedPeriod: string;
  outcomeLabel: string;
  outcomeAssessed: PeopleCountShape;
  outcomeImproved: PeopleCountShape;
  outcomeImprovedPercentage: PercentageShape;
  trend: TrendQuarterShape[];
  trendDirection: TrendDirection | null;
  trendStatement: string;
  summary: string;
}

type DecisionKind = 'CONTRACT_ENDING' | 'NO_SERVICE' | 'RED_RISK' | 'OUTCOME_TARGET_MISSED' | 'RETURN_OVERDUE';

interface DecisionShape {
  kind: DecisionKind;
  title: string;
  reason: string;
  serviceId: string | null;
  serviceReference: string | null;
  priorityIssueCode: string | null;
  date: Date | null;
}

interface ForumShape {
  code: string;
  name: string;
  services: number;
}

interface PartnershipShape {
  statement: string;
  forums: ForumShape[];
  summary: string;
}

interface InitiativeShape {
  id: string;
  name: string;
  leadPartner: string | null;
  status: string;
  services: number;
}

interface PoliceShape {
  statement: string;
  initiativesIntroduction: string;
  initiatives: InitiativeShape[];
}

type PersonKind = 'LEAD_OFFICER' | 'PROVIDER_CONTACT';

interface PersonShape {
  kind: PersonKind;
  name: string;
  role: string;
  organisationName: string;
  reasons: string[];
}

interface PeopleToMeetShape {
  standing: string;
  people: PersonShape[];
  summary: string;
}

interface BriefingPackShape {
  filter: DashboardFilterEchoShape;
  title: string;
  topic: string;
  author: AuthorShape;
  preparedOn: Date;
  periodLabel: string;
  purpose: string;
  background: BackgroundShape;
  headline: HeadlineShape;
  currentIssues: IssueShape[];
  decisionsNeeded: DecisionShape[];
  decisionsNeededSummary: string;
  partnershipInvolvement: PartnershipShape;
  policeInvolvement: PoliceShape;
  peopleToMeet: PeopleToMeetShape;
  disclosure: string | null;
  roundingFootnote: string | null;
  exactFiguresNotice: string | null;
  provenance: string;
}

// ---------------------------------------------------------------------------------------------------------------
// GraphQL types
// ---------------------------------------------------------------------------------------------------------------

const AuthorRef = builder.objectRef<AuthorShape>('BriefingAuthor').implement({
  description: 'Who the pack is by: the signed-in officer, or (for the Commissioner) the lead policy officer.',
  authScopes: STAFF,
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.exposeString('role', { description: 'e.g. "Policy and Commissioning Officer".' }),
    isViewer: t.exposeBoolean('isViewer', { description: 'The author is the person asking.' }),
  }),
});

const BackgroundRef = builder.objectRef<BackgroundShape>('BriefingBackground').implement({
  description: "The briefing's background: its words, with the forms of harm, forums and initiatives from reference data.",
  authScopes: STAFF,
  fields: (t) => ({
    opening: t.exposeString('opening'),
    formsOfHarmIntroduction: t.exposeString('formsOfHarmIntroduction', { description: 'The sentence before the list.' }),
    formsOfHarm: t.exposeStringList('formsOfHarm', { description: 'Harm types (reference data), in order.' }),
    paragraphs: t.exposeStringList('paragraphs', { description: 'The paragraphs after the forms of harm.' }),
    forums: t.exposeStringList('forums', { description: 'Partnership forums (reference data), in order.' }),
    forumsSentence: t.exposeString('forumsSentence'),
    initiativesIntroduction: t.exposeString('initiativesIntroduction'),
    initiatives: t.exposeStringList('initiatives', { description: 'Initiatives (reference data, not archived), in order.' }),
  }),
});

const HeadlineRef = builder.objectRef<HeadlineShape>('BriefingHeadline').implement({
  description: "The portfolio headline, as dashboardHeadline gives it for the same filter.",
  authScopes: STAFF,
  fields: (t) => ({
    activeServices: t.exposeInt('activeServices', { description: 'Services in scope running in the period. Not controlled.' }),
    annualInvestment: t.expose('annualInvestment', { type: 'Money', description: "The year's funding, every source." }),
    childrenSupported: t.field({
      type: PeopleCountRef,
      description: 'Children and young people who started support (NEW_USERS) in childrenSupportedPeriod.',
      resolve: (h) => h.childrenSupported,
    }),
    childrenSupportedPeriod: t.exposeString('childrenSupportedPeriod', { description: 'e.g. "2025/26 Q1 to Q4" (year to date).' }),
    returnsExpected: t.exposeInt('returnsExpected'),
    returnsReceived: t.exposeInt('returnsReceived'),
    returnsOnTime: t.exposeInt('returnsOnTime'),
    returnsOnTimePercentage: t.field({ type: PercentageRef, resolve: (h) => h.returnsOnTimePercentage }),
    summary: t.exposeString('summary', { description: 'The headline in a sentence, with the figures as shown.' }),
  }),
});

const IssueServiceRef = builder.objectRef<IssueServiceShape>('BriefingIssueService').implement({
  authScopes: STAFF,
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference'),
    title: t.exposeString('title'),
    providerName: t.exposeString('providerName'),
    investment: t.expose('investment', { type: 'Money', description: "The service's funding for the year, every source." }),
  }),
});

const TrendQuarterRef = builder.objectRef<TrendQuarterShape>('BriefingTrendQuarter').implement({
  authScopes: STAFF,
  fields: (t) => ({
    periodLabel: t.exposeString('periodLabel', { description: '"2025/26 Q3".' }),
    peopleSupported: t.field({ type: PeopleCountRef, resolve: (q) => q.peopleSupported }),
  }),
});

const TrendDirectionEnum = builder.enumType('BriefingTrendDirection', {
  description: 'The latest quarter against the one before, from exact figures.',
  values: ['UP', 'DOWN', 'LEVEL'] as const,
});

const IssueRef = builder.objectRef<IssueShape>('BriefingIssue').implement({
  description: 'A priority issue (the briefing\'s "Current issues") with its live figures.',
  authScopes: STAFF,
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Its position in the briefing, from 1.' }),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { description: 'The issue in a sentence (reference data; admins may edit it).' }),
    briefingText: t.exposeString('briefingText', { description: "The briefing's own words for the issue." }),
    gap: t.exposeBoolean('gap', { description: 'No service in scope running in the period addresses it.' }),
    gapStatement: t.exposeString('gapStatement', { nullable: true, description: '"No service addresses this issue" when gap.' }),
    services: t.field({ type: [IssueServiceRef], description: 'As dashboardCoverage gives them.', resolve: (i) => i.services }),
    serviceCount: t.int({ resolve: (i) => i.services.length }),
    investment: t.expose('investment', { type: 'Money', description: "The year's funding of its services, every source." }),
    peopleSupported: t.field({
      type: PeopleCountRef,
      description:
        'New service users (NEW_USERS) of the counted returns of the period, over its services in scope (a service ' +
        'addressing two issues counts in both).',
      resolve: (i) => i.peopleSupported,
    }),
    peopleSupportedPeriod: t.exposeString('peopleSupportedPeriod', { description: 'The filter\'s period, e.g. "2025/26".' }),
    outcomeLabel: t.exposeString('outcomeLabel', { description: 'The outcome domain measured: "overall, better able to cope and recover".' }),
    outcomeAssessed: t.field({ type: PeopleCountRef, resolve: (i) => i.outcomeAssessed }),
    outcomeImproved: t.field({ type: PeopleCountRef, resolve: (i) => i.outcomeImproved }),
    outcomeImprovedPercentage: t.field({
      type: PercentageRef,
      description: 'Improved / assessed, as dashboardOutcomes gives it; "No one assessed" when there is none.',
      resolve: (i) => i.outcomeImprovedPercentage,
    }),
    trend: t.field({
      type: [TrendQuarterRef],
      description: `People supported in each of the last ${TREND_QUARTERS} quarters that have ended, up to the filter's, oldest first.`,
      resolve: (i) => i.trend,
    }),
    trendDirection: t.field({
      type: TrendDirectionEnum,
      nullable: true,
      description: 'null when not stated: a figure is suppressed, or only one quarter has ended.',
      resolve: (i) => i.trendDirection,
    }),
    trendStatement: t.exposeString('trendStatement', { description: '"Up on the previous quarter: ..." or why it is not compared.' }),
    summary: t.exposeString('summary', { description: 'The live figures in sentences, as shown.' }),
  }),
});

const DecisionKindEnum = builder.enumType('BriefingDecisionKind', {
  values: {
    CONTRACT_ENDING: { description: 'A contract ends within 6 months and no extension is decided.' },
    NO_SERVICE: { description: 'No service in scope addresses a priority issue.' },
    RED_RISK: { description: 'A service running now has a red risk.' },
    OUTCOME_TARGET_MISSED: { description: 'A service reported fewer improved outcomes than its target.' },
    RETURN_OVERDUE: { description: 'A return was not received by its lock date.' },
  } as const,
});

const DecisionRef = builder.objectRef<DecisionShape>('BriefingDecision').implement({
  description: 'A decision the data says is needed, with the reason.',
  authScopes: STAFF,
  fields: (t) => ({
    kind: t.field({ type: DecisionKindEnum, resolve: (d) => d.kind }),
    title: t.exposeString('title'),
    reason: t.exposeString('reason'),
    serviceId: t.exposeID('serviceId', { nullable: true }),
    serviceReference: t.exposeString('serviceReference', { nullable: true }),
    priorityIssueCode: t.exposeString('priorityIssueCode', { nullable: true }),
    date: t.expose('date', { type: 'Date', nullable: true, description: 'The end date or lock date concerned, if any.' }),
  }),
});

const ForumRef = builder.objectRef<ForumShape>('BriefingForum').implement({
  authScopes: STAFF,
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    services: t.exposeInt('services', { description: 'Services in scope running in the period that work in it.' }),
  }),
});

const PartnershipRef = builder.objectRef<PartnershipShape>('BriefingPartnership').implement({
  authScopes: STAFF,
  fields: (t) => ({
    statement: t.exposeString('statement', { description: "The briefing's words." }),
    forums: t.field({ type: [ForumRef], resolve: (p) => p.forums }),
    summary: t.exposeString('summary'),
  }),
});

const InitiativeRef = builder.objectRef<InitiativeShape>('BriefingInitiative').implement({
  authScopes: STAFF,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    leadPartner: t.exposeString('leadPartner', { nullable: true }),
    status: t.exposeString('status'),
    services: t.exposeInt('services', { description: 'Services in scope running in the period linked to it.' }),
  }),
});

const PoliceRef = builder.objectRef<PoliceShape>('BriefingPolice').implement({
  authScopes: STAFF,
  fields: (t) => ({
    statement: t.exposeString('statement', { description: "The briefing's words." }),
    initiativesIntroduction: t.exposeString('initiativesIntroduction'),
    initiatives: t.field({ type: [InitiativeRef], resolve: (p) => p.initiatives }),
  }),
});

const PersonKindEnum = builder.enumType('BriefingPersonKind', {
  values: {
    LEAD_OFFICER: { description: "The OPCC officer leading the service." },
    PROVIDER_CONTACT: { description: "The provider's primary contact." },
  } as const,
});

const PersonRef = builder.objectRef<PersonShape>('BriefingPerson').implement({
  authScopes: STAFF,
  fields: (t) => ({
    kind: t.field({ type: PersonKindEnum, resolve: (p) => p.kind }),
    name: t.exposeString('name'),
    role: t.exposeString('role'),
    organisationName: t.exposeString('organisationName'),
    reasons: t.exposeStringList('reasons', { description: 'Why: the services concerned, one sentence each.' }),
  }),
});

const PeopleToMeetRef = builder.objectRef<PeopleToMeetShape>('BriefingPeopleToMeet').implement({
  authScopes: STAFF,
  fields: (t) => ({
    standing: t.exposeString('standing', { description: "The briefing's standing list, in its words." }),
    people: t.field({
      type: [PersonRef],
      description: 'Lead officers and provider contacts of services running now with a red or amber risk or a contract ending within 6 months.',
      resolve: (p) => p.people,
    }),
    summary: t.exposeString('summary'),
  }),
});

const BriefingPackRef = builder.objectRef<BriefingPackShape>('BriefingPack').implement({
  description: "The Commissioner's CSA/E briefing with live figures, in the format of the source briefing.",
  authScopes: STAFF,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (b) => b.filter }),
    title: t.exposeString('title'),
    topic: t.exposeString('topic'),
    author: t.field({ type: AuthorRef, resolve: (b) => b.author }),
    preparedOn: t.expose('preparedOn', { type: 'Date', description: 'Today, in England.' }),
    periodLabel: t.exposeString('periodLabel', { description: 'What the figures cover: "2025/26" or "2025/26 Q2".' }),
    purpose: t.exposeString('purpose'),
    background: t.field({ type: BackgroundRef, resolve: (b) => b.background }),
    headline: t.field({ type: HeadlineRef, resolve: (b) => b.headline }),
    currentIssues: t.field({
      type: [IssueRef],
      description: 'The priority issues in the briefing\'s order (or the one filtered).',
      resolve: (b) => b.currentIssues,
    }),
    decisionsNeeded: t.field({ type: [DecisionRef], resolve: (b) => b.decisionsNeeded }),
    decisionsNeededSummary: t.exposeString('decisionsNeededSummary', { description: '"None pending" when there are none.' }),
    partnershipInvolvement: t.field({ type: PartnershipRef, resolve: (b) => b.partnershipInvolvement }),
    policeInvolvement: t.field({ type: PoliceRef, resolve: (b) => b.policeInvolvement }),
    peopleToMeet: t.field({ type: PeopleToMeetRef, resolve: (b) => b.peopleToMeet }),
    disclosure: t.exposeString('disclosure', {
      nullable: true,
      description: 'What disclosure control was applied, in words; null when the figures are exact.',
    }),
    roundingFootnote: t.exposeString('roundingFootnote', {
      nullable: true,
      description: '"Figures are rounded and may not sum." when controlled.',
    }),
    exactFiguresNotice: t.exposeString('exactFiguresNotice', {
      nullable: true,
      description: 'For exact figures (officers and admins): they are not for circulation.',
    }),
    provenance: t.exposeString('provenance', { description: 'Which returns the figures come from, in words.' }),
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// Queries (each ONE statement)
// ---------------------------------------------------------------------------------------------------------------

interface TrendPeriodRow {
  id: string;
  label: string;
}

/** The last TREND_QUARTERS quarters that have ended, up to the filter's last quarter, newest first. */
function trendPeriods(ctx: Context, filter: ResolvedDashboardFilter) {
  const lastIndex = filter.financialYear * 4 + (filter.quarter ?? 4) - 1;
  return ctx.db.$queryRaw<TrendPeriodRow[]>`
    SELECT id::text AS id, label
    FROM reporting_period
    WHERE end_date < ${filter.today}::date AND financial_year * 4 + quarter - 1 <= ${lastIndex}
    ORDER BY financial_year DESC, quarter DESC
    LIMIT ${TREND_QUARTERS}`;
}

interface IssueFigureRow {
  code: string;
  part: string;
  new_users: SqlNumber;
  assessed: SqlNumber;
  improved: SqlNumber;
}

/**
 * Per priority issue and part ('selection', 'outcomes', or a trend period's id): the dashboards' per-service delivery
 * (deliveredSql) and the overall outcome's '' totals (as dashboardOutcomes), summed over the issue's services.
 */
function issueFigures(ctx: Context, filter: ResolvedDashboardFilter, trend: TrendPeriodRow[]) {
  const trendParts = trend.map(
    (period) => Prisma.sql`
      SELECT ${period.id}::text AS part, d.service_id, d.new_users, NULL::numeric AS assessed, NULL::numeric AS improved
      FROM (${deliveredSql(filter, [period.id])}) d`,
  );
  return ctx.db.$queryRaw<IssueFigureRow[]>`
    WITH figures AS (
      SELECT 'selection'::text AS part, d.service_id, d.new_users, NULL::numeric AS assessed, NULL::numeric AS improved
      FROM (${deliveredSql(filter, filter.periodIds)}) d
      ${trendParts.length > 0 ? Prisma.sql`UNION ALL ${Prisma.join(trendParts, ' UNION ALL ')}` : Prisma.empty}
      UNION ALL
      SELECT 'outcomes'::text, pr.service_id, NULL::numeric,
             sum(rv.numeric_value) FILTER (WHERE m.code = ${OUTCOME_ASSESSED}),
             sum(rv.numeric_value) FILTER (WHERE m.code = ${OUTCOME_IMPROVED})
      FROM return_value rv
      JOIN measure m ON m.id = rv.measure_id
      JOIN performance_return pr ON pr.id = rv.return_id
      JOIN commissioned_service s ON s.id = pr.service_id
      WHERE m.code IN (${OUTCOME_ASSESSED}, ${OUTCOME_IMPROVED})
        AND rv.breakdown_key = ''
        AND rv.numeric_value IS NOT NULL
        AND pr.period_id = ANY(${uuids(filter.periodIds)})
        AND pr.status::text = ANY(${statusesSql(filter)})
        AND ${servicesInScopeSql(filter)}
      GROUP BY pr.service_id
    )
    SELECT pi.code, f.part,
           sum(f.new_users) AS new_users, sum(f.assessed)::bigint AS assessed, sum(f.improved)::bigint AS improved
    FROM figures f
    JOIN service_priority_issue spi ON spi.service_id = f.service_id
    JOIN priority_issue pi ON pi.id = spi.priority_issue_id
    GROUP BY pi.code, f.part`;
}

interface ReferenceRow {
  issues: { code: string; description: string; briefingText: string }[] | null;
  harms: { code: string; name: string }[] | null;
  initiatives: { id: string; name: string; leadPartner: string | null; status: string; services: number }[] | null;
  forums: { code: string; name: string; services: number }[] | null;
  running: SqlNumber;
  in_forums: SqlNumber;
}

/** Reference data from the briefing, with how many services in scope running in the period use each forum/initiative. */
async function referenceData(ctx: Context, filter: ResolvedDashboardFilter): Promise<ReferenceRow> {
  const running = Prisma.sql`${servicesInScopeSql(filter)} AND ${serviceActiveInWindowSql(filter)}`;
  const [row] = await ctx.db.$queryRaw<ReferenceRow[]>`
    SELECT
      (SELECT json_agg(json_build_object('code', pi.code, 'description', pi.description, 'briefingText', pi.briefing_text)
                       ORDER BY pi.sort_order, pi.code)
         FROM priority_issue pi) AS issues,
      (SELECT json_agg(json_build_object('code', h.code, 'name', h.name) ORDER BY h.sort_order, h.name)
         FROM harm_type h) AS harms,
      (SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'leadPartner', i.lead_partner, 'status', i.status,
                                         'services', (SELECT count(*) FROM service_initiative si
                                                        JOIN commissioned_service s ON s.id = si.service_id
                                                       WHERE si.initiative_id = i.id AND ${running}))
                       ORDER BY i.sort_order, i.name)
         FROM initiative i WHERE i.archived_at IS NULL) AS initiatives,
      (SELECT json_agg(json_build_object('code', f.code, 'name', f.name,
                                         'services', (SELECT count(*) FROM service_forum sf
                                                        JOIN commissioned_service s ON s.id = sf.service_id
                                                       WHERE sf.forum_id = f.id AND ${running}))
                       ORDER BY f.sort_order, f.name)
         FROM partnership_forum f) AS forums,
      (SELECT count(*) FROM commissioned_service s WHERE ${running}) AS running,
      (SELECT count(*) FROM commissioned_service s
        WHERE ${running} AND EXISTS (SELECT 1 FROM service_forum sf WHERE sf.service_id = s.id)) AS in_forums`;
  return row!;
}

interface DecisionRow {
  kind: 'RED_RISK' | 'RETURN_OVERDUE' | 'OUTCOME_TARGET_MISSED';
  service_id: string;
  reference: string;
  title: string;
  provider_name: string;
  detail: string | null;
  period_label: string | null;
  date: Date | null;
  target: SqlNumber;
  actual: SqlNumber;
}

/**
 * Red risks (services running now), returns of the filter's quarters not received by their lock date (no live lock
 * exception), and "improved" outcome targets missed (see the header), in one statement.
 */
function decisionRows(ctx: Context, filter: ResolvedDashboardFilter) {
  const scope = servicesInScopeSql(filter);
  const targetQuarter = filter.quarter ?? 0;
  // A whole-year target is only judged once the whole year has ended; a quarter has ended (the filter checks it).
  const judgeTargets = filter.quarter !== null || filter.yearPeriods.every((period) => period.ended);
  const targets = judgeTargets
    ? Prisma.sql`
      UNION ALL
      SELECT 'OUTCOME_TARGET_MISSED', s.id, s.reference, s.title, o.name, m.outcome_domain, NULL, NULL,
             t.value, a.actual
      FROM target t
      JOIN measure m ON m.id = t.measure_id AND m.outcome_domain IS NOT NULL AND m.direction <> 'NEUTRAL'
      JOIN commissioned_service s ON s.id = t.service_id
      JOIN organisation o ON o.id = s.provider_id
      JOIN LATERAL (
        SELECT sum(rv.numeric_value) AS actual, count(DISTINCT pr.id) AS returns
        FROM performance_return pr
        LEFT JOIN return_value rv
          ON rv.return_id = pr.id AND rv.measure_id = m.id AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
        WHERE pr.service_id = s.id
          AND pr.period_id = ANY(${uuids(filter.periodIds)})
          AND pr.status::text = ANY(${statusesSql(filter)})
      ) a ON a.returns > 0
      WHERE ${scope}
        AND t.financial_year = ${filter.financialYear}::smallint
        AND t.quarter = ${targetQuarter}::smallint
        AND ((m.direction = 'HIGHER_IS_BETTER' AND COALESCE(a.actual, 0) < t.value)
          OR (m.direction = 'LOWER_IS_BETTER' AND COALESCE(a.actual, 0) > t.value))`
    : Prisma.empty;
  return ctx.db.$queryRaw<DecisionRow[]>`
    SELECT * FROM (
      SELECT 'RED_RISK' AS kind, s.id AS service_id, s.reference, s.title, o.name AS provider_name,
             s.risk_reason AS detail, NULL::text AS period_label, NULL::date AS date,
             NULL::numeric AS target, NULL::numeric AS actual
      FROM commissioned_service s
      JOIN organisation o ON o.id = s.provider_id
      WHERE ${scope} AND s.status IN ('ACTIVE', 'EXTENDED') AND s.risk_rating = 'RED'
      UNION ALL
      SELECT 'RETURN_OVERDUE', s.id, s.reference, s.title, o.name, NULL, p.label, p.locks_on, NULL, NULL
      FROM commissioned_service s
      JOIN organisation o ON o.id = s.provider_id
      JOIN reporting_period p
        ON p.id = ANY(${uuids(filter.periodIds)})
       AND p.end_date < ${filter.today}::date
       AND p.locks_on < ${filter.today}::date
       AND s.start_date <= p.end_date AND s.end_date >= p.start_date
      LEFT JOIN performance_return pr ON pr.service_id = s.id AND pr.period_id = p.id
      WHERE ${scope}
        AND (pr.id IS NULL OR (
              pr.submitted_at IS NULL
          AND pr.status IN ('NOT_STARTED', 'IN_PROGRESS')
          AND NOT EXISTS (SELECT 1 FROM return_version v WHERE v.return_id = pr.id AND v.status = 'SUBMITTED')
          AND NOT EXISTS (SELECT 1 FROM lock_exception le
                           WHERE le.return_id = pr.id AND le.revoked_at IS NULL AND le.ends_at > now())))
      ${targets}
    ) d
    ORDER BY kind, reference, period_label, detail`;
}

interface PersonRow {
  kind: PersonKind;
  person_id: string;
  name: string;
  job_title: string | null;
  organisation_name: string;
  reference: string;
  title: string;
  risk_rating: string;
  end_date: Date;
  ending: boolean;
}

/** Lead officers and provider primary contacts of services running now with a red/amber risk or ending within 6 months. */
function peopleRows(ctx: Context, filter: ResolvedDashboardFilter) {
  return ctx.db.$queryRaw<PersonRow[]>`
    WITH flagged AS (
      SELECT s.id, s.reference, s.title, s.risk_rating::text AS risk_rating, s.end_date, s.lead_officer_id, s.provider_id,
             o.name AS provider_name,
             (s.end_date >= ${filter.today}::date
              AND s.end_date <= (${filter.today}::date + make_interval(months => ${CONTRACTS_ENDING_MONTHS}::int))::date) AS ending
      FROM commissioned_service s
      JOIN organisation o ON o.id = s.provider_id
      WHERE ${servicesInScopeSql(filter)} AND s.status IN ('ACTIVE', 'EXTENDED')
    )
    SELECT 'LEAD_OFFICER' AS kind, u.id::text AS person_id, u.name, NULL::text AS job_title, uo.name AS organisation_name,
           f.reference, f.title, f.risk_rating, f.end_date, f.ending
    FROM flagged f
    JOIN app_user u ON u.id = f.lead_officer_id
    JOIN organisation uo ON uo.id = u.organisation_id
    WHERE f.risk_rating IN ('RED', 'AMBER') OR f.ending
    UNION ALL
    SELECT 'PROVIDER_CONTACT', c.id::text, c.name, c.job_title, f.provider_name,
           f.reference, f.title, f.risk_rating, f.end_date, f.ending
    FROM flagged f
    JOIN organisation_contact c ON c.organisation_id = f.provider_id AND c.is_primary
    WHERE f.risk_rating IN ('RED', 'AMBER') OR f.ending
    ORDER BY kind, name, person_id, reference`;
}

interface AuthorRow {
  name: string;
  role: string;
  is_viewer: boolean;
}

/** The viewer when a policy officer or admin; else the policy officer leading most services in scope. */
async function author(ctx: Context, filter: ResolvedDashboardFilter): Promise<AuthorShape> {
  const viewerId = ctx.viewer?.userId ?? null;
  const rows = await ctx.db.$queryRaw<AuthorRow[]>`
    SELECT name, role, is_viewer FROM (
      SELECT u.name, u.role::text AS role, true AS is_viewer, 0 AS rank, 0::bigint AS led
      FROM app_user u
      WHERE u.id = ${viewerId}::uuid AND u.role IN ('POLICY_OFFICER', 'ADMIN')
      UNION ALL
      SELECT * FROM (
        SELECT u.name, u.role::text, false, 1, count(s.id) AS led
        FROM app_user u
        JOIN organisation uo ON uo.id = u.organisation_id AND uo.kind = 'OPCC'
        LEFT JOIN commissioned_service s
          ON s.lead_officer_id = u.id AND ${servicesInScopeSql(filter)} AND ${serviceActiveInWindowSql(filter)}
        WHERE u.role = 'POLICY_OFFICER' AND u.deactivated_at IS NULL
        GROUP BY u.id, u.name, u.role
        ORDER BY count(s.id) DESC, u.name
        LIMIT 1
      ) lead
    ) a
    ORDER BY rank
    LIMIT 1`;
  const row = rows[0];
  if (!row) return { ...FALLBACK_AUTHOR, isViewer: false };
  return { name: row.name, role: AUTHOR_ROLE_TITLES[row.role] ?? row.role, isViewer: row.is_viewer };
}

// ---------------------------------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------------------------------

function peopleWords(count: PeopleCountShape): string {
  if (count.suppressed) return 'fewer than 8 children and young people';
  if (count.value === 1) return '1 child or young person';
  return `${count.display} children and young people`;
}

function monthsOrDays(days: number, months: number): string {
  return months >= 1 ? `in ${plural(months, 'month')}` : `in ${plural(days, 'day')}`;
}

export async function briefingPack(
  ctx: Context,
  input: DashboardFilter | null | undefined,
  forCirculation: boolean,
): Promise<BriefingPackShape> {
  const resolved = await resolveDashboardFilter(ctx, input);
  // The version for circulation is the Commissioner's: controlled. Never the other way round.
  const filter: ResolvedDashboardFilter = forCirculation ? { ...resolved, controlled: true } : resolved;
  const controlled = filter.controlled;

  const [trend, head, cover, ending, reference, decisions, people, by] = await Promise.all([
    trendPeriods(ctx, filter),
    headline(ctx, filter),
    coverage(ctx, filter),
    contractsEnding(ctx, filter),
    referenceData(ctx, filter),
    decisionRows(ctx, filter),
    peopleRows(ctx, filter),
    author(ctx, filter),
  ]);
  const trendOldestFirst = [...trend].reverse();
  const figures = await issueFigures(ctx, filter, trendOldestFirst);
  const figureOf = new Map(figures.map((row) => [`${row.code}|${row.part}`, row]));
  const referenceIssues = new Map((reference.issues ?? []).map((issue) => [issue.code, issue]));

  // --- Current issues ------------------------------------------------------------------------------------------
  const outcomeLabel = IMPROVED_OUTCOME_DOMAIN.label;
  const currentIssues: IssueShape[] = cover.issues.map((issue, index) => {
    const ref = referenceIssues.get(issue.code);
    const selection = figureOf.get(`${issue.code}|selection`);
    const outcomes = figureOf.get(`${issue.code}|outcomes`);
    const peopleSupported = peopleCount(selection?.new_users ?? 0, controlled);
    const assessed = big(outcomes?.assessed);
    const improved = big(outcomes?.improved);
    const trendExact = trendOldestFirst.map((period) => ({
      label: period.label,
      exact: int(figureOf.get(`${issue.code}|${period.id}`)?.new_users),
    }));
    const trendShown = trendExact.map((point) => ({ periodLabel: point.label, peopleSupported: peopleCount(point.exact, controlled) }));
    const { direction, statement } = trendStatement(
      trendExact.map((point, i) => ({ ...point, suppressed: trendShown[i]!.peopleSupported.suppressed })),
    );
    const outcomeImprovedPercentage = percentImproved(improved, assessed, controlled);
    const services = issue.services.map((service) => ({ ...service }));
    const sentences: string[] = [];
    if (issue.gap) {
      sentences.push(`${NO_SERVICE_STATEMENT} in ${filter.label}.`);
    } else {
      sentences.push(
        `${plural(services.length, 'service')} ${services.length === 1 ? 'addresses' : 'address'} this issue, with ` +
          `${formatPounds(issue.investment)} of funding in ${financialYearLabel(filter.financialYear)}.`,
      );
    }
    sentences.push(`${capitalise(peopleWords(peopleSupported))} started support in ${filter.label}.`);
    if (assessed > 0n) {
      sentences.push(
        outcomeImprovedPercentage.value !== null
          ? `Of those assessed, ${outcomeImprovedPercentage.display} improved (${outcomeLabel}).`
          : `The share of those assessed who improved (${outcomeLabel}) is not shown: ${lowerFirst(outcomeImprovedPercentage.display)}.`,
      );
    }
    return {
      number: index + 1,
      code: issue.code,
      title: issue.title,
      description: ref?.description ?? '',
      briefingText: ref?.briefingText ?? '',
      gap: issue.gap,
      gapStatement: issue.gap ? NO_SERVICE_STATEMENT : null,
      services,
      investment: issue.investment,
      peopleSupported,
      peopleSupportedPeriod: filter.label,
      outcomeLabel,
      outcomeAssessed: peopleCount(assessed, controlled),
      outcomeImproved: peopleCount(improved, controlled),
      outcomeImprovedPercentage,
      trend: trendShown,
      trendDirection: direction,
      trendStatement: statement,
      summary: sentences.join(' '),
    };
  });

  // --- Decisions needed ------------------------------------------------------------------------------------------
  const decisionsNeeded: DecisionShape[] = [];
  for (const contract of ending.contracts) {
    decisionsNeeded.push({
      kind: 'CONTRACT_ENDING',
      title: `Decide whether to extend, re-commission or end ${contract.reference}: ${contract.title}`,
      reason:
        `The contract with ${contract.providerName} ends on ${longDate(contract.endDate)} ` +
        `(${monthsOrDays(contract.daysLeft, contract.monthsLeft)}) and no extension has been decided. ` +
        `Annual value ${formatPounds(contract.annualValue)}.`,
      serviceId: contract.serviceId,
      serviceReference: contract.reference,
      priorityIssueCode: null,
      date: contract.endDate,
    });
  }
  for (const issue of currentIssues.filter((i) => i.gap)) {
    decisionsNeeded.push({
      kind: 'NO_SERVICE',
      title: `Decide how to address "${issue.title}"`,
      reason: `No service addresses the priority issue ${issue.code} in ${filter.label}.`,
      serviceId: null,
      serviceReference: null,
      priorityIssueCode: issue.code,
      date: null,
    });
  }
  const missedByService = new Map<string, DecisionRow[]>();
  const overdue: DecisionRow[] = [];
  for (const row of decisions) {
    if (row.kind === 'RED_RISK') {
      decisionsNeeded.push({
        kind: 'RED_RISK',
        title: `Agree action on the red risk at ${row.reference}: ${row.title}`,
        reason: `${row.provider_name}'s service is rated red${row.detail ? `: ${row.detail.trim().replace(/[.\s]+$/, '')}` : ''}.`,
        serviceId: row.service_id,
        serviceReference: row.reference,
        priorityIssueCode: null,
        date: null,
      });
    } else if (row.kind === 'OUTCOME_TARGET_MISSED') {
      missedByService.set(row.service_id, [...(missedByService.get(row.service_id) ?? []), row]);
    } else {
      overdue.push(row);
    }
  }
  for (const rows of missedByService.values()) {
    const first = rows[0]!;
    // Exact figures say how far off; controlled ones do not state the count (rounded, 9 against 10 would read "10").
    const parts = rows.map((row) => {
      const domain = domainLabel(row.detail);
      const goal = `a target of ${int(row.target).toLocaleString('en-GB')}`;
      return controlled ? `${domain}: below ${goal}` : `${domain}: ${int(row.actual).toLocaleString('en-GB')} against ${goal}`;
    });
    decisionsNeeded.push({
      kind: 'OUTCOME_TARGET_MISSED',
      title: `Review the outcome targets missed by ${first.reference}: ${first.title}`,
      reason: `In ${filter.label}, ${first.provider_name} reported fewer improved outcomes than its targets (${parts.join('; ')}).`,
      serviceId: first.service_id,
      serviceReference: first.reference,
      priorityIssueCode: null,
      date: null,
    });
  }
  for (const row of overdue) {
    decisionsNeeded.push({
      kind: 'RETURN_OVERDUE',
      title: `Decide what to do about the missing ${row.period_label} return for ${row.reference}: ${row.title}`,
      reason:
        `${row.provider_name} has not submitted its ${row.period_label} return and its lock date ` +
        `(${longDate(row.date!)}) has passed: only an administrator's exception can now let it be submitted.`,
      serviceId: row.service_id,
      serviceReference: row.reference,
      priorityIssueCode: null,
      date: row.date,
    });
  }

  // --- People to meet --------------------------------------------------------------------------------------------
  const persons = new Map<string, PersonShape>();
  for (const row of people) {
    const key = `${row.kind}|${row.person_id}`;
    let person = persons.get(key);
    if (!person) {
      person = {
        kind: row.kind,
        name: row.name,
        role: row.kind === 'LEAD_OFFICER' ? 'Lead officer' : row.job_title ?? 'Primary contact',
        organisationName: row.organisation_name,
        reasons: [],
      };
      persons.set(key, person);
    }
    const why: string[] = [];
    if (row.risk_rating === 'RED' || row.risk_rating === 'AMBER') why.push(`risk rated ${row.risk_rating.toLowerCase()}`);
    if (row.ending) why.push(`contract ends on ${longDate(row.end_date)}`);
    person.reasons.push(`${row.kind === 'LEAD_OFFICER' ? 'Leads' : 'Primary contact for'} ${row.reference}: ${row.title} (${why.join('; ')}).`);
  }
  const peopleList = [...persons.values()];

  // --- Background, partnership, police ---------------------------------------------------------------------------
  const harms = reference.harms ?? [];
  const contact = harms.find((harm) => harm.code === CONTACT_HARM_CODE) ?? null;
  const forums = (reference.forums ?? []).map((forum) => ({ code: forum.code, name: forum.name, services: Number(forum.services) }));
  const initiativesList = (reference.initiatives ?? []).map((i) => ({
    id: i.id,
    name: i.name,
    leadPartner: i.leadPartner,
    status: i.status,
    services: Number(i.services),
  }));
  const running = int(reference.running);
  const inForums = int(reference.in_forums);

  const headlineShape: HeadlineShape = {
    activeServices: head.activeServices,
    annualInvestment: head.annualInvestment,
    childrenSupported: head.childrenSupportedYearToDate,
    childrenSupportedPeriod: head.yearToDateLabel,
    returnsExpected: head.returnsExpected,
    returnsReceived: head.returnsReceived,
    returnsOnTime: head.returnsOnTime,
    returnsOnTimePercentage: head.returnsOnTimePercentage,
    summary:
      `In ${filter.label}, ${plural(head.activeServices, 'commissioned service')} ran, with ` +
      `${formatPounds(head.annualInvestment)} of funding for the year. ` +
      `${capitalise(peopleWords(head.childrenSupportedYearToDate))} started support in ${head.yearToDateLabel}. ` +
      (head.returnsExpected > 0
        ? `${head.returnsOnTime.toLocaleString('en-GB')} of ${plural(head.returnsExpected, 'return')} due ` +
          `${head.returnsOnTime === 1 ? 'was' : 'were'} received on time (${head.returnsOnTimePercentage.display}).`
        : 'No return was due yet.'),
  };

  const shownFigures = [
    head.childrenSupportedYearToDate,
    ...currentIssues.flatMap((issue) => [
      issue.peopleSupported,
      issue.outcomeAssessed,
      issue.outcomeImproved,
      issue.outcomeImprovedPercentage,
      ...issue.trend.map((q) => q.peopleSupported),
    ]),
  ];

  return {
    filter: filterEcho(filter),
    title: BRIEFING_TITLE,
    topic: BRIEFING_TOPIC,
    author: by,
    preparedOn: new Date(`${filter.today}T00:00:00Z`),
    periodLabel: filter.label,
    purpose: BRIEFING_PURPOSE,
    background: {
      opening: BRIEFING_BACKGROUND.opening,
      formsOfHarmIntroduction: formsOfHarmIntroduction(contact?.name ?? null),
      formsOfHarm: harms.filter((harm) => harm !== contact).map((harm) => harm.name),
      paragraphs: [...BRIEFING_BACKGROUND.paragraphs],
      forums: forums.map((forum) => forum.name),
      forumsSentence:
        forums.length > 0
          ? `The commissioned services work with the partnership forums: ${listInWords(forums.map((forum) => forum.name))}.`
          : 'No partnership forum is recorded.',
      initiativesIntroduction: BRIEFING_BACKGROUND.initiativesIntroduction,
      initiatives: initiativesList.map((i) => i.name),
    },
    headline: headlineShape,
    currentIssues,
    decisionsNeeded,
    decisionsNeededSummary:
      decisionsNeeded.length === 0 ? DECISIONS_NONE_PENDING : `${plural(decisionsNeeded.length, 'decision')} needed.`,
    partnershipInvolvement: {
      statement: BRIEFING_PARTNERSHIP,
      forums,
      summary:
        `${inForums.toLocaleString('en-GB')} of the ${plural(running, 'commissioned service')} running in ${filter.label} ` +
        `${inForums === 1 ? 'works' : 'work'} in at least one of these forums.`,
    },
    policeInvolvement: {
      statement: BRIEFING_POLICE,
      initiativesIntroduction: BRIEFING_BACKGROUND.initiativesIntroduction,
      initiatives: initiativesList,
    },
    peopleToMeet: {
      standing: BRIEFING_PEOPLE_TO_MEET,
      people: peopleList,
      summary:
        peopleList.length === 0
          ? 'No service running now has a red or amber risk or a contract ending in the next 6 months.'
          : 'Also, about the services running now with a red or amber risk or a contract ending in the next 6 months:',
    },
    disclosure: disclosureNote(filter, shownFigures, true),
    roundingFootnote: controlled ? ROUNDING_FOOTNOTE : null,
    exactFiguresNotice: controlled ? null : EXACT_FIGURES_NOTICE,
    provenance: filter.provisional
      ? 'Figures about people come from approved returns and from returns submitted but not yet approved (provisional).'
      : 'Figures about people come from approved returns only.',
  };
}

function domainLabel(code: string | null): string {
  const domain = OUTCOME_DOMAIN_LABELS.get(code ?? '');
  return domain ? capitalise(domain) : code ?? 'Outcome';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const OUTCOME_DOMAIN_LABELS = new Map<string, string>(OUTCOME_DOMAINS.map((domain) => [domain.code, domain.label]));

// ---------------------------------------------------------------------------------------------------------------
// Root field
// ---------------------------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  briefingPack: t.field({
    type: BriefingPackRef,
    description:
      "The Commissioner's CSA/E briefing pack with live figures (the dashboards' figures for the same filter). OPCC " +
      'staff only. Controlled (CSA-SDC-1) for the Commissioner; exact for officers and admins unless forCirculation.',
    authScopes: STAFF,
    args: {
      filter: t.arg({
        type: DashboardFilterInput,
        description: 'Absent: the financial year of the latest quarter that has ended, whole year, approved returns only.',
      }),
      forCirculation: t.arg.boolean({
        description:
          'Officers and admins: true for the version for circulation, with figures about people under disclosure ' +
          'control as the Commissioner sees them. The Commissioner always gets that version.',
      }),
    },
    resolve: (_root, args, ctx) =>
      briefingPack(ctx, args.filter as DashboardFilter | null | undefined, args.forCirculation === true),
  }),
}));
