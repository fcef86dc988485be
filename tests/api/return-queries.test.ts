// Queries on returns: an officer raises one on a value (or the whole return), the provider answers in a thread (as a
// person or with its API token), the officer resolves it; notifications; who may read and write; bad input; stale
// status; bounded SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { bearerFor, ReturnJourney } from '../helpers/review-factories';
import { tokenViewer } from '../helpers/return-factories';
import { countStatements } from '../helpers/statements';

let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let own: Viewer;
let ownColleague: Viewer;
let other: Viewer;
let providerA: string;
let providerB: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  providerB = (await createOrganisation()).id;
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  ownColleague = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
});

const QUERY_FIELDS = `id status measureCode measureLabel breakdownOption optionLabel raisedBy createdAt resolvedAt messageCount
  messages { id body authorName fromOpcc createdAt } lastMessage { body authorName } return { id service { id } }`;

const RAISE = `mutation ($input: RaiseReturnQueryInput!) { raiseReturnQuery(input: $input) {
  __typename ... on MutationRaiseReturnQuerySuccess { data { ${QUERY_FIELDS} } } ... on Error { message } } }`;
const REPLY = `mutation ($input: ReplyToReturnQueryInput!) { replyToReturnQuery(input: $input) {
  __typename ... on MutationReplyToReturnQuerySuccess { data { ${QUERY_FIELDS} } } ... on Error { message } } }`;
const RESOLVE = `mutation ($input: ResolveReturnQueryInput!) { resolveReturnQuery(input: $input) {
  __typename ... on MutationResolveReturnQuerySuccess { data { ${QUERY_FIELDS} } } ... on Error { message } ... on VersionConflict { currentVersion } } }`;
const LIST = `query ($filter: ReturnQueryFilter) { returnQueries(filter: $filter) { ${QUERY_FIELDS} } }`;
const ONE = `query ($id: ID!) { returnQuery(id: $id) { ${QUERY_FIELDS} } }`;
const ON_RETURN = `query ($id: ID!) { performanceReturn(id: $id) { id queries { id status messages { body } } } }`;

const field = (response: any, name: string) => response.data?.[name];

async function submitted(provider = own) {
  const journey = await ReturnJourney.start(provider);
  await journey.submit();
  return journey;
}

async function raise(returnId: string, extra: Record<string, unknown> = {}, viewer = officer) {
  const response = await execute(
    RAISE,
    { input: { returnId, message: 'Police referrals look high: is this the new MASH pathway?', ...extra } },
    { viewer }
  );
  const answer = field(response, 'raiseReturnQuery');
  expect(answer?.__typename, JSON.stringify(response)).toBe('MutationRaiseReturnQuerySuccess');
  return answer.data;
}

describe('raiseReturnQuery', () => {
  it('raises a query on one value, with its words, and tells every active user of the provider', async () => {
    const journey = await submitted();
    const raised = await raise(journey.id, { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE' });
    expect(raised).toMatchObject({
      status: 'OPEN',
      measureCode: 'REF_RECEIVED',
      measureLabel: 'Referrals received, by source',
      breakdownOption: 'POLICE',
      optionLabel: 'Police',
      resolvedAt: null,
      messageCount: 1,
      return: { id: journey.id },
    });
    expect(raised.messages).toEqual([
      expect.objectContaining({ body: 'Police referrals look high: is this the new MASH pathway?', fromOpcc: true }),
    ]);
    expect(raised.raisedBy).toMatch(/^Test policy_officer/);
    expect(raised.lastMessage.body).toBe(raised.messages[0].body);

    const notifications = await getPrisma().notification.findMany({ where: { returnId: journey.id, kind: 'QUERY_RAISED' } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([own.userId, ownColleague.userId].sort());
    expect(notifications[0]!.subject).toContain('Referrals received, by source (Police)');
    expect(notifications[0]!.dedupeKey).toBe(`query:${raised.id}:message:${raised.messages[0].id}:user:${notifications[0]!.userId}`);
    expect(notifications[0]!.body).toContain('is this the new MASH pathway?');
  });

  it('raises a query on a total, or on the whole return', async () => {
    const journey = await submitted();
    const total = await raise(journey.id, { measureCode: 'REF_ACCEPTED' });
    expect(total).toMatchObject({ measureCode: 'REF_ACCEPTED', breakdownOption: '', optionLabel: null });
    const whole = await raise(journey.id);
    expect(whole).toMatchObject({ measureCode: null, measureLabel: null, breakdownOption: null, optionLabel: null });
  });

  it('is for officers and admins only; nobody else can raise one', async () => {
    const journey = await submitted();
    const input = { returnId: journey.id, message: 'A question' };
    for (const viewer of [own, tokenViewer(providerA), other, commissioner]) {
      expect(codes(await execute(RAISE, { input }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(RAISE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await getPrisma().returnQuery.count({ where: { returnId: journey.id } })).toBe(0);
    await raise(journey.id, {}, admin);
  });

  it('answers bad input with a message that names the field, and saves nothing', async () => {
    const journey = await submitted();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ message: '   ' }, 'message', 'Enter your question'],
      [{ message: 'x'.repeat(5_001) }, 'message', 'Your question must be 5,000 characters or fewer'],
      [{ returnId: 'not-an-id' }, 'returnId', 'Choose the return'],
      [{ breakdownOption: 'POLICE' }, 'measureCode', 'Choose the measure the breakdown option belongs to'],
      [{ measureCode: 'NOPE' }, 'input.measureCode', 'NOPE is not a measure of this return.'],
      [
        { measureCode: 'REF_RECEIVED', breakdownOption: 'MARS' },
        'input.breakdownOption',
        '"MARS" is not an option of Referrals received, by source.',
      ],
      [{ measureCode: 'TRN_TURNED_18' }, 'input.measureCode', 'TRN_TURNED_18 is not a measure of this return.'],
    ];
    for (const [extra, fieldName, message] of cases) {
      const response = await execute(RAISE, { input: { returnId: journey.id, message: 'Why?', ...extra } }, { viewer: officer });
      expect(codes(response), JSON.stringify(extra)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(message);
      expect(String(response.errors![0]!.extensions!.field)).toContain(fieldName);
    }
    expect(await getPrisma().returnQuery.count({ where: { returnId: journey.id } })).toBe(0);
  });

  it('keeps HTML as text', async () => {
    const journey = await submitted();
    const raised = await raise(journey.id, { message: '<script>alert(1)</script> & <b>bold</b>' });
    expect(raised.messages[0].body).toBe('<script>alert(1)</script> & <b>bold</b>');
  });

  it('refuses a return that was never submitted, and an unknown return', async () => {
    const draft = await ReturnJourney.start(own);
    const refused = field(
      await execute(RAISE, { input: { returnId: draft.id, message: 'Why?' } }, { viewer: officer }),
      'raiseReturnQuery'
    );
    expect(refused).toMatchObject({ __typename: 'NotAllowed' });
    const missing = field(
      await execute(RAISE, { input: { returnId: '00000000-0000-4000-8000-000000000000', message: 'Why?' } }, { viewer: officer }),
      'raiseReturnQuery'
    );
    expect(missing.__typename).toBe('NotFound');
  });
});

describe('the thread', () => {
  it('OPEN -> ANSWERED by the provider -> OPEN on a follow-up -> ANSWERED by its API token -> RESOLVED', async () => {
    const journey = await submitted();
    const raised = await raise(journey.id, { measureCode: 'REF_ACCEPTED' });

    const answered = field(
      await execute(REPLY, { input: { queryId: raised.id, message: 'Yes: the MASH pathway started in July.' } }, { viewer: own }),
      'replyToReturnQuery'
    );
    expect(answered.data).toMatchObject({ status: 'ANSWERED', messageCount: 2 });
    expect(answered.data.messages.map((m: any) => [m.body, m.fromOpcc])).toEqual([
      ['Police referrals look high: is this the new MASH pathway?', true],
      ['Yes: the MASH pathway started in July.', false],
    ]);
    expect(answered.data.lastMessage.body).toBe('Yes: the MASH pathway started in July.');
    const toOfficer = await getPrisma().notification.findMany({ where: { returnId: journey.id, kind: 'QUERY_ANSWERED' } });
    expect(toOfficer.map((n) => n.userId)).toEqual([officer.userId]);
    expect(toOfficer[0]!.subject).toContain('answered your query about Referrals accepted');

    const followUp = field(
      await execute(REPLY, { input: { queryId: raised.id, message: 'How many came that way?' } }, { viewer: officer }),
      'replyToReturnQuery'
    );
    expect(followUp.data.status).toBe('OPEN');
    expect(await getPrisma().notification.count({ where: { returnId: journey.id, kind: 'QUERY_REPLY' } })).toBe(2);

    // The provider's case system answers with its API token: written in the name of the person who issued it.
    const token = await bearerFor(providerA);
    const byToken = await execute(REPLY, { input: { queryId: raised.id, message: 'Four.' } }, token);
    expect(field(byToken, 'replyToReturnQuery').data).toMatchObject({ status: 'ANSWERED', messageCount: 4 });
    expect(field(byToken, 'replyToReturnQuery').data.lastMessage).toEqual({ body: 'Four.', authorName: token.issuer.name });

    // Resolving with the status the officer saw.
    const stale = field(
      await execute(RESOLVE, { input: { queryId: raised.id, expectedStatus: 'OPEN' } }, { viewer: officer }),
      'resolveReturnQuery'
    );
    expect(stale).toMatchObject({ __typename: 'VersionConflict', currentVersion: 4 });
    expect(stale.message).toContain('now answered');
    expect((await getPrisma().returnQuery.findUniqueOrThrow({ where: { id: raised.id } })).status).toBe('ANSWERED');
    const resolved = field(
      await execute(RESOLVE, { input: { queryId: raised.id, expectedStatus: 'ANSWERED' } }, { viewer: officer }),
      'resolveReturnQuery'
    );
    expect(resolved.data.status).toBe('RESOLVED');
    expect(resolved.data.resolvedAt).toBeTruthy();

    // A resolved query takes no more messages and cannot be resolved again.
    expect(
      field(await execute(REPLY, { input: { queryId: raised.id, message: 'More.' } }, { viewer: own }), 'replyToReturnQuery').__typename
    ).toBe('NotAllowed');
    expect(field(await execute(RESOLVE, { input: { queryId: raised.id } }, { viewer: admin }), 'resolveReturnQuery').__typename).toBe(
      'NotAllowed'
    );
  });

  it('lets nobody else reply or resolve: another provider (person or token), the Commissioner, anonymous', async () => {
    const journey = await submitted();
    const raised = await raise(journey.id);
    const reply = { input: { queryId: raised.id, message: 'Not mine to answer.' } };
    for (const viewer of [other, tokenViewer(providerB), commissioner]) {
      expect(codes(await execute(REPLY, reply, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    const otherToken = await bearerFor(providerB);
    expect(codes(await execute(REPLY, reply, otherToken))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(REPLY, reply))).toEqual(['UNAUTHENTICATED']);
    for (const viewer of [own, tokenViewer(providerA), other, commissioner]) {
      expect(codes(await execute(RESOLVE, { input: { queryId: raised.id } }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    const thread = await getPrisma().returnQuery.findUniqueOrThrow({ where: { id: raised.id }, include: { messages: true } });
    expect(thread.status).toBe('OPEN');
    expect(thread.messages).toHaveLength(1);
    expect(await getPrisma().notification.count({ where: { returnId: journey.id, kind: { in: ['QUERY_ANSWERED', 'QUERY_REPLY'] } } })).toBe(
      0
    );
  });

  it('answers bad input and unknown queries clearly', async () => {
    const journey = await submitted();
    const raised = await raise(journey.id);
    const empty = await execute(REPLY, { input: { queryId: raised.id, message: '' } }, { viewer: own });
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0]!.message).toBe('Enter your reply');
    const unknown = field(
      await execute(REPLY, { input: { queryId: '00000000-0000-4000-8000-000000000000', message: 'Hello' } }, { viewer: officer }),
      'replyToReturnQuery'
    );
    expect(unknown.__typename).toBe('NotFound');
    expect(codes(await execute(RESOLVE, { input: { queryId: raised.id, expectedStatus: 'CLOSED' } }, { viewer: officer }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('who reads which queries', () => {
  it("providers read their own organisation's only (also through a token); officers all; the Commissioner approved returns only", async () => {
    // Organisations of their own, so that other tests' queries do not count.
    const providerA = (await createOrganisation()).id;
    const providerB = (await createOrganisation()).id;
    const own = await viewerFor('PROVIDER', providerA);
    const other = await viewerFor('PROVIDER', providerB);
    const mine = await submitted(own);
    const theirs = await submitted(other);
    const onMine = await raise(mine.id);
    const onTheirs = await raise(theirs.id);
    await execute(REPLY, { input: { queryId: onMine.id, message: 'Answered.' } }, { viewer: own });

    const ids = async (viewer: Viewer | null, filter?: Record<string, unknown>, options: Record<string, unknown> = {}) =>
      ((await execute(LIST, { filter }, { viewer, ...options })).data?.returnQueries ?? []).map((q: any) => q.id);

    expect(await ids(own)).toEqual([onMine.id]);
    expect(await ids(tokenViewer(providerA))).toEqual([onMine.id]);
    expect(await ids(null, undefined, await bearerFor(providerA))).toEqual([onMine.id]);
    expect(await ids(other)).toEqual([onTheirs.id]);
    expect(await ids(own, { returnId: theirs.id })).toEqual([]);
    const all = await ids(officer);
    expect(all).toEqual(expect.arrayContaining([onMine.id, onTheirs.id]));
    // Open first: the OPEN query on their return comes before the ANSWERED one on mine.
    expect(all.indexOf(onTheirs.id)).toBeLessThan(all.indexOf(onMine.id));
    expect(await ids(officer, { status: 'ANSWERED', returnId: mine.id })).toEqual([onMine.id]);
    expect(await ids(officer, { status: 'OPEN', returnId: mine.id })).toEqual([]);
    expect(codes(await execute(LIST, { filter: { returnId: 'x' } }, { viewer: officer }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await execute(LIST, {}))).toEqual(['UNAUTHENTICATED']);

    // One query by id: null when it is not the caller's.
    expect((await execute(ONE, { id: onTheirs.id }, { viewer: own })).data!.returnQuery).toBeNull();
    expect((await execute(ONE, { id: onTheirs.id }, { viewer: tokenViewer(providerA) })).data!.returnQuery).toBeNull();
    expect((await execute(ONE, { id: onMine.id }, { viewer: own })).data!.returnQuery.messages).toHaveLength(2);
    expect((await execute(ONE, { id: 'nope' }, { viewer: officer })).data!.returnQuery).toBeNull();

    // Through the return.
    expect((await execute(ON_RETURN, { id: mine.id }, { viewer: own })).data!.performanceReturn.queries.map((q: any) => q.id)).toEqual([
      onMine.id,
    ]);
    expect((await execute(ON_RETURN, { id: theirs.id }, { viewer: own })).data!.performanceReturn).toBeNull();

    // The Commissioner: nothing until the return is approved; then the query without its messages, which quote exact
    // figures (FORBIDDEN: disclosure control, tests/api/people-count-fields.test.ts).
    const WITHOUT_MESSAGES = `query { returnQueries { id status measureCode measureLabel raisedBy createdAt messageCount } }`;
    const seenByCommissioner = async () =>
      ((await execute(WITHOUT_MESSAGES, {}, { viewer: commissioner })).data?.returnQueries ?? []).map((q: any) => q.id);
    expect(await seenByCommissioner()).not.toContain(onMine.id);
    expect((await execute(ONE, { id: onMine.id }, { viewer: commissioner })).data!.returnQuery).toBeNull();
    await mine.approve(officer);
    expect(await seenByCommissioner()).toContain(onMine.id);
    expect(await seenByCommissioner()).not.toContain(onTheirs.id);
    expect(codes(await execute(ONE, { id: onMine.id }, { viewer: commissioner }))).toContain('FORBIDDEN');
  });

  it('lists queries without a query per row', async () => {
    const journey = await submitted();
    const SHORT = `query ($filter: ReturnQueryFilter) { returnQueries(filter: $filter) {
      id status measureLabel optionLabel raisedBy messageCount lastMessage { body authorName createdAt }
      return { id period { label } service { reference title provider { name } } } } }`;
    await raise(journey.id, { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE' });
    const few = await countStatements(() => execute(SHORT, { filter: { returnId: journey.id } }, { viewer: officer }));
    for (let i = 0; i < 4; i++) {
      const q = await raise(journey.id, { measureCode: 'REF_ACCEPTED' });
      await execute(REPLY, { input: { queryId: q.id, message: `Reply ${i}` } }, { viewer: own });
    }
    const many = await countStatements(() => execute(SHORT, { filter: { returnId: journey.id } }, { viewer: officer }));
    expect(many.result.data!.returnQueries).toHaveLength(5);
    // Open first (the one nobody answered), then the answered ones with the provider's reply as their last message.
    expect(many.result.data!.returnQueries.map((q: any) => q.status)).toEqual(['OPEN', 'ANSWERED', 'ANSWERED', 'ANSWERED', 'ANSWERED']);
    expect(many.result.data!.returnQueries[1].lastMessage.body).toMatch(/^Reply/);
    expect(many.statements).toBe(few.statements);
  });
});
