// What the provider's pages need around a return: the shape of its form (sections, measures, breakdowns, the check
// definitions the browser runs with graphql/domain/checks.ts, last quarter's figures and the year's targets), the task
// list of returns due (including those not started: no row yet), and an idempotent way to start a return.
// Visibility is the returns' own: a provider sees its organisation's services only (visibleServices/visibleReturns
// filter the rows; the PerformanceReturn type is scoped too).
import type { ObjectRef } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type PrismaTypes from '../../prisma/generated/pothos-types';
import type { Prisma, ReturnStatus } from '../../prisma/client';
import { builder } from '../builder';
import type { Context } from '../context';
import { checkRuleFrom, type CheckDefinition } from '../domain/checks';
import { isUuid } from '../domain/format';
import { todayInLondon, toIsoDate, toUtcDate } from '../domain/periods';
import type { MeasureUnit } from '../domain/values';
import { ForbiddenError, isUniqueViolation, NotAllowedError, NotFoundError } from '../errors';
import { StartReturnSchema, type StartReturnInput } from '../validation/return';
import { canonical, isLocked, reload, ReturnStatusEnum, templateFor, visibleReturns } from './return';
import { CONTROLLED_FIGURE_TEXT, CONTROLLED_FLAG_TEXT, NOT_FOR_COMMISSIONER_TEXT, notForCommissioner, shownFigure } from './figure-control';
import { PeriodLockedError } from './return-errors';
import { visibleServices } from './service';

// ---------------------------------------------------------------------------------------------------------------
// The form of a return
// ---------------------------------------------------------------------------------------------------------------

interface FormOption {
  code: string;
  label: string;
  isNotKnown: boolean;
}

interface FormBreakdown {
  code: string;
  label: string;
  options: FormOption[];
}

interface FormMeasure {
  code: string;
  label: string;
  helpText: string | null;
  unit: MeasureUnit;
  direction: string;
  countsPeople: boolean;
  required: boolean;
  totalMeasure: string | null;
  breakdown: FormBreakdown | null;
  secondaryBreakdown: FormBreakdown | null;
}

interface FormSection {
  code: string;
  title: string;
  description: string | null;
  priorityIssueCode: string | null;
  measures: FormMeasure[];
}

interface FormValue {
  measureCode: string;
  breakdownOption: string;
  /** As the caller may see it (figure-control.ts): under disclosure control for the Commissioner. */
  value: string | null;
  controlled: boolean;
  comment: string | null;
  blankReason: string | null;
}

interface FormTarget {
  measureCode: string;
  quarter: number;
  value: string;
}

interface FormShape {
  financialYear: number;
  quarter: number;
  sections: FormSection[];
  checks: CheckDefinition[];
  previousReturnId: string | null;
  previousPeriodLabel: string | null;
  previousValues: FormValue[];
  targets: FormTarget[];
}

const breakdownSelect = {
  select: {
    code: true,
    label: true,
    options: { orderBy: { sortOrder: 'asc' }, select: { code: true, label: true, isNotKnown: true } },
  },
} as const satisfies Prisma.Measure$breakdownArgs;

const formValueSelect = {
  select: {
    breakdownKey: true,
    numericValue: true,
    textValue: true,
    comment: true,
    blankReason: true,
    measure: { select: { code: true, unit: true, countsPeople: true } },
  },
  orderBy: [{ measure: { code: 'asc' } }, { breakdownKey: 'asc' }],
} as const satisfies Prisma.PerformanceReturn$valuesArgs;

export const previousPeriodOf = (period: { financialYear: number; quarter: number }) =>
  period.quarter === 1
    ? { financialYear: period.financialYear - 1, quarter: 4 }
    : { financialYear: period.financialYear, quarter: period.quarter - 1 };

/** The form of one return: a fixed number of queries, whatever the size of the template. */
export async function loadForm(ctx: Context, returnId: string): Promise<FormShape> {
  const ret = await ctx.db.performanceReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: {
      serviceId: true,
      templateId: true,
      period: { select: { financialYear: true, quarter: true } },
      service: { select: { priorityIssues: { select: { priorityIssueId: true } } } },
    },
  });
  const { financialYear, quarter } = ret.period;
  const priorityIssueIds = ret.service.priorityIssues.map((link) => link.priorityIssueId);
  const [template, previous, targets] = await Promise.all([
    ctx.db.returnTemplate.findUniqueOrThrow({
      where: { id: ret.templateId },
      select: {
        sections: {
          where: { OR: [{ priorityIssueId: null }, { priorityIssueId: { in: priorityIssueIds } }] },
          orderBy: { sortOrder: 'asc' },
          select: {
            code: true,
            title: true,
            description: true,
            priorityIssue: { select: { code: true } },
            measures: {
              orderBy: { sortOrder: 'asc' },
              select: {
                required: true,
                measure: {
                  select: {
                    code: true,
                    label: true,
                    helpText: true,
                    unit: true,
                    direction: true,
                    countsPeople: true,
                    breakdown: breakdownSelect,
                    secondaryBreakdown: breakdownSelect,
                  },
                },
              },
            },
          },
        },
        checks: { orderBy: { sortOrder: 'asc' }, select: { code: true, severity: true, rule: true, message: true } },
      },
    }),
    // The previous quarter's return of the same service, if the caller may see it.
    ctx.db.performanceReturn.findFirst({
      where: { AND: [{ serviceId: ret.serviceId, period: previousPeriodOf(ret.period) }, visibleReturns(ctx)] },
      select: { id: true, period: { select: { label: true } }, values: formValueSelect },
    }),
    ctx.db.target.findMany({
      where: { serviceId: ret.serviceId, financialYear },
      orderBy: [{ measure: { code: 'asc' } }, { quarter: 'asc' }],
      select: { quarter: true, value: true, measure: { select: { code: true } } },
    }),
  ]);
  const checks: CheckDefinition[] = template.checks.map((check) => ({
    code: check.code,
    severity: check.severity,
    rule: checkRuleFrom(check.rule),
    message: check.message,
  }));
  // Breakdown-only measures (their total is another measure) show as a breakdownSumsToTotal rule naming it.
  const totals = new Map<string, string>();
  for (const { rule } of checks) {
    if (rule.type === 'breakdownSumsToTotal' && rule.total && rule.total !== rule.measure) totals.set(rule.measure, rule.total);
  }
  const sections: FormSection[] = template.sections.map((section) => ({
    code: section.code,
    title: section.title,
    description: section.description,
    priorityIssueCode: section.priorityIssue?.code ?? null,
    measures: section.measures.map(({ required, measure }) => ({
      code: measure.code,
      label: measure.label,
      helpText: measure.helpText,
      unit: measure.unit,
      direction: measure.direction,
      countsPeople: measure.countsPeople,
      required,
      totalMeasure: totals.get(measure.code) ?? null,
      breakdown: measure.breakdown,
      secondaryBreakdown: measure.secondaryBreakdown,
    })),
  }));
  return {
    financialYear,
    quarter,
    sections,
    checks,
    previousReturnId: previous?.id ?? null,
    previousPeriodLabel: previous?.period.label ?? null,
    previousValues: (previous?.values ?? []).map((row) => {
      const shown = shownFigure(ctx.viewer, canonical(row, row.measure.unit), row.measure);
      return {
        measureCode: row.measure.code,
        breakdownOption: row.breakdownKey,
        value: shown.value,
        controlled: shown.controlled,
        comment: row.comment,
        blankReason: row.blankReason,
      };
    }),
    targets: targets.map((target) => ({ measureCode: target.measure.code, quarter: target.quarter, value: target.value.toString() })),
  };
}

const FormOptionRef = builder.objectRef<FormOption>('ReturnFormOption').implement({
  description: 'One option of a breakdown, e.g. "Police" of the referral sources.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The breakdownOption of a value ("POLICE"); two-dimensional keys join two codes with "|".' }),
    label: t.exposeString('label'),
    isNotKnown: t.exposeBoolean('isNotKnown', { description: 'The "Not known" option every breakdown has, so the cells can add up to the total.' }),
  }),
});

const FormBreakdownRef = builder.objectRef<FormBreakdown>('ReturnFormBreakdown').implement({
  description: 'How a measure is broken down (age band, gender, referral source...), with its options in order.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    options: t.field({ type: [FormOptionRef], resolve: (b) => b.options }),
  }),
});

const FormMeasureRef = builder.objectRef<FormMeasure>('ReturnFormMeasure').implement({
  description: 'A question of the return: one figure, a breakdown grid (one or two dimensions), or a text.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    helpText: t.exposeString('helpText', { nullable: true }),
    unit: t.exposeString('unit', { description: 'COUNT, DECIMAL, MONEY, DAYS, PERCENT or TEXT.' }),
    direction: t.exposeString('direction', { description: 'HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL.' }),
    countsPeople: t.exposeBoolean('countsPeople'),
    required: t.exposeBoolean('required', { description: 'A blank figure needs a reason (false: it may be left empty).' }),
    totalMeasure: t.exposeString('totalMeasure', {
      nullable: true,
      description: 'Breakdown-only measures: the measure holding their total. They have no value of their own (no breakdownOption "").',
    }),
    breakdown: t.field({ type: FormBreakdownRef, nullable: true, resolve: (m) => m.breakdown }),
    secondaryBreakdown: t.field({
      type: FormBreakdownRef,
      nullable: true,
      description: 'The columns of a two-dimensional grid (e.g. gender, with age bands as rows).',
      resolve: (m) => m.secondaryBreakdown,
    }),
  }),
});

const FormSectionRef = builder.objectRef<FormSection>('ReturnFormSection').implement({
  description: 'A section of the return, in order: the core sections and the modules of the priority issues the service addresses.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    priorityIssueCode: t.exposeString('priorityIssueCode', { nullable: true }),
    measures: t.field({ type: [FormMeasureRef], resolve: (s) => s.measures }),
  }),
});

const CheckDefinitionRef = builder.objectRef<CheckDefinition>('ReturnCheckDefinition').implement({
  description: "A check of the return's template, for graphql/domain/checks.ts#runChecks (in the browser as on the server).",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    severity: t.exposeString('severity', { description: 'HARD (blocks submission) or SOFT (needs a comment).' }),
    message: t.exposeString('message'),
    rule: t.string({ description: 'The rule as JSON (shapes in seeds/measures.ts, "CHECKS").', resolve: (c) => JSON.stringify(c.rule) }),
  }),
});

const FormValueRef = builder.objectRef<FormValue>('ReturnFormValue').implement({
  description: 'A figure of the previous quarter\'s return: "last quarter" hints, checks against last quarter, pre-filled answers.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.exposeString('measureCode'),
    breakdownOption: t.exposeString('breakdownOption'),
    value: t.exposeString('value', { nullable: true, description: `Canonical text; null when blank. ${CONTROLLED_FIGURE_TEXT}` }),
    controlled: t.exposeBoolean('controlled', { description: CONTROLLED_FLAG_TEXT }),
    comment: t.exposeString('comment', { nullable: true, description: NOT_FOR_COMMISSIONER_TEXT, authScopes: notForCommissioner }),
    blankReason: t.exposeString('blankReason', { nullable: true }),
  }),
});

const FormTargetRef = builder.objectRef<FormTarget>('ReturnFormTarget').implement({
  description: "A target of the service for the return's financial year.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    measureCode: t.exposeString('measureCode'),
    quarter: t.exposeInt('quarter', { description: '1-4 for a quarter, 0 for the whole year.' }),
    value: t.exposeString('value', {
      description: 'Exact decimal text, e.g. "120" or "85.5". A target is a planned figure, not a count of people: never controlled.',
    }),
  }),
});

const FormRef = builder.objectRef<FormShape>('ReturnForm').implement({
  description: 'Everything a form for this return needs: its sections and questions, its checks, last quarter and the targets.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter'),
    sections: t.field({ type: [FormSectionRef], resolve: (f) => f.sections }),
    checks: t.field({ type: [CheckDefinitionRef], resolve: (f) => f.checks }),
    previousReturnId: t.exposeID('previousReturnId', { nullable: true }),
    previousPeriodLabel: t.exposeString('previousPeriodLabel', {
      nullable: true,
      description: 'e.g. "2026/27 Q1"; null when there is no previous return.',
    }),
    previousValues: t.field({ type: [FormValueRef], resolve: (f) => f.previousValues }),
    targets: t.field({ type: [FormTargetRef], resolve: (f) => f.targets }),
  }),
});

builder.prismaObjectFields('PerformanceReturn', (t) => ({
  form: t.field({
    type: FormRef,
    description: 'The form of this return (a few queries for one return: not for lists).',
    select: { id: true },
    resolve: (r, _args, ctx) => loadForm(ctx, r.id),
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// The task list: every return due, started or not
// ---------------------------------------------------------------------------------------------------------------

type ServiceRow = { id: string; reference: string; startDate: Date; endDate: Date };
type PeriodRow = { id: string; financialYear: number; quarter: number; opensOn: Date; dueDate: Date; locksOn: Date };
type ReturnRow = {
  id: string;
  serviceId: string;
  periodId: string;
  status: ReturnStatus;
  lockExceptions: { endsAt: Date }[];
};

interface TaskShape {
  service: ServiceRow;
  period: PeriodRow;
  ret: ReturnRow | null;
  status: ReturnStatus;
  locked: boolean;
  overdue: boolean;
  exceptionEndsAt: Date | null;
  editable: boolean;
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** A Prisma object type by name (Pothos resolves names when the schema is built). */
const prismaRef = <Name extends keyof PrismaTypes>(name: Name) => name as unknown as ObjectRef<BuilderTypes, PrismaTypes[Name]['Shape']>;

const OPEN_STATUSES: ReturnStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'RETURNED', 'REOPENED'];

const ReturnTaskRef = builder.objectRef<TaskShape>('ReturnTask').implement({
  description: 'A return due from a service for a reporting period that has opened, whether it has been started or not.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    service: t.field({ type: prismaRef('CommissionedService'), resolve: (task) => task.service as never }),
    period: t.field({ type: prismaRef('ReportingPeriod'), resolve: (task) => task.period as never }),
    performanceReturn: t.field({
      type: prismaRef('PerformanceReturn'),
      nullable: true,
      description: 'null: not started yet (startReturn makes it).',
      resolve: (task) => task.ret as never,
    }),
    status: t.field({ type: ReturnStatusEnum, description: 'NOT_STARTED when there is no return yet.', resolve: (task) => task.status }),
    dueDate: t.field({ type: 'Date', resolve: (task) => task.period.dueDate }),
    locksOn: t.field({ type: 'Date', resolve: (task) => task.period.locksOn }),
    locked: t.boolean({
      description: 'Today (in England) is on or after the lock date and no admin exception is in force.',
      resolve: (task) => task.locked,
    }),
    lockExceptionEndsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When an admin exception in force (allowing changes after the lock date) ends.',
      resolve: (task) => task.exceptionEndsAt,
    }),
    overdue: t.boolean({
      description: 'Past the due date and not submitted (not started, in progress, returned for changes or reopened).',
      resolve: (task) => task.overdue,
    }),
    editable: t.boolean({
      description: 'The caller can fill it in now: the provider of the service, not submitted or approved, not locked.',
      resolve: (task) => task.editable,
    }),
  }),
});

builder.queryField('returnTasks', (t) =>
  t.field({
    type: [ReturnTaskRef],
    description:
      "The returns due from the caller's services (officers: every service) for each reporting period that has opened " +
      '(and any return started early), newest period first, then by service reference. Not for the Commissioner.',
    authScopes: (_root, _args, ctx) => !!ctx.viewer && ctx.viewer.role !== 'COMMISSIONER',
    args: { serviceId: t.arg.id({ required: false }) },
    resolve: async (_root, args, ctx, info) => {
      const today = todayInLondon();
      const serviceId = args.serviceId ? String(args.serviceId) : null;
      if (serviceId !== null && !isUuid(serviceId)) return [];
      // Services that owe returns: commissioned (not planned), not archived.
      const services = (await ctx.db.commissionedService.findMany({
        ...queryFromInfo({
          context: ctx,
          info,
          typeName: 'CommissionedService',
          path: ['service'],
          select: { id: true, reference: true, startDate: true, endDate: true },
        }),
        where: { AND: [visibleServices(ctx), { archivedAt: null, status: { not: 'PLANNED' } }, serviceId ? { id: serviceId } : {}] },
        orderBy: { reference: 'asc' },
      })) as unknown as ServiceRow[];
      if (services.length === 0) return [];
      const serviceIds = services.map((s) => s.id);
      const first = await ctx.db.returnTemplate.findFirst({
        where: { code: 'DEFAULT', publishedAt: { not: null } },
        orderBy: [{ effectiveFrom: { financialYear: 'asc' } }, { effectiveFrom: { quarter: 'asc' } }],
        select: { effectiveFrom: { select: { financialYear: true, quarter: true } } },
      });
      if (!first) return [];
      const from = first.effectiveFrom;
      const [periods, returns] = await Promise.all([
        ctx.db.reportingPeriod.findMany({
          ...queryFromInfo({
            context: ctx,
            info,
            typeName: 'ReportingPeriod',
            path: ['period'],
            select: { id: true, financialYear: true, quarter: true, opensOn: true, dueDate: true, locksOn: true, startDate: true, endDate: true },
          }),
          where: {
            AND: [
              { OR: [{ opensOn: { lte: toUtcDate(today) } }, { returns: { some: { serviceId: { in: serviceIds } } } }] },
              { OR: [{ financialYear: { gt: from.financialYear } }, { financialYear: from.financialYear, quarter: { gte: from.quarter } }] },
            ],
          },
          orderBy: [{ financialYear: 'desc' }, { quarter: 'desc' }],
        }) as unknown as Promise<(PeriodRow & { startDate: Date; endDate: Date })[]>,
        ctx.db.performanceReturn.findMany({
          ...queryFromInfo({
            context: ctx,
            info,
            typeName: 'PerformanceReturn',
            path: ['performanceReturn'],
            select: {
              id: true,
              serviceId: true,
              periodId: true,
              status: true,
              lockExceptions: { where: { revokedAt: null, endsAt: { gt: new Date() } }, select: { endsAt: true } },
            },
          }),
          where: { serviceId: { in: serviceIds } },
        }) as unknown as Promise<ReturnRow[]>,
      ]);
      const byKey = new Map(returns.map((r) => [`${r.serviceId}:${r.periodId}`, r]));
      const provider = ctx.viewer?.role === 'PROVIDER';
      const tasks: TaskShape[] = [];
      for (const period of periods) {
        for (const service of services) {
          const ret = byKey.get(`${service.id}:${period.id}`) ?? null;
          // Due when the contract covers part of the quarter (or a return exists anyway).
          const covered = period.startDate <= service.endDate && period.endDate >= service.startDate && toIsoDate(period.opensOn) <= today;
          if (!ret && !covered) continue;
          const exceptions = ret?.lockExceptions ?? [];
          const locked = isLocked(period.locksOn, exceptions.length);
          const status = ret?.status ?? 'NOT_STARTED';
          const open = OPEN_STATUSES.includes(status);
          tasks.push({
            service,
            period,
            ret,
            status,
            locked,
            overdue: open && today > toIsoDate(period.dueDate),
            exceptionEndsAt: exceptions.length ? new Date(Math.max(...exceptions.map((e) => e.endsAt.getTime()))) : null,
            editable: provider && open && !locked,
          });
        }
      }
      return tasks;
    },
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// startReturn
// ---------------------------------------------------------------------------------------------------------------

const StartReturnInputRef = builder.inputType('StartReturnInput', {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    periodId: t.id({ required: true }),
  }),
  validate: StartReturnSchema,
});

builder.mutationField('startReturn', (t) =>
  t.prismaField({
    type: 'PerformanceReturn',
    description:
      "Makes a service's return for a reporting period that has opened (status NOT_STARTED, no figures) and answers it; " +
      'answers the existing one when it was already started (idempotent). The provider of the service, before the lock ' +
      'date; or an admin at any time (so that a lock exception can be granted for a return nobody started).',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: StartReturnInputRef, required: true }) },
    errors: { types: [PeriodLockedError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as StartReturnInput;
      const viewer = ctx.viewer;
      const service = await ctx.db.commissionedService.findUnique({
        where: { id: input.serviceId },
        select: { id: true, reference: true, providerId: true, status: true, archivedAt: true, startDate: true, endDate: true },
      });
      const admin = viewer?.role === 'ADMIN';
      const ownProvider = viewer?.role === 'PROVIDER' && viewer.organisationId === service?.providerId;
      // A provider asking about another organisation's service learns nothing about it.
      if (!service) throw new NotFoundError('There is no such service.');
      if (!admin && !ownProvider) {
        throw new ForbiddenError('Only the provider of the service (or an administrator) can start its return.');
      }
      const period = await ctx.db.reportingPeriod.findUnique({
        where: { id: input.periodId },
        select: { id: true, label: true, financialYear: true, quarter: true, startDate: true, endDate: true, opensOn: true, locksOn: true },
      });
      if (!period) throw new NotFoundError('There is no such reporting period.');
      const existing = await ctx.db.performanceReturn.findUnique({
        where: { serviceId_periodId: { serviceId: service.id, periodId: period.id } },
        select: { id: true },
      });
      if (existing) return reload(ctx, query, existing.id);

      if (service.archivedAt) throw new NotAllowedError(`${service.reference} is archived: it has no returns to fill in.`);
      if (service.status === 'PLANNED') throw new NotAllowedError(`${service.reference} has not started yet: it has no returns to fill in.`);
      if (period.startDate > service.endDate || period.endDate < service.startDate) {
        throw new NotAllowedError(`The contract of ${service.reference} does not cover ${period.label}: there is no return to fill in.`);
      }
      const today = todayInLondon();
      if (today < toIsoDate(period.opensOn)) {
        throw new NotAllowedError(`Returns for ${period.label} open on ${toIsoDate(period.opensOn)}, after the end of the quarter.`);
      }
      if (!admin && isLocked(period.locksOn, 0)) {
        throw new PeriodLockedError(
          `${period.label} locked on ${toIsoDate(period.locksOn)}: ask an administrator for an exception to fill in this return.`,
          period.locksOn,
        );
      }
      const template = await templateFor(ctx, period);
      if (!template) throw new NotAllowedError(`There is no return template for ${period.label}.`);
      try {
        // ON CONFLICT DO NOTHING: two people starting the same return at once both get it.
        await ctx.db.performanceReturn.createMany({
          data: [{ serviceId: service.id, periodId: period.id, templateId: template.id, status: 'NOT_STARTED' }],
          skipDuplicates: true,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const created = await ctx.db.performanceReturn.findUniqueOrThrow({
        where: { serviceId_periodId: { serviceId: service.id, periodId: period.id } },
        select: { id: true },
      });
      return reload(ctx, query, created.id);
    },
  }),
);
