// A return as a CSV file: the template (PerformanceReturn.csvTemplate, served by /returns/$id/template.csv) and
// importReturnCsv, which saves a filled-in file - for the provider's signed-in users and its API token alike.
// All or nothing: every row is read (graphql/domain/return-csv.ts) and the template's HARD checks run on the
// figures the return would have (graphql/domain/checks.ts, the one engine); any problem answers CsvImportFailed
// with every problem by row and column, and nothing is saved. The figures are written by writeValues (one upsert,
// one delete): the number of statements does not depend on the size of the file.
import type { ReturnStatus } from '../../prisma/client';
import { builder, ErrorInterface } from '../builder';
import type { Context } from '../context';
import {
  buildReturnCsv,
  csvValueKey,
  importCheckProblems,
  parseReturnCsv,
  returnCsvFileName,
  type CsvMeasure,
  type CsvProblem,
} from '../domain/return-csv';
import { NotAllowedError, NotFoundError, VersionConflictError } from '../errors';
import { ImportReturnCsvSchema, type ImportReturnCsvInput } from '../validation/return-import';
import {
  canonical,
  ensureUnlocked,
  ensureVersion,
  guardedUpdate,
  loadTemplate,
  parseValues,
  requireProvider,
  returnForWrite,
  writeValues,
  type TemplateShape,
} from './return';
import { NOT_FOR_COMMISSIONER_TEXT, notForCommissioner } from './figure-control';
import { PeriodLockedError } from './return-errors';

// ---------------------------------------------------------------------------------------------------------------
// The template's layout: sections and measures in order
// ---------------------------------------------------------------------------------------------------------------

export interface LayoutSection {
  code: string;
  title: string;
  /** In the template's order. */
  measureCodes: string[];
}

/** The sections of a template for a service (core and its priority-issue modules), with their measures, in order. */
export async function templateLayout(ctx: Context, templateId: string, priorityIssueIds: string[]): Promise<LayoutSection[]> {
  const sections = await ctx.db.templateSection.findMany({
    where: { templateId, OR: [{ priorityIssueId: null }, { priorityIssueId: { in: priorityIssueIds } }] },
    orderBy: { sortOrder: 'asc' },
    select: {
      code: true,
      title: true,
      measures: { orderBy: { sortOrder: 'asc' }, select: { measure: { select: { code: true } } } },
    },
  });
  return sections.map((section) => ({
    code: section.code,
    title: section.title,
    measureCodes: section.measures.map((link) => link.measure.code),
  }));
}

/** The template's measures in the order of its sections. */
export function orderedMeasures(template: TemplateShape, layout: LayoutSection[]): CsvMeasure[] {
  return layout.flatMap((section) => section.measureCodes.flatMap((code) => template.measures.get(code) ?? []));
}

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

/** The file cannot be imported: every problem, by row and column. Nothing was saved. */
export class CsvImportFailedError extends Error {
  constructor(
    message: string,
    readonly problems: CsvProblem[],
  ) {
    super(message);
    this.name = 'CsvImportFailed';
  }
}

const CsvProblemRef = builder.objectRef<CsvProblem>('CsvProblem').implement({
  description: 'What is wrong with a CSV file: `row` is the spreadsheet row (1 is the header; null: the whole file).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    row: t.exposeInt('row', { nullable: true }),
    column: t.exposeString('column', { nullable: true, description: 'measure_code, breakdown_option, value, blank_reason or comment.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(CsvImportFailedError, {
  name: 'CsvImportFailed',
  description: 'The CSV file cannot be imported: each problem names its row and column. Nothing was saved.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({
    problems: t.field({ type: [CsvProblemRef], resolve: (error) => error.problems }),
  }),
});

interface ReturnCsvImportShape {
  returnId: string;
  imported: number;
  changed: number;
}

const ReturnCsvImportRef = builder.objectRef<ReturnCsvImportShape>('ReturnCsvImport').implement({
  description: 'A CSV file imported into a return.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    imported: t.exposeInt('imported', { description: 'Figures in the file with a value (or a reason for being blank), now saved.' }),
    changed: t.exposeInt('changed', { description: 'Rows of the file that changed what was saved before (a value, a reason, a comment, or a figure cleared).' }),
    performanceReturn: t.prismaField({
      type: 'PerformanceReturn',
      description: 'The return after the import.',
      resolve: (query, result, _args, ctx) =>
        ctx.db.performanceReturn.findUniqueOrThrow({ ...query, where: { id: result.returnId } } as { where: { id: string } }),
    }),
  }),
});

builder.prismaObjectFields('PerformanceReturn', (t) => ({
  csvTemplate: t.string({
    description:
      'The return as a CSV file to fill in and import (importReturnCsv): a row per figure with what is saved, UTF-8 with a byte order mark. ' +
      `A few queries per return: not for lists. The provider's working file, with exact figures and comments. ${NOT_FOR_COMMISSIONER_TEXT}`,
    authScopes: notForCommissioner,
    select: {
      templateId: true,
      service: { select: { priorityIssues: { select: { priorityIssueId: true } } } },
      values: {
        select: {
          breakdownKey: true,
          numericValue: true,
          textValue: true,
          blankReason: true,
          comment: true,
          measure: { select: { code: true, unit: true } },
        },
      },
    },
    resolve: async (ret, _args, ctx) => {
      const issues = ret.service.priorityIssues.map((link) => link.priorityIssueId);
      const [template, layout] = await Promise.all([loadTemplate(ctx, ret.templateId, issues), templateLayout(ctx, ret.templateId, issues)]);
      const current = new Map(
        ret.values.map((value) => [
          csvValueKey(value.measure.code, value.breakdownKey),
          { value: canonical(value, value.measure.unit), blankReason: value.blankReason, comment: value.comment },
        ]),
      );
      return buildReturnCsv(orderedMeasures(template, layout), current);
    },
  }),
  csvFileName: t.string({
    description: 'A file name for the CSV template: the service reference and the period, e.g. OPCC-CSAE-2026-004-2026-27-Q2.csv.',
    select: { service: { select: { reference: true } }, period: { select: { label: true } } },
    resolve: (ret) => returnCsvFileName(ret.service.reference, ret.period.label),
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// importReturnCsv
// ---------------------------------------------------------------------------------------------------------------

const STATUS_WORDS: Record<ReturnStatus, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  SUBMITTED: 'submitted',
  RETURNED: 'returned for changes',
  APPROVED: 'approved',
  REOPENED: 'reopened',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const ImportReturnCsvInputRef = builder.inputType('ImportReturnCsvInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    csv: t.string({
      required: true,
      description: 'The whole file as text (the template\'s columns; a byte order mark is allowed). At most 5 MB and 5,000 rows.',
    }),
    expectedVersion: t.int({ required: true, description: 'The version of the return you read; a stale one answers VersionConflict.' }),
  }),
  validate: ImportReturnCsvSchema,
});

builder.mutationField('importReturnCsv', (t) =>
  t.field({
    type: ReturnCsvImportRef,
    description:
      "Saves a return's CSV file (the provider of the service: its users or its API token). All or nothing: any problem in any row, " +
      'or any HARD check that would fail, answers CsvImportFailed with every problem and nothing is saved.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ImportReturnCsvInputRef, required: true }) },
    errors: { types: [CsvImportFailedError, PeriodLockedError, VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (_root, args, ctx) => {
      const input = args.input as unknown as ImportReturnCsvInput;
      const ret = await returnForWrite(ctx, input.returnId);
      requireProvider(ctx, ret.service.providerId);
      if (ret.status === 'SUBMITTED' || ret.status === 'APPROVED') {
        throw new NotAllowedError(`The return is ${STATUS_WORDS[ret.status]}: it cannot be changed.`);
      }
      ensureUnlocked(ret);
      ensureVersion(ret, input.expectedVersion);

      const template = await loadTemplate(ctx, ret.templateId, ret.service.priorityIssues.map((link) => link.priorityIssueId));
      const { problems, rows } = parseReturnCsv(input.csv, template.measures);
      if (problems.length) {
        throw new CsvImportFailedError(
          `${plural(problems.length, 'problem', 'problems')} in the file: nothing was saved.`,
          problems,
        );
      }

      const saved = await ctx.db.returnValue.findMany({
        where: { returnId: ret.id },
        select: {
          breakdownKey: true,
          numericValue: true,
          textValue: true,
          blankReason: true,
          comment: true,
          measure: { select: { code: true, unit: true } },
        },
      });
      const current = saved.map((value) => ({
        measureCode: value.measure.code,
        breakdownKey: value.breakdownKey,
        value: canonical(value, value.measure.unit),
        blankReason: value.blankReason,
        comment: value.comment,
      }));
      const failures = importCheckProblems(template.checks, template.measures, current, rows);
      if (failures.length) {
        throw new CsvImportFailedError(
          `${plural(failures.length, 'check fails', 'checks fail')} with the figures in the file: nothing was saved.`,
          failures,
        );
      }

      // The same parsing as saveReturnDraft, for the measure ids (the rows are valid: no problem can come back).
      const { problems: late, parsed } = parseValues(
        template,
        rows.map((row) => ({
          measureCode: row.measureCode,
          breakdownOption: row.breakdownKey,
          value: row.value ?? '',
          comment: row.comment,
          blankReason: row.blankReason,
        })),
      );
      if (late.length) {
        throw new CsvImportFailedError(
          `${plural(late.length, 'problem', 'problems')} in the file: nothing was saved.`,
          late.map((problem) => ({ row: null, column: 'value', message: `${problem.field}: ${problem.message}` })),
        );
      }

      const before = new Map(current.map((value) => [csvValueKey(value.measureCode, value.breakdownKey), value]));
      const changed = rows.filter((row) => {
        const old = before.get(csvValueKey(row.measureCode, row.breakdownKey));
        const blankRemoved = row.value === null && row.blankReason === null;
        if (!old) return !blankRemoved;
        return blankRemoved || old.value !== row.value || old.blankReason !== row.blankReason || old.comment !== row.comment;
      }).length;

      // Writes start here (every typed error above left nothing behind).
      await guardedUpdate(ctx, ret, input.expectedVersion, {
        status: ret.status === 'RETURNED' || ret.status === 'REOPENED' ? ret.status : 'IN_PROGRESS',
      });
      await writeValues(ctx, ret.id, parsed);
      const imported = rows.filter((row) => row.value !== null || row.blankReason !== null).length;
      return { returnId: ret.id, imported, changed };
    },
  }),
);
