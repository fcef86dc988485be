// Typed errors of the quarterly return API: expected failures answered as data.
import { builder, ErrorInterface } from '../builder';
import type { CheckResult } from '../domain/checks';

export interface ProblemShape {
  field: string;
  message: string;
}

/** Values that cannot be saved, or checks that stop a submission. Nothing was changed. */
export class ValidationFailedError extends Error {
  constructor(
    message: string,
    readonly problems: ProblemShape[],
    readonly failedChecks: CheckResult[] = [],
  ) {
    super(message);
    this.name = 'ValidationFailed';
  }
}

/** The period is locked (on or after its lock date) and there is no admin exception in force. */
export class PeriodLockedError extends Error {
  constructor(
    message: string,
    readonly locksOn: Date,
  ) {
    super(message);
    this.name = 'PeriodLocked';
  }
}

export const Problem = builder.objectRef<ProblemShape>('Problem').implement({
  description: 'What is wrong with one field: `field` is a measure code, "CODE[breakdownKey]", or an input name.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    field: t.exposeString('field'),
    message: t.exposeString('message'),
  }),
});

const CheckStatusEnum = builder.enumType('CheckStatus', { values: ['PASSED', 'FAILED', 'SKIPPED'] as const });
const CheckSeverityEnum = builder.enumType('CheckSeverityLevel', { values: ['HARD', 'SOFT'] as const });

export const CheckResultRef = builder.objectRef<CheckResult>('CheckResult').implement({
  description:
    "The result of one of the template's checks on a return. HARD failures block submission; SOFT failures block it until explained by a comment.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    severity: t.field({ type: CheckSeverityEnum, resolve: (result) => result.severity }),
    status: t.field({
      type: CheckStatusEnum,
      resolve: (result) => result.status.toUpperCase() as 'PASSED' | 'FAILED' | 'SKIPPED',
    }),
    message: t.exposeString('message'),
    measures: t.exposeStringList('measures'),
    explained: t.boolean({ nullable: true, description: 'SOFT and failed: whether a comment explains it.', resolve: (r) => r.explained ?? null }),
    explainedBy: t.string({
      nullable: true,
      description: "SOFT: the measure whose comment explains it.",
      resolve: (r) => r.explainedBy ?? null,
    }),
    skipReason: t.string({ nullable: true, resolve: (r) => r.skipReason ?? null }),
  }),
});

builder.objectType(ValidationFailedError, {
  name: 'ValidationFailed',
  description: 'Nothing was changed: each problem names its field; failedChecks lists every check that stops a submission.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({
    problems: t.field({ type: [Problem], resolve: (error) => error.problems }),
    failedChecks: t.field({ type: [CheckResultRef], resolve: (error) => error.failedChecks }),
  }),
});

builder.objectType(PeriodLockedError, {
  name: 'PeriodLocked',
  description: 'The period is locked: only an admin exception allows edits. Nothing was changed.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({
    locksOn: t.field({ type: 'Date', resolve: (error) => error.locksOn }),
  }),
});
