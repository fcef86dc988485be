// Concurrency over HTTP against the compiled server: 50 providers' submissions fired at once are all kept, exactly
// as sent; two officers saving the same record with the same version: one wins, the other is told, nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../prisma/embedded';
import { disconnectPrisma } from '../../graphql/db';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import { createService } from '../helpers/service-factories';
import { freshDatabase, graphql, PortalServer, signIn, startDatabaseServer, withClient } from './harness';
import { declarationOf, expectSnapshotAsSent, expectValuesAsSent, prepareDrafts, providers, storedReturns, submit, successOf } from './returns';

let database: EmbeddedDatabase;
let url: string;
let server: PortalServer;

beforeAll(async () => {
  database = await startDatabaseServer();
  url = await freshDatabase(database, 'portal_reliability_concurrency');
  server = await PortalServer.start(url);
  // The factories (tests/helpers) write to the same database as the server.
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectPrisma();
  await server?.stop();
  await database?.stop();
});

describe('50 concurrent provider submissions', () => {
  it('answers every one with success and keeps all 50, each exactly as sent, with one version each', async () => {
    const owners = await providers(10);
    const drafts = await prepareDrafts(owners, 50);

    // All fired at once: 10 organisations, each signed in as its own provider.
    const started = Date.now();
    const answers = await Promise.all(drafts.map((draft) => submit(draft)));
    const elapsed = Date.now() - started;
    for (const answer of answers) {
      const data = successOf(answer, 'submitReturn');
      expect(data.status).toBe('SUBMITTED');
    }
    expect(elapsed).toBeLessThan(60_000);

    await withClient(url, async (client) => {
      const stored = await storedReturns(client, drafts.map((draft) => draft.returnId));
      expect(stored.size).toBe(50);
      for (const draft of drafts) {
        const row = stored.get(draft.returnId)!;
        const label = `return ${draft.index}`;
        expect(row.status, label).toBe('SUBMITTED');
        expect(row.version, label).toBe(draft.version + 1);
        expect(row.declarationName, label).toBe(declarationOf(draft));
        expect(row.submittedAt, label).not.toBeNull();
        expectValuesAsSent(row.values, draft.values, label);
        expect(row.versions.map((v) => [v.number, v.status]), label).toEqual([[1, 'SUBMITTED']]);
        expect(row.versions[0]!.declarationName, label).toBe(declarationOf(draft));
        expectSnapshotAsSent(row.versions[0]!.snapshot, draft.values, label);
      }
      // 50 versions, no duplicates; 50 distinct references (service reference, period, version number).
      const { rows } = await client.query(
        `SELECT count(*)::int AS versions, count(DISTINCT (v.return_id, v.number))::int AS distinct_versions,
                count(DISTINCT s.reference || '-' || p.financial_year || 'Q' || p.quarter || '-V' || v.number)::int AS refs
           FROM return_version v JOIN performance_return r ON r.id = v.return_id
           JOIN commissioned_service s ON s.id = r.service_id JOIN reporting_period p ON p.id = r.period_id
          WHERE v.return_id = ANY($1::uuid[])`,
        [drafts.map((draft) => draft.returnId)],
      );
      expect(rows[0]).toEqual({ versions: 50, distinct_versions: 50, refs: 50 });
      // Each submission is in the audit trail, in the same transaction as the change itself.
      const audit = await client.query(
        `SELECT count(DISTINCT entity_id)::int AS n FROM audit_event
          WHERE entity_type = 'performance_return' AND after->>'status' = 'SUBMITTED' AND entity_id = ANY($1::text[])`,
        [drafts.map((draft) => draft.returnId)],
      );
      expect(audit.rows[0].n).toBe(50);
    });
  });
});

const UPDATE_SERVICE = `mutation ($input: UpdateCommissionedServiceInput!) { updateCommissionedService(input: $input) {
  __typename ... on MutationUpdateCommissionedServiceSuccess { data { id version title annualValue } }
  ... on VersionConflict { message currentVersion } ... on Error { message } } }`;
const UPDATE_ORGANISATION = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) {
  __typename ... on MutationUpdateOrganisationSuccess { data { id version name } }
  ... on VersionConflict { message currentVersion } ... on Error { message } } }`;

describe('two officers saving one record at once', () => {
  it('keeps one change, tells the other officer (VersionConflict) and loses nothing: a service, 5 rounds', async () => {
    const [first, second] = await Promise.all([createUser({ role: 'POLICY_OFFICER' }), createUser({ role: 'POLICY_OFFICER' })]);
    const cookies = [await signIn(first.email, TEST_PASSWORD), await signIn(second.email, TEST_PASSWORD)];
    const provider = (await providers(1))[0]!;
    const service = await createService({ providerId: provider.organisationId });
    const base = {
      id: service.id,
      reference: service.reference,
      providerId: service.providerId,
      startDate: '2026-04-01',
      endDate: '2028-03-31',
      totalValue: '200000.00',
      priorityIssueCodes: ['PI-ONLINE'],
      riskRating: 'GREEN',
    };
    let version = service.version;
    for (let round = 1; round <= 5; round++) {
      const edits = [0, 1].map((who) => ({
        ...base,
        title: `Round ${round}: officer ${who + 1}'s title`,
        annualValue: `${round}000${who}.50`,
        expectedVersion: version,
      }));
      const answers = await Promise.all(edits.map((input, who) => graphql(UPDATE_SERVICE, { input }, { cookie: cookies[who]! })));
      const results = answers.map((answer) => answer.body.data?.updateCommissionedService);
      expect(results.map((r) => r?.__typename).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([
        'MutationUpdateCommissionedServiceSuccess',
        'VersionConflict',
      ]);
      const winner = results.findIndex((r) => r.__typename === 'MutationUpdateCommissionedServiceSuccess');
      const loser = results[1 - winner];
      expect(loser.currentVersion).toBe(version + 1);
      expect(loser.message).toMatch(/changed by someone else/);
      await withClient(url, async (client) => {
        const { rows } = await client.query(
          'SELECT title, annual_value::text AS annual, version FROM commissioned_service WHERE id = $1',
          [service.id],
        );
        expect(rows[0]).toEqual({ title: edits[winner]!.title, annual: edits[winner]!.annualValue, version: version + 1 });
      });
      version += 1;
    }
  });

  it('does the same for an organisation', async () => {
    const [first, second] = await Promise.all([createUser({ role: 'POLICY_OFFICER' }), createUser({ role: 'POLICY_OFFICER' })]);
    const cookies = [await signIn(first.email, TEST_PASSWORD), await signIn(second.email, TEST_PASSWORD)];
    const provider = (await providers(1))[0]!;
    const before = await withClient(url, async (client) =>
      (await client.query('SELECT name, version FROM organisation WHERE id = $1', [provider.organisationId])).rows[0],
    );
    const edits = [1, 2].map((who) => ({
      id: provider.organisationId,
      name: `${before.name} (renamed by officer ${who})`,
      type: 'CHARITY',
      expectedVersion: before.version,
    }));
    const answers = await Promise.all(edits.map((input, who) => graphql(UPDATE_ORGANISATION, { input }, { cookie: cookies[who]! })));
    const results = answers.map((answer) => answer.body.data?.updateOrganisation);
    expect(results.map((r) => r?.__typename).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([
      'MutationUpdateOrganisationSuccess',
      'VersionConflict',
    ]);
    const winner = results.findIndex((r) => r.__typename === 'MutationUpdateOrganisationSuccess');
    const after = await withClient(url, async (client) =>
      (await client.query('SELECT name, version FROM organisation WHERE id = $1', [provider.organisationId])).rows[0],
    );
    expect(after).toEqual({ name: edits[winner]!.name, version: before.version + 1 });
  });
});
