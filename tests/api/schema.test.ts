// The API's shape is a contract: the committed schema matches the code, and every field declares who may use it.
import { readFileSync } from 'node:fs';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../graphql/print-schema';
import { schema } from '../../graphql/schema';

describe('graphql/schema.graphql', () => {
  it('is the printed schema of the code (run `npm run schema:print` after changing the API)', () => {
    expect(readFileSync('graphql/schema.graphql', 'utf8')).toBe(printedSchema());
  });

  it('has the names of the API contract', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ['me', 'priorityIssues', 'harmTypes', 'initiatives', 'organisations', 'reportingPeriods']) {
      expect(query, name).toHaveProperty(name);
    }
    expect(Object.keys(schema.getType('User') as GraphQLObjectType).length).toBeGreaterThan(0);
    const user = (schema.getType('User') as GraphQLObjectType).getFields();
    for (const name of ['id', 'email', 'name', 'role', 'organisation']) expect(user).toHaveProperty(name);
    expect(String(user.role!.type)).toBe('Role!');
  });
});

type WithScopes = { extensions?: { pothosOptions?: { authScopes?: unknown } } };

describe('permissions', () => {
  it('every root field declares authScopes', () => {
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (!(field as WithScopes).extensions?.pothosOptions?.authScopes) missing.push(`${root!.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every object type declares authScopes (generated result types inherit their field)', () => {
    const missing = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__') && !['Query', 'Mutation'].includes(type.name))
      .filter((type) => !/Success$/.test(type.name))
      .filter((type) => !(type as WithScopes).extensions?.pothosOptions?.authScopes)
      .map((type) => type.name);
    expect(missing).toEqual([]);
  });
});
