// The officer's review of quarterly returns: the queue, what each frozen version holds, the differences between two
// versions (and between the latest approved version and now), and a return beside its service's previous 4 quarters
// and the targets of its year. The decisions themselves (approve, return for changes, reopen, lock exceptions) are
// mutations of graphql/types/return.ts.
//
// Visibility follows the returns': every field here hangs off PerformanceReturn or ReturnVersion (scoped to OPCC staff
// and the return's provider; the Commissioner sees approved returns only), and the history of previous quarters is
// read through visibleReturns, so a Commissioner sees the approved ones only.
//
// Disclosure control (CSA-SDC-1, graphql/types/figure-control.ts): for the Commissioner every count of people here
// (a version's values, the before and after of a change, this quarter's totals and cells, the previous quarters'
// totals) is controlled - a total worked out from the exact cells, then controlled on its own - and the comments
// beside figures are refused (FORBIDDEN). Officers and the provider see exact figures.
import { Prisma, type ReturnStatus } from '../../prisma/client';
import { builder } from '../builder';
import type { Context, Viewer } from '../context';
import { financialYearLabel, periodLabel, previousPeriod, type PeriodRef } from '../domain/periods';
import {
  decimalText,
  diffStates,
  displayValue,
  stateFromSnapshot,
  type ReturnState,
  type StateValue,
  type ValueDifference,
} from '../domain/return-diff';
import type { MeasureUnit } from '../domain/values';
import { isUuid } from '../domain/format';
import { BadUserInputError } from '../errors';
import {
  CONTROLLED_FIGURE_TEXT,
  CONTROLLED_FLAG_TEXT,
  NOT_FOR_COMMISSIONER_TEXT,
  notForCommissioner,
  shownFigure,
  type FigureMeasure,
} from './figure-control';
import { ReturnStatusEnum, visibleReturns } from './return';

// ---------------------------------------------------------------------------------------------------------------
// The layout of a template: sections, measures and breakdown options in order, with their labels
// ---------------------------------------------------------------------------------------------------------------

export interface LayoutMeasure {
  id: string;
  code: string;
  label: string;
  unit: MeasureUnit;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';
  /** A count of people: under disclosure control for the Commissioner (figure-control.ts). */
  countsPeople: boolean;
  /** Breakdown keys in order ('A' or 'A|B'), with their words ("Police", "13-15, Girl or woman"). */
  options: { key: string; label: string }[];
  /** Set for a breakdown-only measure: it has no '' row, its total is the sum of its cells. */
  breakdownOnly: boolean;
  /** Position in the template (sections, then measures), for ordering. */
  order: number;
  sectionCode: string;
  sectionTitle: string;
}

export interface LayoutSection {
  code: string;
  title: string;
  priorityIssueId: string | null;
  measures: LayoutMeasure[];
}

export interface TemplateLayout {
  sections: LayoutSection[];
  measures: Map<string, LayoutMeasure>;
}

const layouts = new WeakMap<object, Map<string, Promise<TemplateLayout>>>();

/** A template's layout, read once per request (one query, however many versions or values ask for it). */
export function templateLayout(ctx: Context, templateId: string): Promise<TemplateLayout> {
  let cache = layouts.get(ctx);
  if (!cache) layouts.set(ctx, (cache = new Map()));
  let layout = cache.get(templateId);
  if (!layout) {
    layout = loadLayout(ctx, templateId);
    cache.set(templateId, layout);
  }
  return layout;
}

async function loadLayout(ctx: Context, templateId: string): Promise<TemplateLayout> {
  const options = { select: { options: { select: { code: true, label: true }, orderBy: { sortOrder: 'asc' as const } } } };
  const template = await ctx.db.returnTemplate.findUniqueOrThrow({
    where: { id: templateId },
    select: {
      sections: {
        orderBy: { sortOrder: 'asc' },
        select: {
          code: true,
          title: true,
          priorityIssueId: true,
          measures: {
            orderBy: { sortOrder: 'asc' },
            select: {
              measure: {
                select: {
                  id: true,
                  code: true,
                  label: true,
                  unit: true,
                  direction: true,
                  countsPeople: true,
                  breakdown: options,
                  secondaryBreakdown: options,
                },
              },
            },
          },
        },
      },
      checks: { select: { rule: true } },
    },
  });
  // A breakdown-only measure shows as a breakdownSumsToTotal rule whose `total` is another measure (seeds/measures.ts).
  const breakdownOnly = new Set<string>();
  for (const { rule } of template.checks) {
    const r = rule as { type?: unknown; measure?: unknown; total?: unknown } | null;
    if (r?.type === 'breakdownSumsToTotal' && typeof r.measure === 'string' && typeof r.total === 'string' && r.total !== r.measure) {
      breakdownOnly.add(r.measure);
    }
  }
  const measures = new Map<string, LayoutMeasure>();
  let order = 0;
  const sections = template.sections.map(
    (section): LayoutSection => ({
      code: section.code,
      title: section.title,
      priorityIssueId: section.priorityIssueId,
      measures: section.measures.map(({ measure }) => {
        const primary = measure.breakdown?.options ?? [];
        const secondary = measure.secondaryBreakdown?.options ?? [];
        const keys: { key: string; label: string }[] = [];
        for (const a of primary) {
          if (secondary.length === 0) keys.push({ key: a.code, label: a.label });
          else for (const b of secondary) keys.push({ key: `${a.code}|${b.code}`, label: `${a.label}, ${b.label}` });
        }
        const entry: LayoutMeasure = {
          id: measure.id,
          code: measure.code,
          label: measure.label,
          unit: measure.unit,
          direction: measure.direction,
          countsPeople: measure.countsPeople,
          options: keys,
          breakdownOnly: breakdownOnly.has(measure.code),
          order: order++,
          sectionCode: section.code,
          sectionTitle: section.title,
        };
        if (!measures.has(measure.code)) measures.set(measure.code, entry);
        return entry;
      }),
    })
  );
  return { sections, measures };
}

/** Orders fields as the template does: section, measure, then the total before its breakdown in option order. */
export function layoutOrder(layout: TemplateLayout) {
  const position = (field: { measureCode: string; breakdownKey: string }): [number, number] => {
    const measure = layout.measures.get(field.measureCode);
    if (!measure) return [Number.MAX_SAFE_INTEGER, 0];
    if (field.breakdownKey === '') return [measure.order, -1];
    const index = measure.options.findIndex((option) => option.key === field.breakdownKey);
    return [measure.order, index < 0 ? Number.MAX_SAFE_INTEGER : index];
  };
  return (a: { measureCode: string; breakdownKey: string }, b: { measureCode: string; breakdownKey: string }) => {
    const [am, ak] = position(a);
    const [bm, bk] = position(b);
    return (
      am - bm ||
      ak - bk ||
      (a.measureCode < b.measureCode ? -1 : a.measureCode > b.measureCode ? 1 : a.breakdownKey.localeCompare(b.breakdownKey))
    );
  };
}

/**
 * The words for a field: the measure's label and the option's (null for the total). Unknown codes read as codes.
 * `figure`: how disclosure control sees the measure (an unknown code is treated as a count of people, so that a
 * figure nobody can describe never reaches the Commissioner exact).
 */
export function fieldWords(layout: TemplateLayout, measureCode: string, breakdownKey: string | null) {
  const measure = layout.measures.get(measureCode);
  const option = breakdownKey ? measure?.options.find((o) => o.key === breakdownKey)?.label ?? breakdownKey : null;
  const unit = (measure?.unit ?? 'DECIMAL') as MeasureUnit;
  const figure: FigureMeasure = { unit, countsPeople: measure?.countsPeople ?? true };
  return { measureLabel: measure?.label ?? measureCode, optionLabel: option, unit, measure, figure };
}

// ---------------------------------------------------------------------------------------------------------------
// Current values as a state
// ---------------------------------------------------------------------------------------------------------------

const stateRowsSelect = {
  select: {
    breakdownKey: true,
    numericValue: true,
    textValue: true,
    blankReason: true,
    comment: true,
    measure: { select: { code: true } },
  },
} as const;

type StateRow = {
  breakdownKey: string;
  numericValue: Prisma.Decimal | null;
  textValue: string | null;
  blankReason: string | null;
  comment: string | null;
  measure: { code: string };
};

const stateValueOf = (row: StateRow): StateValue => ({
  measureCode: row.measure.code,
  breakdownKey: row.breakdownKey,
  number: row.numericValue === null ? null : decimalText(row.numericValue.toFixed()),
  text: row.textValue,
  comment: row.comment,
});

const currentState = (noActivity: boolean, rows: StateRow[]): ReturnState => ({ noActivity, values: rows.map(stateValueOf) });

// ---------------------------------------------------------------------------------------------------------------
// What a version holds
// ---------------------------------------------------------------------------------------------------------------

interface VersionValueShape {
  measureCode: string;
  measureLabel: string;
  breakdownOption: string;
  optionLabel: string | null;
  sectionTitle: string | null;
  value: string | null;
  controlled: boolean;
  comment: string | null;
}

const ReturnVersionValue = builder.objectRef<VersionValueShape>('ReturnVersionValue').implement({
  description: 'One figure as it was frozen in a version of a return.',
  // Reachable only through a ReturnVersion of a return the caller may see.
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.exposeString('measureCode'),
    measureLabel: t.exposeString('measureLabel'),
    breakdownOption: t.exposeString('breakdownOption', { description: "'' for the total; an option code, or two joined by '|'." }),
    optionLabel: t.exposeString('optionLabel', { nullable: true, description: 'The breakdown option in words; null for the total.' }),
    sectionTitle: t.exposeString('sectionTitle', { nullable: true }),
    value: t.exposeString('value', {
      nullable: true,
      description: `As people read it ("12", "1250.50", or the text); null when blank. ${CONTROLLED_FIGURE_TEXT}`,
    }),
    controlled: t.exposeBoolean('controlled', { description: CONTROLLED_FLAG_TEXT }),
    comment: t.exposeString('comment', { nullable: true, description: NOT_FOR_COMMISSIONER_TEXT, authScopes: notForCommissioner }),
  }),
});

builder.prismaObjectFields('ReturnVersion', (t) => ({
  values: t.field({
    type: [ReturnVersionValue],
    description: 'The figures frozen in this version, in the order of the return.',
    select: { snapshot: true, return: { select: { templateId: true } } },
    resolve: async (version, _args, ctx) => {
      const layout = await templateLayout(ctx, version.return.templateId);
      const { values } = stateFromSnapshot(version.snapshot);
      return values.sort(layoutOrder(layout)).map((value) => {
        const words = fieldWords(layout, value.measureCode, value.breakdownKey);
        const shown = shownFigure(ctx.viewer, displayValue(value, words.unit), words.figure);
        return {
          measureCode: value.measureCode,
          measureLabel: words.measureLabel,
          breakdownOption: value.breakdownKey,
          optionLabel: words.optionLabel,
          sectionTitle: words.measure?.sectionTitle ?? null,
          value: shown.value,
          controlled: shown.controlled,
          comment: value.comment,
        };
      });
    },
  }),
  noActivity: t.boolean({
    nullable: true,
    description: 'Whether the version declared "no activity this quarter".',
    select: { snapshot: true },
    resolve: (version) => stateFromSnapshot(version.snapshot).noActivity,
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// Differences
// ---------------------------------------------------------------------------------------------------------------

const ValueChangeKind = builder.enumType('ValueChangeKind', {
  values: {
    ADDED: { description: 'Blank before, a value after.' },
    REMOVED: { description: 'A value before, blank after.' },
    CHANGED: { description: 'A different value.' },
    COMMENT: { description: 'The same value; only its comment changed.' },
  } as const,
});

interface ValueChangeShape {
  measureCode: string;
  measureLabel: string;
  sectionTitle: string | null;
  breakdownOption: string;
  optionLabel: string | null;
  kind: ValueDifference['kind'];
  before: string | null;
  after: string | null;
  controlled: boolean;
  commentBefore: string | null;
  commentAfter: string | null;
  valueChanged: boolean;
  commentChanged: boolean;
}

const ReturnValueChange = builder.objectRef<ValueChangeShape>('ReturnValueChange').implement({
  description: 'One figure (or its comment) that differs between two states of a return.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.exposeString('measureCode'),
    measureLabel: t.exposeString('measureLabel'),
    sectionTitle: t.exposeString('sectionTitle', { nullable: true }),
    breakdownOption: t.exposeString('breakdownOption', { description: "'' for the total." }),
    optionLabel: t.exposeString('optionLabel', { nullable: true, description: 'The breakdown option in words; null for the total.' }),
    kind: t.field({ type: ValueChangeKind, resolve: (change) => change.kind }),
    before: t.exposeString('before', { nullable: true, description: `null: blank. ${CONTROLLED_FIGURE_TEXT}` }),
    after: t.exposeString('after', { nullable: true, description: `null: blank. ${CONTROLLED_FIGURE_TEXT}` }),
    controlled: t.exposeBoolean('controlled', {
      description:
        'true when disclosure control (CSA-SDC-1) suppressed or rounded `before` or `after` (the Commissioner, counts of people). ' +
        'valueChanged and kind still compare the exact figures: two controlled figures can read the same and differ.',
    }),
    commentBefore: t.exposeString('commentBefore', { nullable: true, description: NOT_FOR_COMMISSIONER_TEXT, authScopes: notForCommissioner }),
    commentAfter: t.exposeString('commentAfter', { nullable: true, description: NOT_FOR_COMMISSIONER_TEXT, authScopes: notForCommissioner }),
    valueChanged: t.exposeBoolean('valueChanged'),
    commentChanged: t.exposeBoolean('commentChanged'),
  }),
});

interface ComparisonShape {
  fromVersion: number;
  fromStatus: ReturnStatus;
  fromCreatedAt: Date;
  toVersion: number | null;
  toStatus: ReturnStatus;
  toCreatedAt: Date | null;
  noActivityChanged: boolean;
  noActivityNow: boolean | null;
  changes: ValueChangeShape[];
}

const ReturnComparison = builder.objectRef<ComparisonShape>('ReturnComparison').implement({
  description: 'The differences between two versions of a return, or between a version and the return as it is now.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    fromVersion: t.exposeInt('fromVersion'),
    fromStatus: t.field({ type: ReturnStatusEnum, resolve: (c) => c.fromStatus }),
    fromCreatedAt: t.expose('fromCreatedAt', { type: 'DateTime' }),
    toVersion: t.exposeInt('toVersion', { nullable: true, description: 'null: the return as it is now.' }),
    toStatus: t.field({
      type: ReturnStatusEnum,
      description: "The later version's status, or the return's now.",
      resolve: (c) => c.toStatus,
    }),
    toCreatedAt: t.expose('toCreatedAt', { type: 'DateTime', nullable: true }),
    noActivityChanged: t.exposeBoolean('noActivityChanged', { description: 'The "no activity this quarter" declaration changed.' }),
    noActivityNow: t.exposeBoolean('noActivityNow', { nullable: true }),
    changes: t.field({ type: [ReturnValueChange], description: 'In the order of the return.', resolve: (c) => c.changes }),
  }),
});

function describeChanges(viewer: Viewer | null, layout: TemplateLayout, before: ReturnState, after: ReturnState) {
  const { noActivityChanged, differences } = diffStates(before, after, { compare: layoutOrder(layout) });
  const changes = differences.map((difference): ValueChangeShape => {
    const words = fieldWords(layout, difference.measureCode, difference.breakdownKey);
    const shownBefore = shownFigure(viewer, displayValue(difference.before, words.unit), words.figure);
    const shownAfter = shownFigure(viewer, displayValue(difference.after, words.unit), words.figure);
    return {
      measureCode: difference.measureCode,
      measureLabel: words.measureLabel,
      sectionTitle: words.measure?.sectionTitle ?? null,
      breakdownOption: difference.breakdownKey,
      optionLabel: words.optionLabel,
      kind: difference.kind,
      before: shownBefore.value,
      after: shownAfter.value,
      controlled: shownBefore.controlled || shownAfter.controlled,
      commentBefore: difference.before?.comment?.trim() || null,
      commentAfter: difference.after?.comment?.trim() || null,
      valueChanged: difference.valueChanged,
      commentChanged: difference.commentChanged,
    };
  });
  return { noActivityChanged, changes };
}

// ---------------------------------------------------------------------------------------------------------------
// History: the previous 4 quarters and the targets
// ---------------------------------------------------------------------------------------------------------------

interface HistoryPeriodShape {
  label: string;
  financialYear: number;
  quarter: number;
  returnId: string | null;
  status: ReturnStatus | null;
}

interface HistoryCellShape {
  breakdownOption: string;
  optionLabel: string;
  value: string | null;
  controlled: boolean;
  comment: string | null;
  blankReason: string | null;
}

interface HistoryMeasureShape {
  code: string;
  label: string;
  unit: MeasureUnit;
  direction: string;
  breakdownOnly: boolean;
  current: string | null;
  controlled: boolean;
  comment: string | null;
  blankReason: string | null;
  previous: (string | null)[];
  quarterTarget: string | null;
  annualTarget: string | null;
  target: string | null;
  targetMet: boolean | null;
  cells: HistoryCellShape[];
}

interface HistorySectionShape {
  code: string;
  title: string;
  measures: HistoryMeasureShape[];
}

interface HistoryTargetShape {
  measureCode: string;
  measureLabel: string;
  financialYear: number;
  quarter: number;
  value: string;
}

interface HistoryShape {
  periodLabel: string;
  financialYear: number;
  quarter: number;
  periods: HistoryPeriodShape[];
  sections: HistorySectionShape[];
  targets: HistoryTargetShape[];
}

const HistoryPeriod = builder.objectRef<HistoryPeriodShape>('ReturnHistoryPeriod').implement({
  description: 'One of the previous quarters, and the return for it (if there is one the caller may see).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    label: t.exposeString('label', { description: 'e.g. "2026/27 Q1"' }),
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter'),
    returnId: t.exposeID('returnId', { nullable: true }),
    status: t.field({ type: ReturnStatusEnum, nullable: true, description: 'null: no return.', resolve: (p) => p.status }),
  }),
});

const HistoryCell = builder.objectRef<HistoryCellShape>('ReturnHistoryCell').implement({
  description: "One cell of a measure's breakdown this quarter.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    breakdownOption: t.exposeString('breakdownOption'),
    optionLabel: t.exposeString('optionLabel'),
    value: t.exposeString('value', {
      nullable: true,
      description: `null when blank. For the Commissioner each cell of a count of people is controlled on its own. ${CONTROLLED_FIGURE_TEXT}`,
    }),
    controlled: t.exposeBoolean('controlled', { description: CONTROLLED_FLAG_TEXT }),
    comment: t.exposeString('comment', { nullable: true, description: NOT_FOR_COMMISSIONER_TEXT, authScopes: notForCommissioner }),
    blankReason: t.exposeString('blankReason', { nullable: true }),
  }),
});

const HistoryMeasure = builder.objectRef<HistoryMeasureShape>('ReturnHistoryMeasure').implement({
  description: "A measure of the return: this quarter's total, the previous quarters' totals and its target.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    unit: t.exposeString('unit', { description: 'COUNT, DECIMAL, MONEY, DAYS, PERCENT or TEXT.' }),
    direction: t.exposeString('direction', { description: 'HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL.' }),
    breakdownOnly: t.exposeBoolean('breakdownOnly', { description: 'Its total is the sum of its breakdown (it has no total of its own).' }),
    current: t.exposeString('current', {
      nullable: true,
      description:
        "This quarter's total (or text); null when blank. A breakdown-only measure's total is the sum of its exact cells, " +
        `controlled on its own. ${CONTROLLED_FIGURE_TEXT}`,
    }),
    controlled: t.exposeBoolean('controlled', {
      description:
        'true when disclosure control (CSA-SDC-1) suppressed or rounded `current` or any of `previous` (the Commissioner, ' +
        'a count of people of 1 or more); false for exact figures and 0.',
    }),
    comment: t.exposeString('comment', {
      nullable: true,
      description: `The comment on this quarter's total. ${NOT_FOR_COMMISSIONER_TEXT}`,
      authScopes: notForCommissioner,
    }),
    blankReason: t.exposeString('blankReason', { nullable: true }),
    previous: t.stringList({
      nullable: { list: false, items: true },
      description: `The previous quarters' totals, in the order of \`periods\` (oldest first); null: no figure. ${CONTROLLED_FIGURE_TEXT}`,
      resolve: (m) => m.previous,
    }),
    quarterTarget: t.exposeString('quarterTarget', {
      nullable: true,
      description: 'The target set for this quarter. A target is a planned figure, not a count of people: never controlled.',
    }),
    annualTarget: t.exposeString('annualTarget', {
      nullable: true,
      description: 'The target set for the financial year. A planned figure, not a count of people: never controlled.',
    }),
    target: t.exposeString('target', {
      nullable: true,
      description:
        "What this quarter is compared with, as the checks do: the quarter's target, else the annual target divided by 4 " +
        '(COUNT and MONEY) or as it is (other units). A planned figure, not a count of people: never controlled.',
    }),
    targetMet: t.exposeBoolean('targetMet', {
      nullable: true,
      description:
        'null: no target, no figure, or no direction. For the Commissioner a count of people is compared as shown: the rounded ' +
        'figure, and null when it is suppressed ("fewer than 8"), so that the answer tells nothing the figure does not.',
    }),
    cells: t.field({ type: [HistoryCell], description: "This quarter's breakdown, in order.", resolve: (m) => m.cells }),
  }),
});

const HistorySection = builder.objectRef<HistorySectionShape>('ReturnHistorySection').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    measures: t.field({ type: [HistoryMeasure], resolve: (s) => s.measures }),
  }),
});

const HistoryTarget = builder.objectRef<HistoryTargetShape>('ReturnHistoryTarget').implement({
  description: "A target of the service for the return's financial year.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.exposeString('measureCode'),
    measureLabel: t.exposeString('measureLabel'),
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter', { description: '0: the whole financial year.' }),
    label: t.string({
      description: 'e.g. "2026/27" or "2026/27 Q2"',
      resolve: (x) => (x.quarter === 0 ? financialYearLabel(x.financialYear) : periodLabel(x.financialYear, x.quarter)),
    }),
    value: t.exposeString('value', { description: 'A target is a planned figure, not a count of people: never controlled.' }),
  }),
});

const ReturnHistory = builder.objectRef<HistoryShape>('ReturnHistory').implement({
  description: "A return beside its service's previous 4 quarters and the targets of its year.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    periodLabel: t.exposeString('periodLabel'),
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter'),
    periods: t.field({ type: [HistoryPeriod], description: 'The previous 4 quarters, oldest first.', resolve: (h) => h.periods }),
    sections: t.field({ type: [HistorySection], description: "The return's sections, in order.", resolve: (h) => h.sections }),
    targets: t.field({ type: [HistoryTarget], resolve: (h) => h.targets }),
  }),
});

const versionSelect = { number: true, status: true, createdAt: true, snapshot: true } as const;

builder.prismaObjectFields('PerformanceReturn', (t) => ({
  versionComparison: t.field({
    type: ReturnComparison,
    nullable: true,
    description:
      'The differences between version `from` and version `to` (or, without `to`, the return as it is now). ' +
      'null when a version does not exist.',
    args: { from: t.arg.int({ required: true }), to: t.arg.int({ required: false }) },
    select: { id: true, templateId: true, status: true, noActivity: true },
    resolve: async (ret, args, ctx) => {
      const numbers = [args.from, ...(args.to === null || args.to === undefined ? [] : [args.to])];
      const [versions, rows, layout] = await Promise.all([
        ctx.db.returnVersion.findMany({ where: { returnId: ret.id, number: { in: numbers } }, select: versionSelect }),
        args.to === null || args.to === undefined
          ? ctx.db.returnValue.findMany({ where: { returnId: ret.id }, ...stateRowsSelect })
          : Promise.resolve([]),
        templateLayout(ctx, ret.templateId),
      ]);
      const from = versions.find((v) => v.number === args.from);
      const to = args.to === null || args.to === undefined ? null : versions.find((v) => v.number === args.to);
      if (!from || to === undefined) return null;
      const after = to ? stateFromSnapshot(to.snapshot) : currentState(ret.noActivity, rows);
      const { noActivityChanged, changes } = describeChanges(ctx.viewer, layout, stateFromSnapshot(from.snapshot), after);
      return {
        fromVersion: from.number,
        fromStatus: from.status,
        fromCreatedAt: from.createdAt,
        toVersion: to?.number ?? null,
        toStatus: to?.status ?? ret.status,
        toCreatedAt: to?.createdAt ?? null,
        noActivityChanged,
        noActivityNow: after.noActivity,
        changes,
      };
    },
  }),

  changesSinceApproval: t.field({
    type: ReturnComparison,
    nullable: true,
    description:
      'What changed since the latest APPROVED version (for a reopened return): that version against the return as it is ' +
      'now. null when the return has never been approved.',
    select: {
      id: true,
      status: true,
      templateId: true,
      noActivity: true,
      versions: { where: { status: 'APPROVED' }, orderBy: { number: 'desc' }, take: 1, select: versionSelect },
      values: stateRowsSelect,
    },
    resolve: async (ret, _args, ctx) => {
      const approved = ret.versions[0];
      if (!approved) return null;
      const layout = await templateLayout(ctx, ret.templateId);
      const after = currentState(ret.noActivity, ret.values);
      const { noActivityChanged, changes } = describeChanges(ctx.viewer, layout, stateFromSnapshot(approved.snapshot), after);
      return {
        fromVersion: approved.number,
        fromStatus: approved.status,
        fromCreatedAt: approved.createdAt,
        toVersion: null,
        toStatus: ret.status,
        toCreatedAt: null,
        noActivityChanged,
        noActivityNow: after.noActivity,
        changes,
      };
    },
  }),

  history: t.field({
    type: ReturnHistory,
    description:
      "The return beside its service's previous 4 quarters (totals per measure, whatever their status; for the " +
      'Commissioner, approved returns only) and the targets of its financial year, section by section. A few ' +
      'queries per return: not for lists.',
    select: { id: true },
    resolve: (ret, _args, ctx) => historyOf(ctx, ret.id),
  }),
}));

const historyRowsSelect = {
  select: {
    breakdownKey: true,
    numericValue: true,
    textValue: true,
    blankReason: true,
    comment: true,
    measure: { select: { code: true } },
  },
} as const;

type ValueMaps = Map<string, Map<string, StateRow>>;

function byMeasure(rows: StateRow[]): ValueMaps {
  const maps: ValueMaps = new Map();
  for (const row of rows) {
    let cells = maps.get(row.measure.code);
    if (!cells) maps.set(row.measure.code, (cells = new Map()));
    cells.set(row.breakdownKey, row);
  }
  return maps;
}

const show = (value: Prisma.Decimal | null, unit: MeasureUnit) =>
  value === null ? null : displayValue({ measureCode: '', breakdownKey: '', number: value.toFixed(), text: null, comment: null }, unit);

/** A measure's total: its '' row, or the sum of a breakdown-only measure's cells (null when every cell is blank). */
function totalOf(measure: LayoutMeasure, values: ValueMaps | null): { number: Prisma.Decimal | null; text: string | null } {
  const cells = values?.get(measure.code);
  if (!cells) return { number: null, text: null };
  if (!measure.breakdownOnly) {
    const row = cells.get('');
    return { number: row?.numericValue ?? null, text: row?.textValue ?? null };
  }
  let sum: Prisma.Decimal | null = null;
  for (const [key, row] of cells) {
    if (key === '' || row.numericValue === null) continue;
    sum = (sum ?? new Prisma.Decimal(0)).add(row.numericValue);
  }
  return { number: sum, text: null };
}

const totalText = (measure: LayoutMeasure, values: ValueMaps | null) => {
  const total = totalOf(measure, values);
  return total.number !== null ? show(total.number, measure.unit) : total.text;
};

async function historyOf(ctx: Context, returnId: string): Promise<HistoryShape> {
  const ret = await ctx.db.performanceReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      serviceId: true,
      templateId: true,
      period: { select: { financialYear: true, quarter: true, label: true } },
      service: { select: { priorityIssues: { select: { priorityIssueId: true } } } },
      values: historyRowsSelect,
    },
  });
  const previous: PeriodRef[] = [];
  let cursor: PeriodRef = { financialYear: ret.period.financialYear, quarter: ret.period.quarter as PeriodRef['quarter'] };
  for (let i = 0; i < 4; i++) previous.unshift((cursor = previousPeriod(cursor)));

  const [layout, earlier, targets] = await Promise.all([
    templateLayout(ctx, ret.templateId),
    ctx.db.performanceReturn.findMany({
      where: {
        AND: [
          { serviceId: ret.serviceId },
          { OR: previous.map((p) => ({ period: { financialYear: p.financialYear, quarter: p.quarter } })) },
          visibleReturns(ctx),
        ],
      },
      select: { id: true, status: true, period: { select: { financialYear: true, quarter: true } }, values: historyRowsSelect },
    }),
    ctx.db.target.findMany({
      where: { serviceId: ret.serviceId, financialYear: ret.period.financialYear },
      select: { quarter: true, value: true, financialYear: true, measure: { select: { code: true } } },
      orderBy: [{ quarter: 'asc' }],
    }),
  ]);

  const periods = previous.map((p): HistoryPeriodShape & { values: ValueMaps | null } => {
    const found = earlier.find((r) => r.period.financialYear === p.financialYear && r.period.quarter === p.quarter);
    return {
      label: periodLabel(p.financialYear, p.quarter),
      financialYear: p.financialYear,
      quarter: p.quarter,
      returnId: found?.id ?? null,
      status: found?.status ?? null,
      values: found ? byMeasure(found.values) : null,
    };
  });
  const values = byMeasure(ret.values);
  const issues = new Set(ret.service.priorityIssues.map((link) => link.priorityIssueId));
  const targetOf = (code: string, quarter: number) =>
    targets.find((target) => target.measure.code === code && target.quarter === quarter) ?? null;

  const sections = layout.sections
    .filter((section) => section.priorityIssueId === null || issues.has(section.priorityIssueId))
    .map(
      (section): HistorySectionShape => ({
        code: section.code,
        title: section.title,
        measures: section.measures.map((measure): HistoryMeasureShape => {
          const total = totalOf(measure, values);
          const totalRow = values.get(measure.code)?.get('') ?? null;
          const quarterly = targetOf(measure.code, ret.period.quarter);
          const annual = targetOf(measure.code, 0);
          // As the checks compare (graphql/domain/checks.ts): a quarter's worth of an annual COUNT or MONEY target.
          const target = quarterly
            ? quarterly.value
            : annual
            ? measure.unit === 'COUNT' || measure.unit === 'MONEY'
              ? annual.value.div(4)
              : annual.value
            : null;
          // Disclosure control (figure-control.ts): totals from the exact figures, then controlled on their own.
          const current = shownFigure(ctx.viewer, total.number !== null ? show(total.number, measure.unit) : total.text, measure);
          const previousTotals = periods.map((p) => shownFigure(ctx.viewer, totalText(measure, p.values), measure));
          // What targetMet compares: the figure as the caller sees it (the rounded count for the Commissioner; none
          // when it is suppressed).
          const compared = !current.controlled
            ? total.number
            : current.value !== null && /^\d+$/.test(current.value)
            ? new Prisma.Decimal(current.value)
            : null;
          let targetMet: boolean | null = null;
          if (target !== null && compared !== null && measure.direction !== 'NEUTRAL') {
            targetMet = measure.direction === 'HIGHER_IS_BETTER' ? compared.gte(target) : compared.lte(target);
          }
          return {
            code: measure.code,
            label: measure.label,
            unit: measure.unit,
            direction: measure.direction,
            breakdownOnly: measure.breakdownOnly,
            current: current.value,
            controlled: current.controlled || previousTotals.some((p) => p.controlled),
            comment: totalRow?.comment ?? null,
            blankReason: totalRow?.blankReason ?? null,
            previous: previousTotals.map((p) => p.value),
            quarterTarget: quarterly ? show(quarterly.value, measure.unit) : null,
            annualTarget: annual ? show(annual.value, measure.unit) : null,
            target: target === null ? null : show(target, measure.unit),
            targetMet,
            cells: measure.options.map((option) => {
              const row = values.get(measure.code)?.get(option.key) ?? null;
              // Each cell of a breakdown is controlled on its own.
              const cell = shownFigure(
                ctx.viewer,
                row ? (row.numericValue !== null ? show(row.numericValue, measure.unit) : row.textValue) : null,
                measure,
              );
              return {
                breakdownOption: option.key,
                optionLabel: option.label,
                value: cell.value,
                controlled: cell.controlled,
                comment: row?.comment ?? null,
                blankReason: row?.blankReason ?? null,
              };
            }),
          };
        }),
      })
    );

  return {
    periodLabel: ret.period.label,
    financialYear: ret.period.financialYear,
    quarter: ret.period.quarter,
    periods: periods.map(({ values: _values, ...period }) => period),
    sections,
    targets: targets
      .map((target) => ({
        measureCode: target.measure.code,
        measureLabel: layout.measures.get(target.measure.code)?.label ?? target.measure.code,
        financialYear: target.financialYear,
        quarter: target.quarter,
        value: show(target.value, layout.measures.get(target.measure.code)?.unit ?? 'DECIMAL') ?? target.value.toFixed(),
        order: layout.measures.get(target.measure.code)?.order ?? Number.MAX_SAFE_INTEGER,
      }))
      .sort((a, b) => a.order - b.order || a.quarter - b.quarter)
      .map(({ order: _order, ...target }) => target),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The review queue
// ---------------------------------------------------------------------------------------------------------------

const REVIEWED: ReturnStatus[] = ['APPROVED', 'RETURNED', 'REOPENED'];

const periodIdArg = (value: string | number | null | undefined) => {
  if (value === null || value === undefined || value === '') return null;
  if (!isUuid(String(value))) throw new BadUserInputError(`There is no reporting period with id ${value}.`, 'periodId');
  return String(value);
};

builder.queryFields((t) => ({
  reviewQueue: t.prismaField({
    type: ['PerformanceReturn'],
    description: 'Returns waiting for review (SUBMITTED), the oldest submission first; optionally one reporting period.',
    authScopes: { opccStaff: true },
    args: { periodId: t.arg.id({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const periodId = periodIdArg(args.periodId);
      return ctx.db.performanceReturn.findMany({
        ...query,
        where: { AND: [visibleReturns(ctx), { status: 'SUBMITTED' }, periodId ? { periodId } : {}] },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
  recentlyReviewedReturns: t.prismaField({
    type: ['PerformanceReturn'],
    description:
      'Returns reviewed most recently (approved, returned for changes or reopened), latest review first; optionally one ' +
      'reporting period and one of those statuses. At most `limit` (default 20, at most 100).',
    authScopes: { opccStaff: true },
    args: {
      periodId: t.arg.id({ required: false }),
      status: t.arg({ type: ReturnStatusEnum, required: false }),
      limit: t.arg.int({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const periodId = periodIdArg(args.periodId);
      const limit = args.limit ?? 20;
      if (limit < 1 || limit > 100) throw new BadUserInputError('Ask for between 1 and 100 returns.', 'limit');
      const statuses = args.status ? REVIEWED.filter((s) => s === args.status) : REVIEWED;
      return ctx.db.performanceReturn.findMany({
        ...query,
        where: { AND: [visibleReturns(ctx), { status: { in: statuses }, reviewedAt: { not: null } }, periodId ? { periodId } : {}] },
        orderBy: [{ reviewedAt: 'desc' }, { id: 'asc' }],
        take: limit,
      });
    },
  }),
}));
