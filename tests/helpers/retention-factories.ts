// Factories for the retention job tests: a return full of free text (answers, comments, reasons for blanks, a
// frozen version, a query thread, review reasons, a lock exception, a notification), and the security records the
// job deletes (sessions, set-password links, sign-in attempts). Made directly, through the audit triggers.
import { randomBytes } from 'node:crypto';
import { Prisma } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { createOrganisation, createUser } from './factories';
import { createService } from './service-factories';

const unique = () => randomBytes(4).toString('hex');

/** A provider, one of its users, an officer and a service. */
export async function retentionFixture() {
  const provider = await createOrganisation();
  const providerUser = await createUser({ role: 'PROVIDER', organisationId: provider.id });
  const officer = await createUser({ role: 'POLICY_OFFICER' });
  const service = await createService({ providerId: provider.id, startDate: '2024-04-01', endDate: '2028-03-31' });
  return { provider, providerUser, officer, service };
}

/**
 * A return for `periodLabel` that was submitted, queried, returned for changes and allowed after its lock date,
 * with every kind of free text `tag` marks (so a test can find it anywhere): a narrative answer, an empty
 * narrative answer, a figure with a comment, a blank with a reason, a plain figure.
 */
export async function returnWithText(
  fixture: Awaited<ReturnType<typeof retentionFixture>>,
  periodLabel: string,
  tag: string,
) {
  const db = getPrisma();
  const [period, template, measures] = await Promise.all([
    db.reportingPeriod.findUniqueOrThrow({ where: { label: periodLabel } }),
    db.returnTemplate.findFirstOrThrow({ where: { code: 'DEFAULT' }, orderBy: { version: 'desc' } }),
    db.measure.findMany({
      where: { code: { in: ['NARR_ACHIEVEMENTS', 'NARR_BARRIERS', 'REF_RECEIVED', 'REF_ACCEPTED', 'REF_WAITING_LIST'] } },
      select: { id: true, code: true },
    }),
  ]);
  const measure = (code: string) => {
    const found = measures.find((m) => m.code === code);
    if (!found) throw new Error(`No measure ${code}`);
    return found.id;
  };
  const text = {
    narrative: `${tag} achievements: Jo (born 01/02/2010) at <script>alert(1)</script> Hill School`,
    comment: `${tag} comment: two families moved away`,
    blankReason: `${tag} blank reason: the case worker was off sick`,
    returnedReason: `${tag} returned: please explain the drop`,
    question: `${tag} question: why did referrals fall?`,
    answer: `${tag} answer: the school closed for a term`,
    lockReason: `${tag} lock exception: provider IT failure`,
  };
  const ret = await db.performanceReturn.create({
    data: {
      serviceId: fixture.service.id,
      periodId: period.id,
      templateId: template.id,
      status: 'RETURNED',
      declarationName: fixture.providerUser.name,
      submittedAt: new Date(),
      submittedById: fixture.providerUser.id,
      reviewedAt: new Date(),
      reviewedById: fixture.officer.id,
      returnedReason: text.returnedReason,
      values: {
        create: [
          { measureId: measure('NARR_ACHIEVEMENTS'), textValue: text.narrative },
          { measureId: measure('NARR_BARRIERS'), textValue: '' },
          { measureId: measure('REF_RECEIVED'), numericValue: new Prisma.Decimal('12'), comment: text.comment },
          { measureId: measure('REF_ACCEPTED'), blankReason: text.blankReason },
          { measureId: measure('REF_WAITING_LIST'), numericValue: new Prisma.Decimal('3') },
        ],
      },
    },
  });
  const version = await db.returnVersion.create({
    data: {
      returnId: ret.id,
      number: 1,
      status: 'SUBMITTED',
      declarationName: fixture.providerUser.name,
      createdById: fixture.providerUser.id,
      snapshot: {
        schema: 1,
        service: fixture.service.reference,
        period: periodLabel,
        status: 'SUBMITTED',
        noActivity: false,
        declarationName: fixture.providerUser.name,
        values: [
          { measureCode: 'NARR_ACHIEVEMENTS', breakdownKey: '', value: null, text: text.narrative, comment: null },
          { measureCode: 'NARR_BARRIERS', breakdownKey: '', value: null, text: '', comment: null },
          { measureCode: 'REF_RECEIVED', breakdownKey: '', value: 12, text: null, comment: text.comment },
          { measureCode: 'REF_WAITING_LIST', breakdownKey: '', value: 3, text: null, comment: null },
        ],
      },
    },
  });
  const query = await db.returnQuery.create({
    data: {
      returnId: ret.id,
      measureId: measure('REF_RECEIVED'),
      breakdownKey: '',
      status: 'ANSWERED',
      raisedById: fixture.officer.id,
      messages: {
        create: [
          { authorId: fixture.officer.id, body: text.question },
          { authorId: fixture.providerUser.id, body: text.answer },
        ],
      },
    },
    include: { messages: true },
  });
  const lockException = await db.lockException.create({
    data: { returnId: ret.id, reason: text.lockReason, endsAt: new Date('2030-01-01T00:00:00Z'), grantedById: fixture.officer.id },
  });
  const notification = await db.notification.create({
    data: {
      userId: fixture.providerUser.id,
      kind: 'QUERY_RAISED',
      subject: `A question in your ${periodLabel} return`,
      body: `The OPCC asked: ${text.question}`,
      returnId: ret.id,
      dedupeKey: `test:${unique()}`,
    },
  });
  return { ret, version, query, lockException, notification, text };
}

/** An audit event written at a chosen instant, with details (as the triggers write them). */
export async function auditEventAt(occurredAt: Date, tag: string): Promise<bigint> {
  const [row] = await getPrisma().$queryRaw<{ id: bigint }[]>`
    INSERT INTO audit_event (occurred_at, actor_label, action, entity_type, entity_id, before, after, request_id, ip_address)
    VALUES (${occurredAt}, 'someone@test.example', 'UPDATE', 'organisation', ${tag},
            ${JSON.stringify({ name: `${tag} before` })}::jsonb, ${JSON.stringify({ name: `${tag} after` })}::jsonb,
            ${`req-${tag}`}, '203.0.113.9')
    RETURNING id`;
  return row!.id;
}

export async function sessionRow(userId: string, times: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }) {
  return getPrisma().session.create({
    data: { userId, tokenHash: randomBytes(32).toString('hex'), ...times, ipAddress: '203.0.113.9', userAgent: 'test' },
  });
}

export async function passwordLink(userId: string, times: { createdAt: Date; expiresAt: Date; usedAt?: Date | null }) {
  return getPrisma().passwordReset.create({
    data: { userId, tokenHash: randomBytes(32).toString('hex'), ...times, usedAt: times.usedAt ?? null },
  });
}

export async function loginAttempt(createdAt: Date) {
  return getPrisma().loginAttempt.create({
    data: { email: `someone-${unique()}@test.example`, ipAddress: '203.0.113.9', succeeded: false, createdAt },
  });
}

/** Every row of `table` as JSON, by id: to prove what changed and what did not. */
export async function tableRows(table: string): Promise<Map<string, unknown>> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`);
  const rows = await getPrisma().$queryRawUnsafe<{ id: string; row: unknown }[]>(
    `SELECT id::text AS id, to_jsonb(t) AS row FROM "${table}" t`,
  );
  return new Map(rows.map((r) => [r.id, r.row]));
}

export interface TableDiff {
  changed: string[];
  deleted: string[];
  added: string[];
}

export function diffRows(before: Map<string, unknown>, after: Map<string, unknown>): TableDiff {
  const changed: string[] = [];
  const deleted: string[] = [];
  const added: string[] = [];
  for (const [id, row] of before) {
    if (!after.has(id)) deleted.push(id);
    else if (JSON.stringify(after.get(id)) !== JSON.stringify(row)) changed.push(id);
  }
  for (const id of after.keys()) if (!before.has(id)) added.push(id);
  return { changed: changed.sort(), deleted: deleted.sort(), added: added.sort() };
}
