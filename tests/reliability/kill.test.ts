// kill -9 of the server in the middle of a stream of submissions and draft saves, then a new server on the same
// database: every submission the server acknowledged is there, complete; no submission is half-written; a draft
// save is all or nothing; and what was cut off can simply be sent again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../prisma/embedded';
import { disconnectPrisma } from '../../graphql/db';
import { freshDatabase, graphql, PortalServer, SAVE_DRAFT, startDatabaseServer, withClient } from './harness';
import {
  declarationOf,
  expectSnapshotAsSent,
  expectValuesAsSent,
  prepareDrafts,
  providers,
  storedReturns,
  submit,
  type Draft,
} from './returns';
import type { CompleteValue } from '../helpers/return-factories';

let database: EmbeddedDatabase;
let url: string;
let server: PortalServer | undefined;

beforeAll(async () => {
  database = await startDatabaseServer();
  url = await freshDatabase(database, 'portal_reliability_kill');
  server = await PortalServer.start(url);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectPrisma();
  await server?.stop();
  await database?.stop();
});

type Operation =
  | { kind: 'submit'; draft: Draft }
  | { kind: 'save'; draft: Draft; values: CompleteValue[] };

/** The same draft with two figures changed together (a save must keep both or neither). */
function changed(draft: Draft): CompleteValue[] {
  const received = 100 + draft.index;
  return draft.values.map((value) => {
    if (value.measureCode === 'REF_RECEIVED' && value.breakdownOption === '') return { ...value, value: String(received) };
    if (value.measureCode === 'REF_RECEIVED' && value.breakdownOption === 'POLICE') return { ...value, value: String(received - 7) };
    return value;
  });
}

describe('kill -9 of the server during submissions', () => {
  it('keeps every acknowledged submission and draft, and leaves nothing half-written', async () => {
    const owners = await providers(4);
    const toSubmit = await prepareDrafts(owners, 40);
    const toSave = await prepareDrafts(owners, 16, 100);
    const operations: Operation[] = [];
    for (let i = 0; i < Math.max(toSubmit.length, toSave.length); i++) {
      if (toSubmit[i]) operations.push({ kind: 'submit', draft: toSubmit[i]! });
      if (i < toSave.length && toSave[i]) operations.push({ kind: 'save', draft: toSave[i]!, values: changed(toSave[i]!) });
    }

    // A steady stream, 6 at a time; the server is killed once 15 have been acknowledged, with others in flight.
    const acknowledged = new Map<string, { kind: Operation['kind']; version: number }>();
    const cutOff = new Set<string>();
    let killed = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    let next = 0;
    const victim = server!;
    const worker = async () => {
      while (next < operations.length && !killed) {
        const operation = operations[next++]!;
        inFlight++;
        try {
          const answer =
            operation.kind === 'submit'
              ? await submit(operation.draft)
              : await graphql(
                  SAVE_DRAFT,
                  { input: { returnId: operation.draft.returnId, expectedVersion: operation.draft.version, values: operation.values } },
                  { cookie: operation.draft.provider.cookie },
                );
          const field = operation.kind === 'submit' ? 'submitReturn' : 'saveReturnDraft';
          const result = answer.body.data?.[field];
          if (answer.status === 200 && /Success$/.test(result?.__typename ?? '')) {
            acknowledged.set(operation.draft.returnId, { kind: operation.kind, version: result.data.version });
          } else {
            cutOff.add(operation.draft.returnId);
          }
        } catch {
          // The connection was cut: the client never learnt the outcome.
          cutOff.add(operation.draft.returnId);
        } finally {
          inFlight--;
        }
        if (acknowledged.size >= 15 && !killed) {
          killed = true;
          inFlightAtKill = inFlight;
          await victim.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(killed).toBe(true);
    expect(inFlightAtKill, 'requests in flight when the server was killed').toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(15);
    expect(victim.child.signalCode).toBe('SIGKILL');

    // A new server on the same database.
    server = await PortalServer.start(url);

    const submitIds = toSubmit.map((draft) => draft.returnId);
    const saveIds = toSave.map((draft) => draft.returnId);
    await withClient(url, async (client) => {
      const stored = await storedReturns(client, [...submitIds, ...saveIds]);
      for (const draft of toSubmit) {
        const row = stored.get(draft.returnId)!;
        const label = `return ${draft.index}`;
        const ack = acknowledged.get(draft.returnId);
        if (ack) {
          expect(row.status, `${label} (acknowledged)`).toBe('SUBMITTED');
          expect(row.version, label).toBe(ack.version);
        }
        // Submitted or not, never half-way: a submitted return has its frozen version, its declaration and time; an
        // unsubmitted one has none, and its figures are the draft's either way.
        if (row.status === 'SUBMITTED') {
          expect(row.versions.map((v) => [v.number, v.status]), label).toEqual([[1, 'SUBMITTED']]);
          expect(row.declarationName, label).toBe(declarationOf(draft));
          expect(row.submittedAt, label).not.toBeNull();
          expectSnapshotAsSent(row.versions[0]!.snapshot, draft.values, label);
        } else {
          expect(row.status, label).toBe('IN_PROGRESS');
          expect(row.version, label).toBe(draft.version);
          expect(row.versions, label).toEqual([]);
          expect(row.submittedAt, label).toBeNull();
        }
        expectValuesAsSent(row.values, draft.values, label);
      }
      for (const draft of toSave) {
        const row = stored.get(draft.returnId)!;
        const label = `draft ${draft.index}`;
        const ack = acknowledged.get(draft.returnId);
        if (ack) expect(row.version, `${label} (acknowledged)`).toBe(ack.version);
        // All or nothing: the new version with both new figures, or the old version with both old ones.
        if (row.version === draft.version) expectValuesAsSent(row.values, draft.values, `${label} (not saved)`);
        else {
          expect(row.version, label).toBe(draft.version + 1);
          expectValuesAsSent(row.values, changed(draft), `${label} (saved)`);
        }
        expect(row.status, label).toBe('IN_PROGRESS');
      }
      // Nowhere in the database a submitted return without its version, or a version of a return still in progress.
      const { rows } = await client.query(`
        SELECT r.id FROM performance_return r
         WHERE (r.status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM return_version v WHERE v.return_id = r.id AND v.status = 'SUBMITTED'))
            OR (r.status = 'IN_PROGRESS' AND EXISTS (SELECT 1 FROM return_version v WHERE v.return_id = r.id))`);
      expect(rows).toEqual([]);
      // The audit trail agrees: a submission's audit event exists exactly when the submission does (same transaction).
      const audit = await client.query(
        `SELECT r.id FROM performance_return r
          WHERE r.id = ANY($1::uuid[])
            AND (r.status = 'SUBMITTED') <> EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'performance_return'
                                                       AND a.entity_id = r.id::text AND a.after->>'status' = 'SUBMITTED')`,
        [submitIds],
      );
      expect(audit.rows).toEqual([]);
    });

    // What was cut off is sent again to the new server: a submission that did commit says so, the rest go through.
    const retried = toSubmit.filter((draft) => !acknowledged.has(draft.returnId));
    expect(retried.length).toBeGreaterThan(0);
    const outcomes: Record<string, number> = {};
    for (const draft of retried) {
      const answer = await submit(draft);
      const result = answer.body.data?.submitReturn;
      expect(answer.status).toBe(200);
      expect(['MutationSubmitReturnSuccess', 'NotAllowed'], JSON.stringify(answer.body)).toContain(result?.__typename);
      outcomes[result.__typename] = (outcomes[result.__typename] ?? 0) + 1;
    }
    console.info(
      `kill -9: ${acknowledged.size} acknowledged, ${inFlightAtKill} in flight when killed, ${cutOff.size} cut off; ` +
        `sent again: ${JSON.stringify(outcomes)}`,
    );
    await withClient(url, async (client) => {
      const stored = await storedReturns(client, submitIds);
      for (const draft of toSubmit) {
        const row = stored.get(draft.returnId)!;
        expect(row.status, `return ${draft.index}`).toBe('SUBMITTED');
        expect(row.versions.map((v) => v.number), `return ${draft.index}`).toEqual([1]);
      }
    });
  });
});
