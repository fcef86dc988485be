// npm run schema:print: writes graphql/schema.graphql, the committed contract (a test keeps it in sync).
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1]?.endsWith('print-schema.ts')) {
  writeFileSync(new URL('./schema.graphql', import.meta.url), printedSchema());
  console.log('Wrote graphql/schema.graphql');
}
