// Targets: what a service is expected to achieve on a measure in a financial year (quarter 0) or in one of its
// quarters (1-4). The template's targetMet check compares each quarter's figures with them.
// Officers and admins set them; everyone who can see the service reads them (a provider only its own: targets
// are reached only through CommissionedService, which is scoped to OPCC staff and the service's provider).
// Which measures can have one: the numeric measures with a total of the service's return (the core sections and
// the modules of its priority issues) - text measures and breakdown-only measures cannot.
// Concurrency: a save carries the service's version; a stale one answers VersionConflict and nothing is written.
// A save that changes anything bumps the service's version. Writes are one upsert and one delete, whatever the
// number of targets.
import type { MeasureUnit } from '../../prisma/client';
import { builder } from '../builder';
import type { Context } from '../context';
import { financialYearLabel } from '../domain/periods';
import { parseValue } from '../domain/values';
import { BadUserInputError, NotAllowedError, NotFoundError, VersionConflictError } from '../errors';
import { quarterWords, UpdateServiceTargetsSchema, type UpdateServiceTargetsInput } from '../validation/target';
import { canonical, loadTemplate, templateFor, type TemplateMeasure, type TemplateShape } from './return';
import { templateLayout } from './return-import';

// ---------------------------------------------------------------------------------------------------------------
// Which measures can have targets
// ---------------------------------------------------------------------------------------------------------------

/** The template that applies to a financial year: the one in force at its end, else the latest published. */
async function templateForYear(ctx: Context, financialYear: number) {
  const inForce = await templateFor(ctx, { financialYear, quarter: 4 });
  if (inForce) return inForce;
  return ctx.db.returnTemplate.findFirst({
    where: { code: 'DEFAULT', publishedAt: { not: null } },
    orderBy: { version: 'asc' },
    select: { id: true },
  });
}

export const canHaveTarget = (measure: TemplateMeasure) => measure.unit !== 'TEXT' && measure.keys.has('');

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

interface TargetMeasureShape {
  code: string;
  label: string;
  unit: MeasureUnit;
  direction: string;
}

interface TargetSectionShape {
  code: string;
  title: string;
  measures: TargetMeasureShape[];
}

async function targetTemplate(ctx: Context, financialYear: number, priorityIssueIds: string[]): Promise<TemplateShape & { id: string } | null> {
  const template = await templateForYear(ctx, financialYear);
  if (!template) return null;
  return { id: template.id, ...(await loadTemplate(ctx, template.id, priorityIssueIds)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

builder.prismaObject('Target', {
  description: "A service's target for a measure: for a financial year (quarter 0) or one of its quarters (1-4).",
  // Reachable only through a CommissionedService, which is scoped to OPCC staff and its provider.
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    measureCode: t.string({ select: { measure: { select: { code: true } } }, resolve: (target) => target.measure.code }),
    measureLabel: t.string({ select: { measure: { select: { label: true } } }, resolve: (target) => target.measure.label }),
    financialYear: t.exposeInt('financialYear', { description: 'The year the financial year starts: 2026 is 2026/27.' }),
    quarter: t.exposeInt('quarter', { description: '0 for the whole financial year, 1-4 for a quarter.' }),
    value: t.string({
      description: 'Canonical text, as a return value: "40", "2.5", "85000.00".',
      select: { value: true, measure: { select: { unit: true } } },
      resolve: (target) => canonical({ numericValue: target.value, textValue: null }, target.measure.unit) ?? '0',
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TargetMeasureRef = builder.objectRef<TargetMeasureShape>('TargetMeasure').implement({
  description: 'A measure of the service\'s return that can have a target.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    unit: t.string({ description: 'COUNT, DECIMAL, MONEY, DAYS or PERCENT.', resolve: (m) => m.unit }),
    direction: t.string({ description: 'HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL.', resolve: (m) => m.direction }),
  }),
});

const TargetSectionRef = builder.objectRef<TargetSectionShape>('TargetSection').implement({
  description: "A section of the service's return with its measures that can have targets.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    measures: t.field({ type: [TargetMeasureRef], resolve: (section) => section.measures }),
  }),
});

builder.prismaObjectFields('CommissionedService', (t) => ({
  targets: t.relation('targets', {
    description: "The service's targets for a financial year (quarter 0: the whole year), by measure code then quarter.",
    args: { financialYear: t.arg.int({ required: true, description: '2026 for 2026/27.' }) },
    query: (args) => ({
      where: { financialYear: args.financialYear },
      orderBy: [{ measure: { code: 'asc' as const } }, { quarter: 'asc' as const }],
    }),
  }),
  targetMeasures: t.field({
    type: [TargetSectionRef],
    description:
      "The measures of the service's return that can have targets in a financial year, by section, in the template's order. " +
      'A few queries per service: not for lists.',
    args: { financialYear: t.arg.int({ required: true }) },
    select: { priorityIssues: { select: { priorityIssueId: true } } },
    resolve: async (service, args, ctx) => {
      const issues = service.priorityIssues.map((link) => link.priorityIssueId);
      const template = await targetTemplate(ctx, args.financialYear, issues);
      if (!template) return [];
      const layout = await templateLayout(ctx, template.id, issues);
      return layout
        .map((section) => ({
          code: section.code,
          title: section.title,
          measures: section.measureCodes
            .map((code) => template.measures.get(code))
            .filter((measure): measure is TemplateMeasure => !!measure && canHaveTarget(measure))
            .map((measure) => ({ code: measure.code, label: measure.label, unit: measure.unit, direction: measure.direction })),
        }))
        .filter((section) => section.measures.length > 0);
    },
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// updateServiceTargets
// ---------------------------------------------------------------------------------------------------------------

const TargetInputRef = builder.inputType('TargetInput', {
  fields: (t) => ({
    measureCode: t.string({ required: true }),
    quarter: t.int({ required: true, description: '0 for the whole financial year, 1-4 for a quarter.' }),
    value: t.string({ required: false, description: 'As typed ("40", "£1,200", "85%"); blank (or absent) removes the target.' }),
  }),
});

const UpdateServiceTargetsInputRef = builder.inputType('UpdateServiceTargetsInput', {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    financialYear: t.int({ required: true, description: '2026 for 2026/27.' }),
    expectedVersion: t.int({ required: true, description: "The service's version you read; a stale one answers VersionConflict." }),
    targets: t.field({
      type: [TargetInputRef],
      required: true,
      description: 'The targets to set or (blank value) remove. Targets not listed are left as they are.',
    }),
  }),
  validate: UpdateServiceTargetsSchema,
});

builder.mutationField('updateServiceTargets', (t) =>
  t.prismaField({
    type: 'CommissionedService',
    description:
      "Sets or removes a service's targets for a financial year (policy officers and admins). All or nothing: any target that is not " +
      "a number for its measure answers BAD_USER_INPUT naming it, and nothing is saved.",
    authScopes: { officer: true },
    args: { input: t.arg({ type: UpdateServiceTargetsInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as UpdateServiceTargetsInput;
      const year = input.financialYear;
      // The service row stays locked until the mutation's transaction ends: saves of one service take turns.
      const [service] = await ctx.db.$queryRaw<{ id: string; reference: string; version: number; archived: boolean }[]>`
        SELECT id, reference, version, archived_at IS NOT NULL AS archived
        FROM commissioned_service WHERE id = ${input.serviceId}::uuid FOR UPDATE`;
      if (!service) throw new NotFoundError('There is no such service.');
      if (service.version !== input.expectedVersion) {
        throw new VersionConflictError(
          `${service.reference} was changed by someone else (now version ${service.version}, you edited version ${input.expectedVersion}). Nothing was saved.`,
          service.version,
        );
      }
      if (service.archived) throw new NotAllowedError(`${service.reference} is archived: its targets can no longer be changed.`);

      const links = await ctx.db.servicePriorityIssue.findMany({ where: { serviceId: service.id }, select: { priorityIssueId: true } });
      const template = await targetTemplate(ctx, year, links.map((link) => link.priorityIssueId));
      if (!template) throw new NotAllowedError(`There is no return template for ${financialYearLabel(year)}: targets cannot be set.`);

      const issues: { field: string; message: string }[] = [];
      const set: { measureId: string; quarter: number; value: string }[] = [];
      const remove: { measureId: string; quarter: number }[] = [];
      input.targets.forEach((target, index) => {
        const field = `input.targets.${index}`;
        const measure = template.measures.get(target.measureCode);
        if (!measure) {
          issues.push({ field: `${field}.measureCode`, message: `${target.measureCode} is not a measure of this service's return` });
          return;
        }
        if (!canHaveTarget(measure)) {
          issues.push({
            field: `${field}.measureCode`,
            message:
              measure.unit === 'TEXT'
                ? `${measure.label} is text: it cannot have a target`
                : `${measure.label} has no total of its own: set the target on ${measure.totalMeasure}`,
          });
          return;
        }
        // A target is on the measure's total: "Referrals received, by source" -> "referrals received".
        const label = `The ${quarterWords(target.quarter)} target for ${lowerFirst(measure.label.replace(/,? by .*$/, ''))}`;
        const parsed = parseValue(target.value, { label, unit: measure.unit });
        if (!parsed.ok) {
          issues.push({ field: `${field}.value`, message: parsed.message });
          return;
        }
        if (parsed.value === null) remove.push({ measureId: measure.id, quarter: target.quarter });
        else set.push({ measureId: measure.id, quarter: target.quarter, value: parsed.value });
      });
      if (issues.length) throw new BadUserInputError(issues[0]!.message, issues[0]!.field, issues);

      // Writes start here.
      let changes = 0;
      if (set.length) {
        changes += await ctx.db.$executeRaw`
          INSERT INTO target (service_id, measure_id, financial_year, quarter, value, updated_at)
          SELECT ${service.id}::uuid, t.measure_id, ${year}::smallint, t.quarter, t.value, now()
          FROM unnest(${set.map((s) => s.measureId)}::uuid[], ${set.map((s) => s.quarter)}::int[], ${set.map((s) => s.value)}::numeric[])
            AS t(measure_id, quarter, value)
          ON CONFLICT (service_id, measure_id, financial_year, quarter) DO UPDATE SET
            value = EXCLUDED.value, version = target.version + 1, updated_at = now()
          WHERE target.value IS DISTINCT FROM EXCLUDED.value`;
      }
      if (remove.length) {
        changes += await ctx.db.$executeRaw`
          DELETE FROM target t
          USING unnest(${remove.map((r) => r.measureId)}::uuid[], ${remove.map((r) => r.quarter)}::int[]) AS d(measure_id, quarter)
          WHERE t.service_id = ${service.id}::uuid AND t.financial_year = ${year}
            AND t.measure_id = d.measure_id AND t.quarter = d.quarter`;
      }
      if (changes > 0) {
        await ctx.db.commissionedService.update({ where: { id: service.id }, data: { version: { increment: 1 } }, select: { id: true } });
      }
      const empty = 'select' in query && query.select && Object.keys(query.select).length === 0;
      return ctx.db.commissionedService.findUniqueOrThrow({ ...(empty ? { select: { id: true } } : query), where: { id: service.id } } as {
        where: { id: string };
      });
    },
  }),
);
