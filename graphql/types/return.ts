// Quarterly returns: a provider's figures for one service and one reporting period, their checks, the workflow
// (draft -> submitted -> returned for changes / approved -> reopened) and the frozen versions.
// Providers see and write only their own organisation's returns (queries filter rows with visibleServices AND the
// type is scoped to OPCC staff or the return's provider). Officers review; admins reopen and grant lock exceptions.
// Every mutation runs in the one transaction graphql/yoga.ts opens; typed errors are thrown before any write.
// The Commissioner sees approved returns only, with counts of people under disclosure control (CSA-SDC-1) and without
// the working tools that quote exact figures (comments, checks): graphql/types/figure-control.ts.
import { Prisma, ReturnStatus } from '../../prisma/client';
import { builder } from '../builder';
import { isOpccStaff, type Context } from '../context';
import {
  blockingFailures,
  breakdownOnlyTotals,
  checkRuleFrom,
  runChecks,
  valuesFrom,
  type CheckDefinition,
  type CheckResult,
  type MeasureInfo,
  type ValueRow,
} from '../domain/checks';
import { unansweredMeasures, type CompletenessMeasure, type Unanswered } from '../domain/completeness';
import { isUuid } from '../domain/format';
import { todayInLondon, toIsoDate } from '../domain/periods';
import { parseValue, type MeasureUnit } from '../domain/values';
import { BadUserInputError, ForbiddenError, NotAllowedError, NotFoundError, signedInUserId, VersionConflictError } from '../errors';
import {
  GrantLockExceptionSchema,
  ReopenReturnSchema,
  ReturnForChangesSchema,
  ReviewReturnSchema,
  SaveReturnDraftSchema,
  SubmitReturnSchema,
  type GrantLockExceptionInput,
  type ReopenReturnInput,
  type ReviewReturnInput,
  type SaveReturnDraftInput,
  type SubmitReturnInput,
} from '../validation/return';
import { CheckResultRef, PeriodLockedError, Problem, ValidationFailedError, type ProblemShape } from './return-errors';
import {
  CONTROLLED_FIGURE_TEXT,
  CONTROLLED_FLAG_TEXT,
  NOT_FOR_COMMISSIONER_TEXT,
  notForCommissioner,
  returnDisclosureNote,
  shownFigure,
  shownValue,
} from './figure-control';
import { visibleServices } from './service';

export const ReturnStatusEnum = builder.enumType(ReturnStatus, { name: 'ReturnStatus' });

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The returns a caller may see: officers and admins all; the Commissioner approved ones only (figures that have
 * not been reviewed do not reach the Commissioner); a provider (or its API token) its own organisation's.
 */
export function visibleReturns(ctx: Context): Prisma.PerformanceReturnWhereInput {
  const where: Prisma.PerformanceReturnWhereInput = { service: visibleServices(ctx) };
  return ctx.viewer?.role === 'COMMISSIONER' ? { ...where, status: 'APPROVED' } : where;
}

/** Locked: today in London is on or after the lock date, and no admin exception is in force. */
export function isLocked(locksOn: Date, activeExceptions: number): boolean {
  return todayInLondon() >= toIsoDate(locksOn) && activeExceptions === 0;
}

const activeExceptionsWhere = (): Prisma.LockExceptionWhereInput => ({ revokedAt: null, endsAt: { gt: new Date() } });

/** A stored value as canonical text: MONEY with pence, other numbers without trailing zeros, TEXT as it is. */
export function canonical(row: { numericValue: Prisma.Decimal | null; textValue: string | null }, unit: MeasureUnit): string | null {
  if (row.numericValue !== null) return unit === 'MONEY' ? row.numericValue.toFixed(2) : row.numericValue.toFixed();
  return row.textValue;
}

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

builder.prismaObject('ReturnValue', {
  description: "One figure of a return: a measure's total (breakdownOption '') or one cell of its breakdown.",
  // Reachable only through a PerformanceReturn, which is scoped to OPCC staff and its provider.
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.string({ select: { measure: { select: { code: true } } }, resolve: (row) => row.measure.code }),
    breakdownOption: t.exposeString('breakdownKey', {
      description: "'' for the total; an option code ('POLICE'), or two joined by '|' ('AGE_13_15|GIRL_WOMAN').",
    }),
    value: t.string({
      nullable: true,
      description: `Canonical text: "1200", "2.5", "85000.50", or the text of a TEXT measure; null when blank. ${CONTROLLED_FIGURE_TEXT}`,
      select: { numericValue: true, textValue: true, measure: { select: { unit: true, countsPeople: true } } },
      resolve: (row, _args, ctx) => shownValue(ctx.viewer, canonical(row, row.measure.unit), row.measure),
    }),
    controlled: t.boolean({
      description: CONTROLLED_FLAG_TEXT,
      select: { numericValue: true, textValue: true, measure: { select: { unit: true, countsPeople: true } } },
      resolve: (row, _args, ctx) => shownFigure(ctx.viewer, canonical(row, row.measure.unit), row.measure).controlled,
    }),
    comment: t.exposeString('comment', {
      nullable: true,
      description: `The provider's comment on the figure (it explains checks, often quoting figures). ${NOT_FOR_COMMISSIONER_TEXT}`,
      authScopes: notForCommissioner,
    }),
    blankReason: t.exposeString('blankReason', { nullable: true }),
  }),
});

builder.prismaObject('ReturnVersion', {
  description: 'A frozen copy of a return, made when it is submitted and when it is approved.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeInt('number'),
    status: t.expose('status', { type: ReturnStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.string({ select: { createdBy: { select: { name: true } } }, resolve: (v) => v.createdBy.name }),
    declarationName: t.exposeString('declarationName', { nullable: true }),
  }),
});

builder.prismaObject('LockException', {
  description: 'An admin exception that allows edits to a return after its period has locked, until endsAt.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    grantedBy: t.string({ select: { grantedBy: { select: { name: true } } }, resolve: (e) => e.grantedBy.name }),
  }),
});

builder.prismaObject('PerformanceReturn', {
  description: "A provider's quarterly return for one service and one reporting period.",
  select: { id: true, status: true, service: { select: { providerId: true } } },
  // The same rule as visibleReturns, on the type itself, so no nested path reaches a return the caller may not see.
  authScopes: (r, ctx) =>
    ctx.viewer?.role === 'COMMISSIONER' ? r.status === 'APPROVED' : { opccStaff: true, organisation: r.service.providerId },
  fields: (t) => ({
    id: t.exposeID('id'),
    service: t.relation('service'),
    period: t.relation('period'),
    status: t.expose('status', { type: ReturnStatusEnum }),
    version: t.exposeInt('version'),
    noActivity: t.exposeBoolean('noActivity'),
    declarationName: t.exposeString('declarationName', { nullable: true }),
    values: t.relation('values', { query: { orderBy: [{ measure: { code: 'asc' } }, { breakdownKey: 'asc' }] } }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    submittedBy: t.string({
      nullable: true,
      description: 'The name of the person who submitted it.',
      select: { submittedBy: { select: { name: true } } },
      resolve: (r) => r.submittedBy?.name ?? null,
    }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewedBy: t.string({
      nullable: true,
      description: 'The name of the officer who last reviewed it (approved or returned it).',
      select: { reviewedBy: { select: { name: true } } },
      resolve: (r) => r.reviewedBy?.name ?? null,
    }),
    returnedReason: t.exposeString('returnedReason', { nullable: true }),
    reopenedReason: t.exposeString('reopenedReason', { nullable: true }),
    versions: t.relation('versions', { query: { orderBy: { number: 'asc' } } }),
    lockExceptions: t.relation('lockExceptions', { query: { orderBy: { createdAt: 'asc' } } }),
    locked: t.boolean({
      description: "Today (in England) is on or after the period's lock date and no admin exception is in force.",
      select: () => ({
        period: { select: { locksOn: true } },
        lockExceptions: { where: activeExceptionsWhere(), select: { id: true } },
      }),
      resolve: (r) => isLocked(r.period.locksOn, r.lockExceptions.length),
    }),
    checks: t.field({
      type: [CheckResultRef],
      description:
        "The template's checks on the current values. A few queries per return: not for lists. A working tool of the provider " +
        `and the reviewing officer: which checks pass reveals how exact figures compare. ${NOT_FOR_COMMISSIONER_TEXT}`,
      authScopes: notForCommissioner,
      resolve: async (r, _args, ctx) => (await checksFor(ctx, r.id)).results,
    }),
    disclosure: t.string({
      nullable: true,
      description:
        'For the Commissioner: what disclosure control (CSA-SDC-1) does to the figures of this return, in words (ending ' +
        '"Figures are rounded and may not sum."). null for viewers who see exact figures.',
      resolve: (_r, _args, ctx) => returnDisclosureNote(ctx.viewer),
    }),
    unanswered: t.field({
      type: [Problem],
      description:
        'The required questions that have no answer yet (0 is an answer; a blank needs a reason): submitReturn refuses the return ' +
        'until there are none. "No activity this quarter" answers nothing by itself. A few queries per return: not for lists.',
      resolve: async (r, _args, ctx) => (await unansweredFor(ctx, r.id)).map(unansweredProblem),
    }),
  }),
});

builder.prismaObjectField('CommissionedService', 'returns', (t) =>
  t.relation('returns', {
    description: "The service's quarterly returns, latest period first (for the Commissioner: approved ones).",
    query: (_args, ctx) => ({
      where: ctx.viewer?.role === 'COMMISSIONER' ? { status: 'APPROVED' as const } : {},
      orderBy: [{ period: { financialYear: 'desc' as const } }, { period: { quarter: 'desc' as const } }],
    }),
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// The template of a return and its checks
// ---------------------------------------------------------------------------------------------------------------

export interface TemplateMeasure extends MeasureInfo {
  id: string;
  label: string;
  /** Needs an answer before the return is submitted (TemplateSectionMeasure.required; see domain/completeness.ts). */
  required: boolean;
  /** Allowed breakdown keys ('' unless breakdown-only) with the words for messages. */
  keys: Map<string, string>;
}

export interface TemplateShape {
  measures: Map<string, TemplateMeasure>;
  checks: CheckDefinition[];
}

/** The measures of a template for a service (core sections and its priority-issue modules) and its checks. */
export async function loadTemplate(ctx: Context, templateId: string, priorityIssueIds: string[]): Promise<TemplateShape> {
  const optionSelect = { select: { options: { select: { code: true, label: true }, orderBy: { sortOrder: 'asc' as const } } } };
  const template = await ctx.db.returnTemplate.findUniqueOrThrow({
    where: { id: templateId },
    select: {
      sections: {
        where: { OR: [{ priorityIssueId: null }, { priorityIssueId: { in: priorityIssueIds } }] },
        orderBy: { sortOrder: 'asc' },
        select: {
          measures: {
            orderBy: { sortOrder: 'asc' },
            select: {
              required: true,
              measure: {
                select: {
                  id: true,
                  code: true,
                  label: true,
                  unit: true,
                  direction: true,
                  breakdown: optionSelect,
                  secondaryBreakdown: optionSelect,
                },
              },
            },
          },
        },
      },
      checks: { orderBy: { sortOrder: 'asc' }, select: { code: true, severity: true, rule: true, message: true } },
    },
  });
  const checks: CheckDefinition[] = template.checks.map((check) => ({
    code: check.code,
    severity: check.severity,
    rule: checkRuleFrom(check.rule),
    message: check.message,
  }));
  const totals = breakdownOnlyTotals(checks);
  const measures = new Map<string, TemplateMeasure>();
  for (const section of template.sections) {
    for (const { measure, required } of section.measures) {
      const seen = measures.get(measure.code);
      if (seen) {
        // A measure in two sections is one question: required if either section requires it.
        seen.required ||= required;
        continue;
      }
      const totalMeasure = totals.get(measure.code) ?? null;
      const keys = new Map<string, string>();
      if (!totalMeasure) keys.set('', measure.label);
      const primary = measure.breakdown?.options ?? [];
      const secondary = measure.secondaryBreakdown?.options ?? [];
      for (const a of primary) {
        if (secondary.length === 0) keys.set(a.code, `${measure.label} (${a.label})`);
        else for (const b of secondary) keys.set(`${a.code}|${b.code}`, `${measure.label} (${a.label}, ${b.label})`);
      }
      measures.set(measure.code, {
        id: measure.id,
        code: measure.code,
        label: measure.label,
        unit: measure.unit,
        direction: measure.direction,
        required,
        totalMeasure,
        keys,
      });
    }
  }
  return { measures, checks };
}

/** The DEFAULT template in force for a period: the latest published version effective on or before it. */
export async function templateFor(ctx: Context, period: { financialYear: number; quarter: number }) {
  return ctx.db.returnTemplate.findFirst({
    where: {
      code: 'DEFAULT',
      publishedAt: { not: null },
      OR: [
        { effectiveFrom: { financialYear: { lt: period.financialYear } } },
        { effectiveFrom: { financialYear: period.financialYear, quarter: { lte: period.quarter } } },
      ],
    },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
}

export const valueRowsSelect = {
  select: { breakdownKey: true, numericValue: true, textValue: true, comment: true, measure: { select: { code: true, unit: true } } },
} as const;

export type StoredValue = { breakdownKey: string; numericValue: Prisma.Decimal | null; textValue: string | null; comment: string | null; measure: { code: string; unit: MeasureUnit } };

export const toValueRows = (rows: StoredValue[]): ValueRow[] =>
  rows.map((row) => ({
    measureCode: row.measure.code,
    breakdownKey: row.breakdownKey,
    value: canonical(row, row.measure.unit),
    comment: row.comment,
  }));

/** The template's measures as graphql/domain/completeness.ts sees them. */
export const completenessMeasures = (template: TemplateShape): CompletenessMeasure[] =>
  [...template.measures.values()].map((m) => ({ code: m.code, label: m.label, unit: m.unit, required: m.required, keys: [...m.keys.keys()] }));

/** Stored values (with their reasons for blanks) as graphql/domain/completeness.ts reads them. */
const completenessValues = (rows: (StoredValue & { blankReason: string | null })[]) =>
  rows.map((row) => ({ measureCode: row.measure.code, breakdownKey: row.breakdownKey, value: canonical(row, row.measure.unit), blankReason: row.blankReason }));

/** An unanswered question as a problem in the API's convention ("CODE" or "CODE[KEY]" and a message). */
export const unansweredProblem = (u: Unanswered): ProblemShape => ({ field: u.field, message: u.message });

/** The required questions of a return that have no answer yet (graphql/domain/completeness.ts). Two queries. */
export async function unansweredFor(ctx: Context, returnId: string): Promise<Unanswered[]> {
  const ret = await ctx.db.performanceReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      templateId: true,
      service: { select: { priorityIssues: { select: { priorityIssueId: true } } } },
      values: { select: { ...valueRowsSelect.select, blankReason: true } },
    },
  });
  const template = await loadTemplate(ctx, ret.templateId, ret.service.priorityIssues.map((link) => link.priorityIssueId));
  return unansweredMeasures(completenessMeasures(template), completenessValues(ret.values));
}

/**
 * Runs the template's checks on a return: its values, the previous quarter's return and the service's targets.
 * Also answers its unanswered questions (graphql/domain/completeness.ts), from the same values.
 */
export async function checksFor(ctx: Context, returnId: string): Promise<{ results: CheckResult[]; unanswered: Unanswered[] }> {
  const ret = await ctx.db.performanceReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      serviceId: true,
      templateId: true,
      period: { select: { financialYear: true, quarter: true } },
      service: { select: { priorityIssues: { select: { priorityIssueId: true } } } },
      values: { select: { ...valueRowsSelect.select, blankReason: true } },
    },
  });
  const { financialYear, quarter } = ret.period;
  const previousPeriod = quarter === 1 ? { financialYear: financialYear - 1, quarter: 4 } : { financialYear, quarter: quarter - 1 };
  const [template, previous, targets] = await Promise.all([
    loadTemplate(ctx, ret.templateId, ret.service.priorityIssues.map((link) => link.priorityIssueId)),
    ctx.db.performanceReturn.findFirst({
      where: { serviceId: ret.serviceId, period: previousPeriod },
      select: { values: valueRowsSelect },
    }),
    ctx.db.target.findMany({
      where: { serviceId: ret.serviceId, financialYear },
      select: { quarter: true, value: true, measure: { select: { code: true } } },
    }),
  ]);
  const results = runChecks(template.checks, {
    measures: template.measures,
    values: valuesFrom(toValueRows(ret.values)),
    previous: previous ? valuesFrom(toValueRows(previous.values)) : null,
    targets: targets.map((target) => ({ measureCode: target.measure.code, quarter: target.quarter, value: target.value.toString() })),
    quarter: quarter as 1 | 2 | 3 | 4,
  });
  return { results, unanswered: unansweredMeasures(completenessMeasures(template), completenessValues(ret.values)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

const ReturnFilter = builder.inputType('ReturnFilter', {
  fields: (t) => ({
    serviceId: t.id({ required: false }),
    periodId: t.id({ required: false }),
    financialYear: t.int({ required: false, description: 'The year the financial year starts: 2026 is 2026/27.' }),
    statuses: t.field({ type: [ReturnStatusEnum], required: false }),
  }),
});

builder.queryFields((t) => ({
  returns: t.prismaField({
    type: ['PerformanceReturn'],
    description: 'Returns visible to the caller, latest period first, then by service reference.',
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: ReturnFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) => {
      const and: Prisma.PerformanceReturnWhereInput[] = [visibleReturns(ctx)];
      const checkId = (value: string | number, field: string) => {
        if (!isUuid(String(value))) throw new BadUserInputError(`There is no ${field === 'serviceId' ? 'service' : 'reporting period'} with id ${value}.`, `filter.${field}`);
        return String(value);
      };
      if (filter?.serviceId) and.push({ serviceId: checkId(filter.serviceId, 'serviceId') });
      if (filter?.periodId) and.push({ periodId: checkId(filter.periodId, 'periodId') });
      if (filter?.financialYear) and.push({ period: { financialYear: filter.financialYear } });
      if (filter?.statuses?.length) and.push({ status: { in: filter.statuses } });
      return ctx.db.performanceReturn.findMany({
        ...query,
        where: { AND: and },
        orderBy: [{ period: { financialYear: 'desc' } }, { period: { quarter: 'desc' } }, { service: { reference: 'asc' } }],
      });
    },
  }),
  performanceReturn: t.prismaField({
    type: 'PerformanceReturn',
    nullable: true,
    description: 'One return; null when absent or not visible to the caller.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      isUuid(String(args.id))
        ? ctx.db.performanceReturn.findFirst({ ...query, where: { AND: [{ id: String(args.id) }, visibleReturns(ctx)] } })
        : null,
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// Mutations: shared steps
// ---------------------------------------------------------------------------------------------------------------

type AnyQuery = { select?: object; include?: object };

export async function reload(ctx: Context, query: AnyQuery, id: string) {
  const empty = query.select && Object.keys(query.select).length === 0;
  return ctx.db.performanceReturn.findUniqueOrThrow({ ...(empty ? { select: { id: true } } : query), where: { id } } as {
    where: { id: string };
  });
}

const forWriteSelect = {
  id: true,
  status: true,
  version: true,
  templateId: true,
  serviceId: true,
  noActivity: true,
  declarationName: true,
  service: { select: { providerId: true, reference: true, priorityIssues: { select: { priorityIssueId: true } } } },
  period: { select: { id: true, label: true, financialYear: true, quarter: true, locksOn: true } },
  lockExceptions: { where: activeExceptionsWhere(), select: { id: true } },
} satisfies Prisma.PerformanceReturnSelect;

export type ReturnForWrite = Prisma.PerformanceReturnGetPayload<{ select: typeof forWriteSelect }>;

/** The return, or NotFound; FORBIDDEN when a provider asks for another organisation's. */
export async function returnForWrite(ctx: Context, returnId: string): Promise<ReturnForWrite> {
  const ret = isUuid(returnId) ? await ctx.db.performanceReturn.findUnique({ where: { id: returnId }, select: forWriteSelect }) : null;
  if (!ret) throw new NotFoundError('There is no such return.');
  if (!isOpccStaff(ctx.viewer) && ret.service.providerId !== ctx.viewer?.organisationId) throw new ForbiddenError();
  return ret;
}

/** Only the provider of the service (a person, or its organisation's API token) fills in its return. */
export function requireProvider(ctx: Context, providerId: string) {
  if (!ctx.viewer) throw new ForbiddenError();
  if (ctx.viewer.role !== 'PROVIDER' || ctx.viewer.organisationId !== providerId) {
    throw new ForbiddenError('Only the provider of the service can fill in and submit its return.');
  }
}

const requireUserId = (ctx: Context) => signedInUserId(ctx.viewer);

export function ensureUnlocked(ret: Pick<ReturnForWrite, 'period' | 'lockExceptions'>) {
  if (isLocked(ret.period.locksOn, ret.lockExceptions.length)) {
    throw new PeriodLockedError(
      `${ret.period.label} locked on ${toIsoDate(ret.period.locksOn)}: the return can only be changed with an exception from an admin.`,
      ret.period.locksOn,
    );
  }
}

export function ensureVersion(ret: { version: number }, expectedVersion: number | null | undefined) {
  if (expectedVersion !== ret.version) {
    throw new VersionConflictError(
      expectedVersion
        ? `The return was changed by someone else (now version ${ret.version}, you edited version ${expectedVersion}). Nothing was saved.`
        : `The return already exists (version ${ret.version}): reload it and make your change again. Nothing was saved.`,
      ret.version,
    );
  }
}

const STATUS_WORDS: Record<ReturnStatus, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  SUBMITTED: 'submitted',
  RETURNED: 'returned for changes',
  APPROVED: 'approved',
  REOPENED: 'reopened',
};

/**
 * Changes the status (and other columns) only if the version is still the one the caller edited; bumps it.
 * Throws VersionConflict (before anything is written) otherwise.
 */
export async function guardedUpdate(
  ctx: Context,
  ret: { id: string; version: number },
  expectedVersion: number,
  data: Prisma.PerformanceReturnUncheckedUpdateManyInput,
) {
  const { count } = await ctx.db.performanceReturn.updateMany({
    where: { id: ret.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await ctx.db.performanceReturn.findUniqueOrThrow({ where: { id: ret.id }, select: { version: true } });
    ensureVersion(current, expectedVersion);
    throw new VersionConflictError('The return was changed by someone else. Nothing was saved.', current.version);
  }
}

/** Freezes the return as it is now: a ReturnVersion with the next number and a snapshot (seeds/demo.ts shape). */
export async function freezeVersion(ctx: Context, returnId: string, status: ReturnStatus, createdById: string) {
  const ret = await ctx.db.performanceReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      noActivity: true,
      declarationName: true,
      service: { select: { reference: true } },
      period: { select: { label: true } },
      values: { ...valueRowsSelect, orderBy: [{ measure: { code: 'asc' } }, { breakdownKey: 'asc' }] },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true } },
    },
  });
  const snapshot = {
    schema: 1,
    service: ret.service.reference,
    period: ret.period.label,
    status,
    noActivity: ret.noActivity,
    declarationName: ret.declarationName,
    values: ret.values.map((row) => ({
      measureCode: row.measure.code,
      breakdownKey: row.breakdownKey,
      value: row.numericValue === null ? null : Number(row.numericValue.toFixed()),
      text: row.textValue,
      comment: row.comment,
    })),
  };
  await ctx.db.returnVersion.create({
    data: {
      returnId,
      number: (ret.versions[0]?.number ?? 0) + 1,
      status,
      snapshot: snapshot as Prisma.InputJsonValue,
      declarationName: status === 'SUBMITTED' ? ret.declarationName : null,
      createdById,
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// saveReturnDraft
// ---------------------------------------------------------------------------------------------------------------

const ReturnValueInput = builder.inputType('ReturnValueInput', {
  fields: (t) => ({
    measureCode: t.string({ required: true }),
    breakdownOption: t.string({ required: false, description: "'' or absent for the total." }),
    value: t.string({ required: false, description: 'As typed; blank (or absent) clears the figure.' }),
    comment: t.string({ required: false }),
    blankReason: t.string({ required: false, description: 'Why the figure is blank; a blank without one is removed.' }),
  }),
});

const SaveReturnDraftInputRef = builder.inputType('SaveReturnDraftInput', {
  fields: (t) => ({
    returnId: t.id({ required: false }),
    serviceId: t.id({ required: false, description: 'With periodId, to start a return that does not exist yet.' }),
    periodId: t.id({ required: false }),
    expectedVersion: t.int({ required: false, description: 'Required when the return exists: a stale one answers VersionConflict.' }),
    noActivity: t.boolean({ required: false }),
    values: t.field({ type: [ReturnValueInput], required: true }),
  }),
  validate: SaveReturnDraftSchema,
});

export interface ParsedValue {
  measureId: string;
  key: string;
  numeric: string | null;
  text: string | null;
  comment: string | null;
  blankReason: string | null;
}

/** Every value checked against the template and parsed per unit; problems name each field. */
export function parseValues(template: TemplateShape, values: SaveReturnDraftInput['values']) {
  const problems: ProblemShape[] = [];
  const parsed = new Map<string, ParsedValue>();
  for (const input of values) {
    const code = input.measureCode;
    const key = input.breakdownOption;
    const field = key ? `${code}[${key}]` : code;
    const measure = template.measures.get(code);
    if (!measure) {
      problems.push({ field, message: `${code} is not a measure of this return` });
      continue;
    }
    const label = measure.keys.get(key);
    if (label === undefined) {
      problems.push({
        field,
        message: key
          ? `"${key}" is not an option of ${measure.label}`
          : `${measure.label} has no total of its own: enter its breakdown`,
      });
      continue;
    }
    const result = parseValue(input.value, { label, unit: measure.unit });
    if (!result.ok) {
      problems.push({ field, message: result.message });
      continue;
    }
    const isText = measure.unit === 'TEXT';
    // A later value for the same field replaces an earlier one.
    parsed.set(`${measure.id}\u0000${key}`, {
      measureId: measure.id,
      key,
      numeric: isText ? null : result.value,
      text: isText ? result.value : null,
      comment: input.comment,
      blankReason: result.value === null ? input.blankReason : null,
    });
  }
  return { problems, parsed: [...parsed.values()] };
}

/**
 * Writes every value in ONE upsert and removes blanks (without a reason or a comment) in ONE delete: the number of
 * statements does not depend on the number of values.
 */
export async function writeValues(ctx: Context, returnId: string, values: ParsedValue[]) {
  // The database allows a number, a text, or a blank with a reason (return_value_present_check).
  const keep = values.filter((v) => v.numeric !== null || v.text !== null || v.blankReason !== null);
  const remove = values.filter((v) => !keep.includes(v));
  const userId = ctx.viewer?.userId ?? null;
  await ctx.db.$executeRaw`
    INSERT INTO return_value (return_id, measure_id, breakdown_key, numeric_value, text_value, blank_reason, comment, updated_by_id, updated_at)
    SELECT ${returnId}::uuid, v.measure_id, v.breakdown_key, v.numeric_value, v.text_value, v.blank_reason, v.comment, ${userId}::uuid, now()
    FROM unnest(
      ${keep.map((v) => v.measureId)}::uuid[],
      ${keep.map((v) => v.key)}::text[],
      ${keep.map((v) => v.numeric)}::numeric[],
      ${keep.map((v) => v.text)}::text[],
      ${keep.map((v) => v.blankReason)}::text[],
      ${keep.map((v) => v.comment)}::text[]
    ) AS v(measure_id, breakdown_key, numeric_value, text_value, blank_reason, comment)
    ON CONFLICT (return_id, measure_id, breakdown_key) DO UPDATE SET
      numeric_value = EXCLUDED.numeric_value,
      text_value = EXCLUDED.text_value,
      blank_reason = EXCLUDED.blank_reason,
      comment = EXCLUDED.comment,
      updated_by_id = EXCLUDED.updated_by_id,
      updated_at = EXCLUDED.updated_at
    WHERE (return_value.numeric_value, return_value.text_value, return_value.blank_reason, return_value.comment)
      IS DISTINCT FROM (EXCLUDED.numeric_value, EXCLUDED.text_value, EXCLUDED.blank_reason, EXCLUDED.comment)`;
  await ctx.db.$executeRaw`
    DELETE FROM return_value r
    USING unnest(${remove.map((v) => v.measureId)}::uuid[], ${remove.map((v) => v.key)}::text[]) AS d(measure_id, breakdown_key)
    WHERE r.return_id = ${returnId}::uuid AND r.measure_id = d.measure_id AND r.breakdown_key = d.breakdown_key`;
}

builder.mutationField('saveReturnDraft', (t) =>
  t.prismaField({
    type: 'PerformanceReturn',
    description:
      'Saves figures of a return (creating it for serviceId + periodId when it does not exist). Provider of the service only. ' +
      'All or nothing: any invalid value answers ValidationFailed and nothing is saved.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SaveReturnDraftInputRef, required: true }) },
    errors: { types: [ValidationFailedError, PeriodLockedError, VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as SaveReturnDraftInput;
      let ret: ReturnForWrite | null = null;
      let start: { serviceId: string; period: ReturnForWrite['period']; templateId: string; priorityIssueIds: string[] } | null = null;

      if (input.returnId) {
        ret = await returnForWrite(ctx, input.returnId);
        requireProvider(ctx, ret.service.providerId);
      } else {
        const service = await ctx.db.commissionedService.findUnique({
          where: { id: input.serviceId! },
          select: { id: true, providerId: true, archivedAt: true, priorityIssues: { select: { priorityIssueId: true } } },
        });
        if (!service) throw new NotFoundError('There is no such service.');
        requireProvider(ctx, service.providerId);
        const existing = await ctx.db.performanceReturn.findUnique({
          where: { serviceId_periodId: { serviceId: service.id, periodId: input.periodId! } },
          select: { id: true },
        });
        if (existing) {
          ret = await returnForWrite(ctx, existing.id);
        } else {
          if (service.archivedAt) throw new NotAllowedError('The service is archived: it has no returns to fill in.');
          const period = await ctx.db.reportingPeriod.findUnique({
            where: { id: input.periodId! },
            select: { id: true, label: true, financialYear: true, quarter: true, locksOn: true },
          });
          if (!period) throw new NotFoundError('There is no such reporting period.');
          ensureUnlocked({ period, lockExceptions: [] });
          const template = await templateFor(ctx, period);
          if (!template) throw new NotAllowedError(`There is no return template for ${period.label}.`);
          start = { serviceId: service.id, period, templateId: template.id, priorityIssueIds: service.priorityIssues.map((l) => l.priorityIssueId) };
        }
      }

      if (ret) {
        ensureUnlocked(ret);
        if (ret.status === 'SUBMITTED' || ret.status === 'APPROVED') {
          throw new NotAllowedError(`The return is ${STATUS_WORDS[ret.status]}: it cannot be changed.`);
        }
        ensureVersion(ret, input.expectedVersion);
      }

      const template = await loadTemplate(
        ctx,
        ret ? ret.templateId : start!.templateId,
        ret ? ret.service.priorityIssues.map((l) => l.priorityIssueId) : start!.priorityIssueIds,
      );
      const { problems, parsed } = parseValues(template, input.values);
      if (problems.length) {
        throw new ValidationFailedError(
          problems.length === 1 ? problems[0]!.message : `${problems.length} figures cannot be saved: nothing was saved.`,
          problems,
        );
      }

      // Writes start here (typed errors above left nothing behind).
      let returnId: string;
      if (ret) {
        await guardedUpdate(ctx, ret, input.expectedVersion!, {
          status: ret.status === 'RETURNED' || ret.status === 'REOPENED' ? ret.status : 'IN_PROGRESS',
          ...(input.noActivity === null || input.noActivity === undefined ? {} : { noActivity: input.noActivity }),
        });
        returnId = ret.id;
      } else {
        const created = await ctx.db.performanceReturn.create({
          data: {
            serviceId: start!.serviceId,
            periodId: start!.period.id,
            templateId: start!.templateId,
            status: 'IN_PROGRESS',
            noActivity: input.noActivity ?? false,
          },
          select: { id: true },
        });
        returnId = created.id;
      }
      await writeValues(ctx, returnId, parsed);
      return reload(ctx, query, returnId);
    },
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// submitReturn and the review
// ---------------------------------------------------------------------------------------------------------------

const SubmitReturnInputRef = builder.inputType('SubmitReturnInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    declarationName: t.string({ required: true, description: 'The full name of the person declaring the return complete and accurate.' }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: SubmitReturnSchema,
});

builder.mutationField('submitReturn', (t) =>
  t.prismaField({
    type: 'PerformanceReturn',
    description:
      'Submits a return (provider, a named person): every required question must be answered (0 is an answer; a blank needs a reason; ' +
      'see PerformanceReturn.unanswered), every HARD check must pass and every SOFT failure be explained; a version is frozen. ' +
      'Otherwise ValidationFailed names every problem and nothing changes.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SubmitReturnInputRef, required: true }) },
    errors: { types: [ValidationFailedError, PeriodLockedError, VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as SubmitReturnInput;
      const ret = await returnForWrite(ctx, input.returnId);
      requireProvider(ctx, ret.service.providerId);
      if (!ctx.viewer?.userId) throw new NotAllowedError('Submit from the portal with a named person: a declaration needs a person.');
      if (!['IN_PROGRESS', 'RETURNED', 'REOPENED'].includes(ret.status)) {
        throw new NotAllowedError(
          ret.status === 'NOT_STARTED'
            ? 'The return has no figures yet: fill it in before submitting it.'
            : `The return is ${STATUS_WORDS[ret.status]}: it cannot be submitted.`,
        );
      }
      ensureUnlocked(ret);
      ensureVersion(ret, input.expectedVersion);
      const { results, unanswered } = await checksFor(ctx, ret.id);
      const blocking = blockingFailures(results);
      if (unanswered.length || blocking.length) {
        const reasons = [
          ...(unanswered.length
            ? [`${unanswered.length === 1 ? '1 question has' : `${unanswered.length} questions have`} no answer yet (0 is an answer; a blank needs a reason)`]
            : []),
          ...(blocking.length ? [`${blocking.length === 1 ? '1 check needs' : `${blocking.length} checks need`} attention`] : []),
        ];
        throw new ValidationFailedError(
          `The return cannot be submitted: ${reasons.join(', and ')}.`,
          [
            ...unanswered.map(unansweredProblem),
            ...blocking.map((check) => ({
              field: check.explainedBy ?? check.measures[0] ?? check.code,
              message: check.message,
            })),
          ],
          blocking,
        );
      }
      await guardedUpdate(ctx, ret, input.expectedVersion, {
        status: 'SUBMITTED',
        declarationName: input.declarationName,
        submittedAt: new Date(),
        submittedById: ctx.viewer.userId,
      });
      await freezeVersion(ctx, ret.id, 'SUBMITTED', ctx.viewer.userId);
      return reload(ctx, query, ret.id);
    },
  }),
);

const ReviewReturnInputRef = builder.inputType('ReviewReturnInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    reason: t.string({ required: false, description: 'Required to return it for changes.' }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: ReviewReturnSchema,
});

const ReopenReturnInputRef = builder.inputType('ReopenReturnInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    reason: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: ReopenReturnSchema,
});

/** A review step: only from the given statuses, only at the version the caller read. */
async function review(
  ctx: Context,
  input: { returnId: string; expectedVersion: number },
  from: ReturnStatus[],
  verb: string,
  data: (userId: string) => Prisma.PerformanceReturnUncheckedUpdateManyInput,
) {
  const userId = requireUserId(ctx);
  const ret = await returnForWrite(ctx, input.returnId);
  if (!from.includes(ret.status)) {
    throw new NotAllowedError(`The return is ${STATUS_WORDS[ret.status]}: only a ${from.map((s) => STATUS_WORDS[s]).join(' or ')} return can be ${verb}.`);
  }
  ensureVersion(ret, input.expectedVersion);
  const { count } = await ctx.db.performanceReturn.updateMany({
    where: { id: ret.id, version: input.expectedVersion, status: { in: from } },
    data: { ...data(userId), version: { increment: 1 } },
  });
  if (count === 0) throw new VersionConflictError('The return was changed by someone else. Nothing was saved.', ret.version + 1);
  return { ret, userId };
}

builder.mutationFields((t) => ({
  approveReturn: t.prismaField({
    type: 'PerformanceReturn',
    description: 'Approves a submitted return (policy officers and admins); a version is frozen. Approved returns are read-only.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ReviewReturnInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as ReviewReturnInput;
      const { ret, userId } = await review(ctx, input, ['SUBMITTED'], 'approved', (reviewedById) => ({
        status: 'APPROVED',
        reviewedAt: new Date(),
        reviewedById,
      }));
      await freezeVersion(ctx, ret.id, 'APPROVED', userId);
      return reload(ctx, query, ret.id);
    },
  }),

  returnForChanges: t.prismaField({
    type: 'PerformanceReturn',
    description: 'Returns a submitted return to its provider for changes, with the reason (policy officers and admins).',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ReviewReturnInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const parsed = ReturnForChangesSchema.safeParse(args.input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new BadUserInputError(issue.message, issue.path.map(String).join('.'), parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
      }
      const input = parsed.data;
      const { ret } = await review(ctx, input, ['SUBMITTED'], 'returned for changes', (reviewedById) => ({
        status: 'RETURNED',
        returnedReason: input.reason,
        reviewedAt: new Date(),
        reviewedById,
      }));
      return reload(ctx, query, ret.id);
    },
  }),

  reopenReturn: t.prismaField({
    type: 'PerformanceReturn',
    description: 'Reopens an approved return for changes, with the reason (admins only).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ReopenReturnInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as ReopenReturnInput;
      const { ret } = await review(ctx, input, ['APPROVED'], 'reopened', () => ({
        status: 'REOPENED',
        reopenedReason: input.reason,
      }));
      return reload(ctx, query, ret.id);
    },
  }),
}));

const GrantLockExceptionInputRef = builder.inputType('GrantLockExceptionInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    reason: t.string({ required: true }),
    endsAt: t.field({ type: 'DateTime', required: true, description: 'When the exception ends; in the future.' }),
  }),
  validate: GrantLockExceptionSchema,
});

builder.mutationField('grantLockException', (t) =>
  t.prismaField({
    type: 'PerformanceReturn',
    description: "Allows edits to a return after its period's lock date, until endsAt, with the reason (admins only).",
    authScopes: { admin: true },
    args: { input: t.arg({ type: GrantLockExceptionInputRef, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as GrantLockExceptionInput;
      const userId = requireUserId(ctx);
      const ret = await returnForWrite(ctx, input.returnId);
      await ctx.db.lockException.create({
        data: { returnId: ret.id, reason: input.reason, endsAt: input.endsAt, grantedById: userId },
      });
      return reload(ctx, query, ret.id);
    },
  }),
);
