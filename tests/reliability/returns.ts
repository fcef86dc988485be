// Returns for the reliability tests: providers that sign in over HTTP, complete drafts saved through POST /graphql,
// and what the database holds for a return afterwards (read with plain SQL, not through the portal).
import type pg from 'pg';
import { expect } from 'vitest';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories';
import { completeValues, openPeriod, type CompleteValue } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { graphql, SAVE_DRAFT, signIn, SUBMIT, type GraphQLAnswer } from './harness';

/** A consistent set of figures that differs per return (so a mix-up between returns shows). */
export function figuresFor(i: number) {
  const money = `${1000 + i}.25`;
  return [
    { measureCode: 'REF_RECEIVED', breakdownOption: '', value: String(12 + i) },
    { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: String(5 + i) },
    { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: '7' },
    { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '10', comment: `Return ${i}: "quoted", tab\there, été` },
    { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: '', value: money },
    { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: 'NOT_KNOWN', value: money },
    { measureCode: 'FIN_SPEND_YTD', breakdownOption: '', value: money },
    { measureCode: 'FIN_SPEND_YTD', breakdownOption: 'NOT_KNOWN', value: money },
  ];
}

export interface Provider {
  organisationId: string;
  email: string;
  cookie: string;
}

/** Provider organisations, each with one user signed in over HTTP. */
export async function providers(count: number): Promise<Provider[]> {
  const made: Provider[] = [];
  for (let i = 0; i < count; i++) {
    const organisation = await createOrganisation();
    const user = await createUser({ role: 'PROVIDER', organisationId: organisation.id });
    made.push({ organisationId: organisation.id, email: user.email, cookie: await signIn(user.email, TEST_PASSWORD) });
  }
  return made;
}

export interface Draft {
  index: number;
  provider: Provider;
  returnId: string;
  version: number;
  values: CompleteValue[];
}

export function successOf(answer: GraphQLAnswer, field: string): { id: string; version: number; status: string } {
  const result = answer.body.data?.[field];
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(result?.__typename, JSON.stringify(answer.body)).toMatch(/Success$/);
  return result.data;
}

/** A new service of the provider and its return for the open period, every question answered, saved over HTTP. */
export async function prepareDrafts(owners: Provider[], count: number, firstIndex = 0): Promise<Draft[]> {
  const period = await openPeriod();
  const drafts: Draft[] = [];
  const indexes = Array.from({ length: count }, (_, k) => firstIndex + k);
  // A few at a time: setting up is not what is measured.
  for (let start = 0; start < indexes.length; start += 5) {
    const batch = await Promise.all(
      indexes.slice(start, start + 5).map(async (index) => {
        const provider = owners[index % owners.length]!;
        const service = await createService({ providerId: provider.organisationId });
        const values = await completeValues(figuresFor(index));
        const answer = await graphql(SAVE_DRAFT, { input: { serviceId: service.id, periodId: period.id, values } }, { cookie: provider.cookie });
        const saved = successOf(answer, 'saveReturnDraft');
        return { index, provider, returnId: saved.id, version: saved.version, values };
      }),
    );
    drafts.push(...batch);
  }
  return drafts;
}

export const declarationOf = (draft: Draft) => `Declared by person ${draft.index}`;

export function submit(draft: Draft, options: { signal?: AbortSignal } = {}) {
  return graphql(
    SUBMIT,
    { input: { returnId: draft.returnId, declarationName: declarationOf(draft), expectedVersion: draft.version } },
    { cookie: draft.provider.cookie },
    options,
  );
}

export interface StoredReturn {
  status: string;
  version: number;
  declarationName: string | null;
  submittedAt: Date | null;
  values: Map<string, string>;
  versions: { number: number; status: string; declarationName: string | null; snapshot: { values: SnapshotValue[] } }[];
}

interface SnapshotValue {
  measureCode: string;
  breakdownKey: string;
  value: number | null;
  text: string | null;
  comment: string | null;
}

const keyOf = (code: string, breakdown: string) => `${code}[${breakdown}]`;

/** What the database holds for each return, straight from its tables. */
export async function storedReturns(client: pg.Client, ids: string[]): Promise<Map<string, StoredReturn>> {
  const returns = await client.query(
    `SELECT id, status::text AS status, version, declaration_name, submitted_at FROM performance_return WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const values = await client.query(
    `SELECT v.return_id, m.code, v.breakdown_key, v.numeric_value::text AS numeric, v.text_value, v.comment
       FROM return_value v JOIN measure m ON m.id = v.measure_id WHERE v.return_id = ANY($1::uuid[])`,
    [ids],
  );
  const versions = await client.query(
    `SELECT return_id, number, status::text AS status, declaration_name, snapshot FROM return_version
      WHERE return_id = ANY($1::uuid[]) ORDER BY number`,
    [ids],
  );
  const stored = new Map<string, StoredReturn>();
  for (const row of returns.rows) {
    stored.set(row.id, {
      status: row.status,
      version: row.version,
      declarationName: row.declaration_name,
      submittedAt: row.submitted_at,
      values: new Map(),
      versions: [],
    });
  }
  for (const row of values.rows) {
    stored.get(row.return_id)!.values.set(keyOf(row.code, row.breakdown_key), `${row.numeric ?? row.text_value}|${row.comment ?? ''}`);
  }
  for (const row of versions.rows) {
    stored.get(row.return_id)!.versions.push({
      number: row.number,
      status: row.status,
      declarationName: row.declaration_name,
      snapshot: row.snapshot,
    });
  }
  return stored;
}

/** Every figure sent is stored exactly (numbers compared as numbers: "1250.50" is 1250.5), and nothing else is. */
export function expectValuesAsSent(stored: Map<string, string>, sent: CompleteValue[], label: string) {
  const expected = new Map(sent.map((v) => [keyOf(v.measureCode, v.breakdownOption), v]));
  expect(stored.size, `${label}: number of figures`).toBe(expected.size);
  for (const [key, value] of expected) {
    const [storedValue, storedComment] = (stored.get(key) ?? 'MISSING|').split('|');
    const isNumber = /^-?[0-9.]+$/.test(value.value);
    expect(isNumber ? Number(storedValue) : storedValue, `${label}: ${key}`).toEqual(isNumber ? Number(value.value) : value.value);
    expect(storedComment, `${label}: comment of ${key}`).toBe(value.comment ?? '');
  }
}

/** The frozen version holds the same figures as were sent. */
export function expectSnapshotAsSent(snapshot: { values: SnapshotValue[] }, sent: CompleteValue[], label: string) {
  const frozen = new Map(snapshot.values.map((v) => [keyOf(v.measureCode, v.breakdownKey), v]));
  expect(frozen.size, `${label}: figures in the frozen version`).toBe(sent.length);
  for (const value of sent) {
    const entry = frozen.get(keyOf(value.measureCode, value.breakdownOption));
    const isNumber = /^-?[0-9.]+$/.test(value.value);
    expect(isNumber ? entry?.value : entry?.text, `${label}: frozen ${value.measureCode}[${value.breakdownOption}]`).toEqual(
      isNumber ? Number(value.value) : value.value,
    );
  }
}
