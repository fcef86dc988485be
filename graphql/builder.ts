// Builder setup only: plugins, context, scopes, scalars. Types live in graphql/types/, one file per aggregate.
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import ErrorsPlugin from '@pothos/plugin-errors';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '../prisma/generated/pothos-types';
import { getDatamodel } from '../prisma/generated/pothos-types';
import type { PrismaClient } from '../prisma/client';
import { isOpccStaff, WRITERS, type Context } from './context';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from './errors';

/**
 * The permission language: every root field and every object type declares `authScopes` with these (a test
 * fails when one does not). Rows a caller may not see are also filtered out by the queries themselves.
 */
export interface AuthScopes {
  /** Anyone, signed in or not (only `me`). */
  public: boolean;
  /** Any signed-in user or API token. */
  authenticated: boolean;
  /** ADMIN, POLICY_OFFICER or COMMISSIONER. */
  opccStaff: boolean;
  /** ADMIN or POLICY_OFFICER: may change the portfolio and review returns. */
  officer: boolean;
  admin: boolean;
  /** The caller belongs to this organisation. */
  organisation: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    Money: { Input: string; Output: { toFixed(digits: number): string } | string | number };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, ErrorsPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context) => (context.viewer ? new ForbiddenError() : new UnauthenticatedError()),
    authScopes: (context) => ({
      public: true,
      authenticated: !!context.viewer,
      opccStaff: isOpccStaff(context.viewer),
      officer: !!context.viewer && WRITERS.includes(context.viewer.role),
      admin: context.viewer?.role === 'ADMIN',
      organisation: (organisationId: string) => context.viewer?.organisationId === organisationId,
    }),
  },
  prisma: {
    client: (context) => context.db as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  errors: {
    defaultTypes: [],
  },
  validation: {
    validationError: (result) => {
      const issues = result.issues.map((issue) => ({
        field: (issue.path ?? []).map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.'),
        message: issue.message,
      }));
      const first = issues[0];
      return new BadUserInputError(first ? first.message : 'The input is not valid.', first?.field, issues);
    },
  },
});

builder.queryType({});
builder.mutationType({});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Expected an ISO 8601 date and time.');
    return date;
  },
});

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new GraphQLError('Expected a date as YYYY-MM-DD.');
    }
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw new GraphQLError(`${value} is not a real date.`);
    }
    return date;
  },
});

builder.scalarType('Money', {
  description: 'An amount in pounds, exact to the penny, as a string: "85000.00". Never a float.',
  serialize: (value) => (typeof value === 'object' ? value.toFixed(2) : Number(value).toFixed(2)),
  parseValue: (value) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{1,12}(\.\d{1,2})?$/.test(text.trim())) {
      throw new GraphQLError('Enter an amount in pounds, like 85000 or 85000.50 (no more than 2 decimal places).');
    }
    return text.trim();
  },
});

/** The shape every typed error shares. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as data.',
  fields: (t) => ({ message: t.exposeString('message') }),
});
