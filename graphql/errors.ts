// Errors that reach clients, with the `extensions.code` of the API contract. Anything else is masked
// ("Unexpected error.") and logged with the request id.
import { GraphQLError } from 'graphql';

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in to use the portal\'s API.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You do not have permission to do this.') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string, issues?: { field: string; message: string }[]) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), ...(issues ? { issues } : {}) } });
  }
}

// Expected failures of mutations are data: typed errors in the schema (plugin-errors), not exceptions.

/** The record was changed by someone else since the caller read it. */
export class VersionConflictError extends Error {
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
    this.name = 'VersionConflict';
  }
}

/** The caller may not do this to this record (e.g. an approved return). */
export class NotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowed';
  }
}

/** No such record, or not visible to the caller (the two are indistinguishable on purpose). */
export class NotFoundError extends Error {
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFound';
  }
}

/** A unique-constraint violation from Prisma (a race after our own check), optionally on the given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const candidate = error as { code?: string; meta?: unknown } | null;
  if (candidate?.code !== 'P2002') return false;
  return !column || JSON.stringify(candidate.meta ?? {}).includes(column);
}

/** The signed-in person acting, for what an API token may not do (status changes, declarations). */
export function signedInUserId(viewer: { userId: string | null } | null, message = 'This must be done by a signed-in person, not an API token.'): string {
  if (!viewer?.userId) throw new ForbiddenError(message);
  return viewer.userId;
}
