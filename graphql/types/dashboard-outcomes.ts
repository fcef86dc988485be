// Dashboards for OPCC staff: outcome trends by domain, reach (new service users by age band, gender and ethnicity) and
// value for money per service. Figures are added up in PostgreSQL (graphql/domain/dashboard-outcomes.ts: ONE
// statement per dashboard whatever the number of services); people counts go through disclosure control CSA-SDC-1
// for the Commissioner (graphql/domain/disclosure.ts, via the shapes of ./dashboard-filter.ts) and are exact for
// officers and admins. Each answer echoes its filter and says in words what control was applied (`disclosure`).
//
// Decisions (documented in the field descriptions too):
// - Outcomes: per outcome domain (seeds/measures.ts OUTCOME_DOMAINS), people assessed and improved are the '' totals
//   of the domain's _ASSESSED and _IMPROVED measures, summed over the counted returns of the services in scope. The
//   trend shows the selected quarters and the 4 quarters before them (quarters that have ended only). % improved is
//   improved / assessed; for the Commissioner it is hidden per the small-numbers rule and otherwise worked out from
//   the rounded figures.
// - Targets: the Target rows of the domain's measures, summed over the services in scope that have one. A quarter
//   uses the quarter's targets (quarter 1-4); the whole year uses the whole-year targets (quarter 0). An annual
//   target is not split into quarters. Targets are plans, not people: never controlled.
// - Reach: age collapses AGE_BAND into the published bands (BreakdownOption.publishedBand: Under 13, 13-17, 18+,
//   Not known) for everyone; gender and ethnicity (the 2021 Census high-level groups, which have no coarser published
//   grouping in the seed data) by option. One protected characteristic per table; each table and its total controlled
//   on its own (the total is the sum of the exact cells, controlled once).
// - Value for money: the cost is the year's actual spend (FIN_SPEND_QUARTER summed over the counted returns) when the
//   returns report it; when none does, the year's funding (service_funding, all sources) for a whole-year view, and
//   none for a quarter (a year's funding would overstate a quarter's cost). An improved outcome is a child whose
//   overall "cope and recover" outcome improved (OUT_COPE_RECOVER_IMPROVED): one per child, a count of people, so the
//   rule for costs per person applies; adding the six domains would count one child up to six times.
import { builder } from '../builder';
import type { Context } from '../context';
import {
  IMPROVED_OUTCOME_DOMAIN,
  IMPROVED_OUTCOME_MEASURE,
  outcomeFiguresWith,
  outcomeTargetRows,
  outcomeTargetSet,
  outcomeTrendRows,
  outcomeTrendSet,
  reachCellRows,
  reachCellSet,
  reachOptionRows,
  reachOptionSet,
  REACH_MEASURES,
  TREND_QUARTERS_BEFORE,
  valueForMoneyRows,
  valueForMoneySet,
  type BreakdownOptionRow,
  type OutcomeTargetRow,
  type ReachCellRow,
  type ValueForMoneyRow,
} from '../domain/dashboard-outcomes';
import { collapseToBands, controlTotal, PUBLISHED_AGE_BANDS } from '../domain/disclosure';
import { OUTCOME_DOMAINS } from '../../seeds/measures';
import {
  costPerPerson,
  DashboardFilterEchoRef,
  DashboardFilterInput,
  disclosureNote,
  filterEcho,
  peopleCount,
  peopleCountOf,
  PeopleCountRef,
  percentage,
  PercentageRef,
  dashboardRows,
  dashboardResolver,
  StatisticRef,
  type DashboardFilterEchoShape,
  type DashboardRows,
  type DashboardScope,
  type PeopleCountShape,
  type PercentageShape,
  type ResolvedDashboardFilter,
  type StatisticShape,
} from './dashboard-filter';

const STAFF = { opccStaff: true } as const;

// ---------------------------------------------------------------------------------------------------------------
// Outcomes by domain
// ---------------------------------------------------------------------------------------------------------------

interface OutcomeTargetShape {
  assessed: number | null;
  improved: number | null;
  percentImproved: number | null;
  assessedServices: number;
  improvedServices: number;
}

interface OutcomeFiguresShape {
  label: string;
  financialYear: number;
  quarter: number | null;
  selected: boolean;
  returns: number;
  assessed: PeopleCountShape;
  improved: PeopleCountShape;
  percentImproved: PercentageShape;
  target: OutcomeTargetShape | null;
}

interface OutcomeDomainShape {
  code: string;
  label: string;
  assessedMeasureCode: string;
  improvedMeasureCode: string;
  quarters: OutcomeFiguresShape[];
  selection: OutcomeFiguresShape;
}

interface DashboardOutcomesShape {
  filter: DashboardFilterEchoShape;
  domains: OutcomeDomainShape[];
  disclosure: string | null;
}

export const TARGETS_NOTE =
  'Targets are summed over the services in scope that have one: a quarter uses the quarter targets, the whole year ' +
  'the whole-year targets (an annual target is not split into quarters).';

const OutcomeTargetRef = builder.objectRef<OutcomeTargetShape>('OutcomeTarget').implement({
  description:
    `What the services in scope were asked to achieve in an outcome domain. ${TARGETS_NOTE} Targets are not ` +
    'figures about people and are not controlled.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    assessed: t.exposeInt('assessed', { nullable: true, description: 'Sum of the targets for people assessed; null when none.' }),
    improved: t.exposeInt('improved', { nullable: true, description: 'Sum of the targets for people improved; null when none.' }),
    percentImproved: t.exposeInt('percentImproved', {
      nullable: true,
      description: 'The improved target over the assessed target, whole percent; null unless both exist.',
    }),
    assessedServices: t.exposeInt('assessedServices', { description: 'Services in scope with an assessed target.' }),
    improvedServices: t.exposeInt('improvedServices', { description: 'Services in scope with an improved target.' }),
  }),
});

const OutcomeFiguresRef = builder.objectRef<OutcomeFiguresShape>('OutcomeFigures').implement({
  description: 'People assessed and improved in one outcome domain over a quarter (or the selected periods).',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    label: t.exposeString('label', { description: '"2025/26 Q2", or the filter\'s label for the selection.' }),
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter', { nullable: true, description: 'null for a whole-year selection.' }),
    selected: t.exposeBoolean('selected', { description: 'Within the filter (false for the quarters before it).' }),
    returns: t.exposeInt('returns', { description: 'Counted returns that reported this domain (not controlled).' }),
    assessed: t.field({ type: PeopleCountRef, resolve: (f) => f.assessed }),
    improved: t.field({ type: PeopleCountRef, resolve: (f) => f.improved }),
    percentImproved: t.field({
      type: PercentageRef,
      description: 'improved / assessed. For the Commissioner hidden per the small-numbers rule, else from the rounded figures.',
      resolve: (f) => f.percentImproved,
    }),
    target: t.field({ type: OutcomeTargetRef, nullable: true, description: 'null when no service in scope has a target.', resolve: (f) => f.target }),
  }),
});

const OutcomeDomainRef = builder.objectRef<OutcomeDomainShape>('OutcomeDomainTrend').implement({
  description: 'An outcome domain: its figures per quarter of the trend and over the selection.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'COPE_EVERYDAY, FEEL_SAFER, ... (Measure.outcomeDomain).' }),
    label: t.exposeString('label', { description: 'e.g. "feel safer".' }),
    assessedMeasureCode: t.exposeString('assessedMeasureCode'),
    improvedMeasureCode: t.exposeString('improvedMeasureCode'),
    quarters: t.field({
      type: [OutcomeFiguresRef],
      description: `The selected quarters and the ${TREND_QUARTERS_BEFORE} before them that have ended, oldest first.`,
      resolve: (d) => d.quarters,
    }),
    selection: t.field({ type: OutcomeFiguresRef, description: 'Over the selected periods.', resolve: (d) => d.selection }),
  }),
});

const DashboardOutcomesRef = builder.objectRef<DashboardOutcomesShape>('DashboardOutcomes').implement({
  description: 'Outcome trends by domain, with targets.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (d) => d.filter }),
    domains: t.field({ type: [OutcomeDomainRef], description: 'The six outcome domains, in the return\'s order.', resolve: (d) => d.domains }),
    targetsNote: t.string({ description: 'How targets are added up, in words.', resolve: () => TARGETS_NOTE }),
    disclosure: t.exposeString('disclosure', {
      nullable: true,
      description: 'What disclosure control was applied, in words (with "Figures are rounded and may not sum."); null when exact.',
    }),
  }),
});

const toNumber = (n: bigint | number | null | undefined) => (n === null || n === undefined ? 0 : Number(n));
const orNull = (n: bigint | number | null | undefined) => (n === null || n === undefined ? null : Number(n));

function outcomeTarget(row: OutcomeTargetRow | undefined): OutcomeTargetShape | null {
  if (!row || (row.assessed === null && row.improved === null)) return null;
  const assessed = orNull(row.assessed);
  const improved = orNull(row.improved);
  return {
    assessed,
    improved,
    percentImproved:
      assessed !== null && improved !== null && assessed > 0
        ? Number((200n * BigInt(improved) + BigInt(assessed)) / (2n * BigInt(assessed)))
        : null,
    assessedServices: toNumber(row.assessedServices),
    improvedServices: toNumber(row.improvedServices),
  };
}

/**
 * improved / assessed. The return's hard checks keep improved <= assessed; a figure that breaks it anyway (an assessed
 * figure left blank with a reason) has no percentage rather than an error.
 */
export function percentImproved(improved: bigint, assessed: bigint, controlled: boolean): PercentageShape {
  if (assessed === 0n) return { value: null, display: 'No one assessed', hidden: false, exportValue: '', source: null };
  if (improved > assessed) {
    return { value: null, display: 'Not available: more improved than assessed', hidden: false, exportValue: '', source: null };
  }
  return percentage(improved, assessed, controlled);
}

/** The outcomes dashboard's statement: the trend and the targets. */
const outcomesStatement = (scope: DashboardScope) => ({
  with: outcomeFiguresWith(scope),
  sets: { trend: outcomeTrendSet(), targets: outcomeTargetSet(scope) },
});

export async function dashboardOutcomes(ctx: Context, filter: ResolvedDashboardFilter): Promise<DashboardOutcomesShape> {
  return shapeOutcomes(filter, await dashboardRows(ctx, outcomesStatement(filter)));
}

function shapeOutcomes(filter: ResolvedDashboardFilter, sets: DashboardRows<ReturnType<typeof outcomesStatement>['sets']>): DashboardOutcomesShape {
  const rows = outcomeTrendRows(sets.trend);
  const targets = outcomeTargetRows(sets.targets);
  const targetOf = new Map(targets.map((row) => [`${row.domain}|${row.financialYear}|${row.quarter}`, row]));
  const periods = new Map<string, { financialYear: number; quarter: number; label: string; selected: boolean }>();
  const figureOf = new Map<string, { assessed: bigint | null; improved: bigint | null; returns: bigint | null }>();
  for (const row of rows) {
    if (row.kind === 'period') {
      periods.set(row.periodId!, { financialYear: row.financialYear!, quarter: row.quarter!, label: row.label!, selected: !!row.selected });
      if (row.domain) figureOf.set(`${row.periodId}|${row.domain}`, row);
    } else if (row.domain) {
      figureOf.set(`selection|${row.domain}`, row);
    }
  }
  const figures = (
    domain: string,
    key: string,
    where: { label: string; financialYear: number; quarter: number | null; selected: boolean },
    target: OutcomeTargetRow | undefined,
  ): OutcomeFiguresShape => {
    const figure = figureOf.get(`${key}|${domain}`);
    const assessed = figure?.assessed ?? 0n;
    const improved = figure?.improved ?? 0n;
    return {
      ...where,
      returns: toNumber(figure?.returns),
      assessed: peopleCount(assessed, filter.controlled),
      improved: peopleCount(improved, filter.controlled),
      percentImproved: percentImproved(improved, assessed, filter.controlled),
      target: outcomeTarget(target),
    };
  };
  const domains = OUTCOME_DOMAINS.map((domain): OutcomeDomainShape => ({
    code: domain.code,
    label: domain.label,
    assessedMeasureCode: `${domain.prefix}_ASSESSED`,
    improvedMeasureCode: `${domain.prefix}_IMPROVED`,
    quarters: [...periods].map(([periodId, period]) =>
      figures(domain.code, periodId, period, targetOf.get(`${domain.code}|${period.financialYear}|${period.quarter}`)),
    ),
    selection: figures(
      domain.code,
      'selection',
      { label: filter.label, financialYear: filter.financialYear, quarter: filter.quarter, selected: true },
      targetOf.get(`${domain.code}|${filter.financialYear}|${filter.quarter ?? 0}`),
    ),
  }));
  const shown = domains.flatMap((d) => [d.selection, ...d.quarters]).flatMap((f) => [f.assessed, f.improved, f.percentImproved]);
  return { filter: filterEcho(filter), domains, disclosure: disclosureNote(filter, shown, false) };
}

// ---------------------------------------------------------------------------------------------------------------
// Reach
// ---------------------------------------------------------------------------------------------------------------

interface ReachRowShape {
  code: string;
  label: string;
  count: PeopleCountShape;
}

interface ReachTableShape {
  characteristic: string;
  title: string;
  measureCode: string;
  rows: ReachRowShape[];
  total: PeopleCountShape;
  footnote: string | null;
  disclosure: string | null;
}

interface DashboardReachShape {
  filter: DashboardFilterEchoShape;
  byAge: ReachTableShape;
  byGender: ReachTableShape;
  byEthnicity: ReachTableShape;
  disclosure: string | null;
}

const ReachRowRef = builder.objectRef<ReachRowShape>('ReachRow').implement({
  description: 'New service users in one group of a protected characteristic.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The option code (GIRL_WOMAN, ASIAN, ...), or the published age band.' }),
    label: t.exposeString('label'),
    count: t.field({ type: PeopleCountRef, resolve: (row) => row.count }),
  }),
});

const ReachTableRef = builder.objectRef<ReachTableShape>('ReachTable').implement({
  description:
    'New service users by one protected characteristic, with their total. For the Commissioner each group and the ' +
    'total are controlled on their own (the total is worked out from the exact figures), so they may not sum.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    characteristic: t.exposeString('characteristic', { description: '"Age", "Gender" or "Ethnicity".' }),
    title: t.exposeString('title', { description: 'A caption for the table.' }),
    measureCode: t.exposeString('measureCode'),
    rows: t.field({ type: [ReachRowRef], resolve: (table) => table.rows }),
    total: t.field({ type: PeopleCountRef, resolve: (table) => table.total }),
    footnote: t.exposeString('footnote', { nullable: true, description: '"Figures are rounded and may not sum." when rounding applied.' }),
    disclosure: t.exposeString('disclosure', { nullable: true, description: 'What control was applied to this table; null when exact.' }),
  }),
});

const DashboardReachRef = builder.objectRef<DashboardReachShape>('DashboardReach').implement({
  description: 'New service users by age band, gender and ethnicity: one protected characteristic per table.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (d) => d.filter }),
    byAge: t.field({
      type: ReachTableRef,
      description: 'Published age bands (Under 13, 13-17, 18+, Not known), for everyone.',
      resolve: (d) => d.byAge,
    }),
    byGender: t.field({ type: ReachTableRef, resolve: (d) => d.byGender }),
    byEthnicity: t.field({ type: ReachTableRef, description: '2021 Census high-level groups.', resolve: (d) => d.byEthnicity }),
    disclosure: t.exposeString('disclosure', { nullable: true, description: 'What control was applied, in words; null when exact.' }),
  }),
});

function reachTable(
  filter: ResolvedDashboardFilter,
  cells: ReachCellRow[],
  groups: { code: string; label: string }[],
  bandOf: Map<string, string>,
  dimension: 0 | 1,
  meta: { characteristic: string; title: string; measureCode: string },
): ReachTableShape {
  const bands = collapseToBands(
    cells.map((cell) => ({ key: cell.key, value: cell.value })),
    bandOf,
    { dimension, bands: groups.map((group) => group.code) },
  );
  const exact = bands.map((band) => band.value ?? 0);
  const controlled = controlTotal(exact);
  // Controlled: the table's own control (controlTotal), which may also hide a part to protect a suppressed one.
  const count = (i: number | 'total'): PeopleCountShape => {
    if (filter.controlled) return peopleCountOf(i === 'total' ? controlled.total : controlled.parts[i]!);
    return peopleCount(i === 'total' ? exact.reduce((a, b) => a + b, 0) : exact[i]!, false);
  };
  const rows = groups.map((group, i) => ({ ...group, count: count(i) }));
  const total = count('total');
  const figures = [...rows.map((row) => row.count), total];
  return {
    ...meta,
    rows,
    total,
    footnote: filter.controlled ? controlled.footnote : null,
    disclosure: disclosureNote(filter, figures, false),
  };
}

/** The reach dashboard's statement: the breakdown cells and the options they use. */
const reachStatement = (scope: DashboardScope) => ({ sets: { cells: reachCellSet(scope), options: reachOptionSet() } });

export async function dashboardReach(ctx: Context, filter: ResolvedDashboardFilter): Promise<DashboardReachShape> {
  return shapeReach(filter, await dashboardRows(ctx, reachStatement(filter)));
}

function shapeReach(filter: ResolvedDashboardFilter, sets: DashboardRows<ReturnType<typeof reachStatement>['sets']>): DashboardReachShape {
  const cells = reachCellRows(sets.cells);
  const options = reachOptionRows(sets.options);
  const optionsOf = (breakdown: string): BreakdownOptionRow[] => options.filter((o) => o.breakdown === breakdown);
  const ageGender = cells.filter((cell) => cell.measure === REACH_MEASURES.ageGender);
  const ethnicity = cells.filter((cell) => cell.measure === REACH_MEASURES.ethnicity);

  const ageBandOf = new Map(optionsOf('AGE_BAND').map((o) => [o.code, o.publishedBand ?? o.label]));
  const ageBands = [...new Set([...PUBLISHED_AGE_BANDS, ...ageBandOf.values()])].filter((band) =>
    [...ageBandOf.values()].includes(band),
  );
  const byOption = (rows: BreakdownOptionRow[]) => ({
    groups: rows.map((o) => ({ code: o.code, label: o.label })),
    bandOf: new Map(rows.map((o) => [o.code, o.code])),
  });
  const gender = byOption(optionsOf('GENDER'));
  const ethnic = byOption(optionsOf('ETHNICITY'));

  const byAge = reachTable(filter, ageGender, ageBands.map((band) => ({ code: band, label: band })), ageBandOf, 0, {
    characteristic: 'Age',
    title: `New service users by age, ${filter.label}`,
    measureCode: REACH_MEASURES.ageGender,
  });
  const byGender = reachTable(filter, ageGender, gender.groups, gender.bandOf, 1, {
    characteristic: 'Gender',
    title: `New service users by gender, ${filter.label}`,
    measureCode: REACH_MEASURES.ageGender,
  });
  const byEthnicity = reachTable(filter, ethnicity, ethnic.groups, ethnic.bandOf, 0, {
    characteristic: 'Ethnicity',
    title: `New service users by ethnicity, ${filter.label}`,
    measureCode: REACH_MEASURES.ethnicity,
  });
  const all = [byAge, byGender, byEthnicity].flatMap((table) => [...table.rows.map((row) => row.count), table.total]);
  return { filter: filterEcho(filter), byAge, byGender, byEthnicity, disclosure: disclosureNote(filter, all, false) };
}

// ---------------------------------------------------------------------------------------------------------------
// Value for money
// ---------------------------------------------------------------------------------------------------------------

type CostBasis = ValueForMoneyRow['costBasis'];

const CostBasisEnum = builder.enumType('ValueForMoneyCostBasis', {
  description: 'What a cost per person divides.',
  values: {
    SPEND: { description: 'Actual spend reported in the counted returns (FIN_SPEND_QUARTER).' },
    FUNDING: { description: "No return reported spend: the financial year's funding (whole-year views only)." },
    NONE: { description: 'No spend reported and no funding to use: no cost per person.' },
    MIXED: { description: 'The total row only: services use different bases.' },
  } as const,
});

interface ValueForMoneyRowShape {
  serviceId: string | null;
  reference: string | null;
  title: string | null;
  providerName: string | null;
  returns: number;
  spend: ValueForMoneyRow['spend'];
  funding: ValueForMoneyRow['funding'];
  costBasis: CostBasis;
  costAmount: ValueForMoneyRow['costAmount'];
  childrenSupported: PeopleCountShape;
  improvedOutcomes: PeopleCountShape;
  costPerChild: StatisticShape;
  costPerImprovedOutcome: StatisticShape;
}

interface DashboardValueForMoneyShape {
  filter: DashboardFilterEchoShape;
  services: ValueForMoneyRowShape[];
  total: ValueForMoneyRowShape;
  disclosure: string | null;
}

export const COST_BASIS_NOTE =
  'Cost is the actual spend reported in the counted returns (spend this quarter, summed); when no return reported ' +
  "spend, the financial year's funding is used for a whole-year view, and there is no cost for a quarter. An improved " +
  `outcome is a child whose overall outcome improved ("${IMPROVED_OUTCOME_DOMAIN.label}"). The total divides the ` +
  'cost of the services that have one by their own children and improved outcomes.';

const ValueForMoneyRowRef = builder.objectRef<ValueForMoneyRowShape>('ValueForMoneyRow').implement({
  description: "A service's cost per child supported and per improved outcome (or the total over the services in scope).",
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    serviceId: t.exposeID('serviceId', { nullable: true, description: 'null on the total row.' }),
    reference: t.exposeString('reference', { nullable: true, description: 'null on the total row.' }),
    title: t.exposeString('title', { nullable: true, description: 'null on the total row.' }),
    providerName: t.exposeString('providerName', { nullable: true, description: 'null on the total row.' }),
    returns: t.exposeInt('returns', { description: 'Counted returns of the selected periods.' }),
    spend: t.field({
      type: 'Money',
      nullable: true,
      description: 'Spend this quarter (FIN_SPEND_QUARTER), summed over the counted returns; null when none reported it.',
      resolve: (row) => row.spend,
    }),
    funding: t.field({
      type: 'Money',
      nullable: true,
      description: "The financial year's funding, all sources; null when none is recorded.",
      resolve: (row) => row.funding,
    }),
    costBasis: t.field({ type: CostBasisEnum, resolve: (row) => row.costBasis }),
    costAmount: t.field({
      type: 'Money',
      nullable: true,
      description: 'What the costs per person divide (spend or funding, per costBasis); null for NONE.',
      resolve: (row) => row.costAmount,
    }),
    childrenSupported: t.field({
      type: PeopleCountRef,
      description: 'New service users (NEW_USERS) in the counted returns.',
      resolve: (row) => row.childrenSupported,
    }),
    improvedOutcomes: t.field({
      type: PeopleCountRef,
      description: `Children whose overall outcome improved (${IMPROVED_OUTCOME_MEASURE}) in the counted returns.`,
      resolve: (row) => row.improvedOutcomes,
    }),
    costPerChild: t.field({
      type: StatisticRef,
      description: 'costAmount / children supported. For the Commissioner hidden under 8 children, else divided by the rounded count.',
      resolve: (row) => row.costPerChild,
    }),
    costPerImprovedOutcome: t.field({
      type: StatisticRef,
      description: 'costAmount / improved outcomes. For the Commissioner hidden under 8 people, else divided by the rounded count.',
      resolve: (row) => row.costPerImprovedOutcome,
    }),
  }),
});

const DashboardValueForMoneyRef = builder.objectRef<DashboardValueForMoneyShape>('DashboardValueForMoney').implement({
  description: 'Cost per child supported and per improved outcome, per service in scope (by reference), with the total.',
  authScopes: STAFF,
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (d) => d.filter }),
    services: t.field({ type: [ValueForMoneyRowRef], description: 'Sorted by service reference.', resolve: (d) => d.services }),
    total: t.field({ type: ValueForMoneyRowRef, description: 'Over every service in scope.', resolve: (d) => d.total }),
    costBasisNote: t.string({ description: 'Where the cost comes from, in words.', resolve: () => COST_BASIS_NOTE }),
    disclosure: t.exposeString('disclosure', { nullable: true, description: 'What control was applied, in words; null when exact.' }),
  }),
});

const noCost = (display: string): StatisticShape => ({ value: null, display, hidden: false, exportValue: '', source: null });

function valueForMoneyRow(filter: ResolvedDashboardFilter, row: ValueForMoneyRow): ValueForMoneyRowShape {
  // No cost, or nobody to divide it by (0 is shown as 0 to everyone, so saying so hides nothing).
  const cost = (people: bigint, nobody: string) =>
    row.costAmount === null
      ? noCost('No spend or funding recorded')
      : people === 0n
        ? noCost(nobody)
        : costPerPerson(row.costAmount, people, filter.controlled);
  return {
    serviceId: row.serviceId,
    reference: row.reference,
    title: row.title,
    providerName: row.providerName,
    returns: toNumber(row.returns),
    spend: row.spend,
    funding: row.funding,
    costBasis: row.costBasis,
    costAmount: row.costAmount,
    childrenSupported: peopleCount(row.newUsers, filter.controlled),
    improvedOutcomes: peopleCount(row.improved, filter.controlled),
    costPerChild: cost(row.costNewUsers, 'No children supported'),
    costPerImprovedOutcome: cost(row.costImproved, 'No improved outcomes'),
  };
}

/** The value-for-money dashboard's statement: a row per service, then the total. */
const valueForMoneyStatement = (scope: DashboardScope) => ({ sets: { rows: valueForMoneySet(scope) } });

export async function dashboardValueForMoney(ctx: Context, filter: ResolvedDashboardFilter): Promise<DashboardValueForMoneyShape> {
  return shapeValueForMoney(filter, await dashboardRows(ctx, valueForMoneyStatement(filter)));
}

function shapeValueForMoney(
  filter: ResolvedDashboardFilter,
  sets: DashboardRows<ReturnType<typeof valueForMoneyStatement>['sets']>,
): DashboardValueForMoneyShape {
  const rows = valueForMoneyRows(sets.rows);
  const shaped = rows.map((row) => valueForMoneyRow(filter, row));
  const total = shaped.pop()!; // the SQL's last row is always the total
  const figures = [...shaped, total].flatMap((row) => [
    row.childrenSupported,
    row.improvedOutcomes,
    row.costPerChild,
    row.costPerImprovedOutcome,
  ]);
  return { filter: filterEcho(filter), services: shaped, total, disclosure: disclosureNote(filter, figures, true) };
}

// ---------------------------------------------------------------------------------------------------------------
// Root fields
// ---------------------------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  dashboardOutcomes: t.field({
    type: DashboardOutcomesRef,
    description:
      'Outcome trends by domain (people assessed, improved, % improved, targets) for the selected quarters and the 4 ' +
      'quarters before them. OPCC staff only; controlled for the Commissioner.',
    authScopes: STAFF,
    args: { filter: t.arg({ type: DashboardFilterInput, required: false }) },
    resolve: dashboardResolver(outcomesStatement, shapeOutcomes),
  }),
  dashboardReach: t.field({
    type: DashboardReachRef,
    description:
      'New service users of the selected periods by age band, gender and ethnicity (one table each). OPCC staff only; ' +
      'controlled for the Commissioner.',
    authScopes: STAFF,
    args: { filter: t.arg({ type: DashboardFilterInput, required: false }) },
    resolve: dashboardResolver(reachStatement, shapeReach),
  }),
  dashboardValueForMoney: t.field({
    type: DashboardValueForMoneyRef,
    description:
      `Per service in scope: cost, children supported, improved outcomes, cost per child and per improved outcome. ${COST_BASIS_NOTE} ` +
      'OPCC staff only; costs per person controlled for the Commissioner.',
    authScopes: STAFF,
    args: { filter: t.arg({ type: DashboardFilterInput, required: false }) },
    resolve: dashboardResolver(valueForMoneyStatement, shapeValueForMoney),
  }),
}));
