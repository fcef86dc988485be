// Factories for the review and query tests: a return taken through the workflow by the API itself (so versions are
// frozen exactly as the portal freezes them), and a real API token for its organisation.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { generateToken } from '../../graphql/auth/tokens';
import { execute } from './api';
import { createUser } from './factories';
import { completeValues, openPeriod } from './return-factories';
import { createService } from './service-factories';

export type ValueInput = { measureCode: string; breakdownOption?: string; value: string; comment?: string | null };

/** A valid, consistent set of figures (as tests/api/returns.test.ts). */
export const GOOD: ValueInput[] = [
  { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '12' },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '5' },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: '7' },
  { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '10' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: '', value: '1250.5' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
  // The year to date covers the quarter (a HARD check once every figure is answered).
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: '', value: '1250.50' },
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
];

const SAVE = `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) {
  __typename ... on MutationSaveReturnDraftSuccess { data { id version status } } ... on Error { message } } }`;
const SUBMIT = `mutation ($input: SubmitReturnInput!) { submitReturn(input: $input) {
  __typename ... on MutationSubmitReturnSuccess { data { id version status } } ... on Error { message } } }`;
const APPROVE = `mutation ($input: ReviewReturnInput!) { approveReturn(input: $input) {
  __typename ... on MutationApproveReturnSuccess { data { id version status } } ... on Error { message } } }`;
const RETURN_FOR_CHANGES = `mutation ($input: ReviewReturnInput!) { returnForChanges(input: $input) {
  __typename ... on MutationReturnForChangesSuccess { data { id version status } } ... on Error { message } } }`;
const REOPEN = `mutation ($input: ReopenReturnInput!) { reopenReturn(input: $input) {
  __typename ... on MutationReopenReturnSuccess { data { id version status } } ... on Error { message } } }`;

type Step = { id: string; version: number; status: string };

async function step(query: string, field: string, input: Record<string, unknown>, viewer: Viewer): Promise<Step> {
  const response = await execute(query, { input }, { viewer });
  const answer = response.data?.[field];
  expect(answer?.__typename, JSON.stringify(response)).toMatch(/Success$/);
  return answer.data;
}

/** Drives one return through the workflow with the API. */
export class ReturnJourney {
  private constructor(readonly id: string, readonly serviceId: string, public version: number, private readonly provider: Viewer) {}

  /**
   * A new service of the provider's organisation and its return for the open period, saved with `values` and, unless
   * `complete` is false, every other question answered with 0 (or a text), so it can be submitted.
   */
  static async start(
    provider: Viewer,
    values: ValueInput[] = GOOD,
    options: { priorityIssueCodes?: string[]; periodId?: string; complete?: boolean } = {},
  ) {
    const priorityIssueCodes = options.priorityIssueCodes ?? ['PI-ONLINE'];
    const service = await createService({ providerId: provider.organisationId, priorityIssueCodes });
    const periodId = options.periodId ?? (await openPeriod()).id;
    const all = options.complete === false ? values : await completeValues(values, priorityIssueCodes);
    const saved = await step(SAVE, 'saveReturnDraft', { serviceId: service.id, periodId, values: all }, provider);
    return new ReturnJourney(saved.id, service.id, saved.version, provider);
  }

  async save(values: ValueInput[]) {
    this.version = (
      await step(SAVE, 'saveReturnDraft', { returnId: this.id, expectedVersion: this.version, values }, this.provider)
    ).version;
    return this;
  }

  async submit(declarationName = 'Sam Provider') {
    this.version = (
      await step(SUBMIT, 'submitReturn', { returnId: this.id, declarationName, expectedVersion: this.version }, this.provider)
    ).version;
    return this;
  }

  async approve(officer: Viewer) {
    this.version = (await step(APPROVE, 'approveReturn', { returnId: this.id, expectedVersion: this.version }, officer)).version;
    return this;
  }

  async returnForChanges(officer: Viewer, reason = 'Please check the referral sources.') {
    this.version = (
      await step(RETURN_FOR_CHANGES, 'returnForChanges', { returnId: this.id, expectedVersion: this.version, reason }, officer)
    ).version;
    return this;
  }

  async reopen(admin: Viewer, reason = 'A figure was wrong.') {
    this.version = (await step(REOPEN, 'reopenReturn', { returnId: this.id, expectedVersion: this.version, reason }, admin)).version;
    return this;
  }
}

/** A real API token of the organisation (issued by a new provider user of it), for `Authorization: Bearer`. */
export async function bearerFor(organisationId: string) {
  const issuer = await createUser({ role: 'PROVIDER', organisationId });
  const { token, hash, prefix } = generateToken();
  await getPrisma().apiToken.create({
    data: { organisationId, name: `Case system ${randomBytes(3).toString('hex')}`, tokenHash: hash, prefix, createdById: issuer.id },
  });
  return { headers: { authorization: `Bearer ${token}` }, issuer };
}
