// Queries on returns: an officer asks about one value of a return (or the whole return), the provider answers in a
// thread, the officer resolves it. Status: OPEN (waiting for the provider) -> ANSWERED (the provider replied) ->
// RESOLVED; an officer's follow-up on an ANSWERED query makes it OPEN again.
//
// Who may do what:
// - Raise and resolve: policy officers and admins (signed-in people).
// - Reply: the provider of the return's service (a signed-in person, or its organisation's API token: the message is
//   then written in the name of the person who issued the token), and policy officers and admins.
// - Read: OPCC staff and the provider of the return's service; the Commissioner only on approved returns (the rule of
//   returns: figures that have not been reviewed do not reach the Commissioner), and writes nothing; the Commissioner
//   sees who asked what about which figure, but not the messages (FORBIDDEN: they quote exact figures, which reach the
//   Commissioner only under disclosure control, graphql/types/figure-control.ts). A provider never
//   reads another organisation's queries: lists filter rows with visibleReturns AND the type itself is scoped.
// - Notifications (in the portal): the provider's users when a query is raised or an officer follows up; the officer
//   who raised it when the provider replies. One per message and person (dedupeKey query:<id>:message:<id>:user:<id>).
import { QueryStatus, type Prisma } from '../../prisma/client';
import { builder } from '../builder';
import { isOpccStaff, WRITERS, type Context } from '../context';
import { isUuid } from '../domain/format';
import { BadUserInputError, ForbiddenError, NotAllowedError, NotFoundError, signedInUserId, VersionConflictError } from '../errors';
import {
  RaiseReturnQuerySchema,
  ReplyToReturnQuerySchema,
  ResolveReturnQuerySchema,
  type RaiseReturnQueryInput,
  type ReplyToReturnQueryInput,
  type ResolveReturnQueryInput,
} from '../validation/return-review';
import { NOT_FOR_COMMISSIONER_TEXT, notForCommissioner } from './figure-control';
import { loadTemplate, returnForWrite, visibleReturns } from './return';

export const QueryStatusEnum = builder.enumType(QueryStatus, {
  name: 'QueryStatus',
  description: 'OPEN: waiting for the provider. ANSWERED: the provider replied. RESOLVED: closed by an officer.',
});

const STATUS_WORDS: Record<QueryStatus, string> = { OPEN: 'open', ANSWERED: 'answered', RESOLVED: 'resolved' };

/** The queries a caller may see: those on returns it may see (visibleReturns). */
export function visibleQueries(ctx: Context): Prisma.ReturnQueryWhereInput {
  return { return: visibleReturns(ctx) };
}

const isOfficer = (ctx: Context) => !!ctx.viewer && WRITERS.includes(ctx.viewer.role);

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

const ReturnQueryMessageRef = builder.prismaObject('ReturnQueryMessage', {
  description: 'One message of a query thread.',
  // Reachable only through a ReturnQuery, which is scoped like its return.
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    body: t.exposeString('body', {
      description: `Plain text, as written: show it escaped. Queries discuss figures and quote them exactly. ${NOT_FOR_COMMISSIONER_TEXT}`,
      authScopes: notForCommissioner,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    authorName: t.string({ select: { author: { select: { name: true } } }, resolve: (m) => m.author.name }),
    fromOpcc: t.boolean({
      description: 'Written by OPCC staff (true) or by the provider (false).',
      select: { author: { select: { organisation: { select: { kind: true } } } } },
      resolve: (m) => m.author.organisation.kind === 'OPCC',
    }),
  }),
});

const optionSelect = { select: { options: { select: { code: true, label: true } } } } as const;

builder.prismaObject('ReturnQuery', {
  description: 'A question an officer raised on one value of a return (or the whole return), answered in a thread.',
  select: { id: true, return: { select: { status: true, service: { select: { providerId: true } } } } },
  // As PerformanceReturn: OPCC staff and the return's provider; the Commissioner only on approved returns.
  authScopes: (q, ctx) =>
    ctx.viewer?.role === 'COMMISSIONER' ? q.return.status === 'APPROVED' : { opccStaff: true, organisation: q.return.service.providerId },
  fields: (t) => ({
    id: t.exposeID('id'),
    return: t.relation('return'),
    status: t.expose('status', { type: QueryStatusEnum }),
    measureCode: t.string({
      nullable: true,
      description: 'null: a query on the whole return.',
      select: { measure: { select: { code: true } } },
      resolve: (q) => q.measure?.code ?? null,
    }),
    measureLabel: t.string({
      nullable: true,
      select: { measure: { select: { label: true } } },
      resolve: (q) => q.measure?.label ?? null,
    }),
    breakdownOption: t.string({
      nullable: true,
      description: "'' or null: the measure's total; else an option code, or two joined by '|'.",
      select: { breakdownKey: true },
      resolve: (q) => q.breakdownKey,
    }),
    optionLabel: t.string({
      nullable: true,
      description: 'The breakdown option in words; null for a total or the whole return.',
      select: { breakdownKey: true, measure: { select: { breakdown: optionSelect, secondaryBreakdown: optionSelect } } },
      resolve: (q) => {
        if (!q.breakdownKey || !q.measure) return null;
        const [a, b] = q.breakdownKey.split('|');
        const first = q.measure.breakdown?.options.find((o) => o.code === a)?.label ?? a;
        if (b === undefined) return first ?? q.breakdownKey;
        const second = q.measure.secondaryBreakdown?.options.find((o) => o.code === b)?.label ?? b;
        return `${first}, ${second}`;
      },
    }),
    raisedBy: t.string({ select: { raisedBy: { select: { name: true } } }, resolve: (q) => q.raisedBy.name }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    messages: t.relation('messages', { description: 'Oldest first.', query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    messageCount: t.relationCount('messages'),
    lastMessage: t.field({
      type: ReturnQueryMessageRef,
      nullable: true,
      description: 'The latest message.',
      select: (_args, _ctx, nestedSelection) => ({
        messages: nestedSelection({ orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }], take: 1 }),
      }),
      resolve: (q) => q.messages[0] ?? null,
    }),
  }),
});

builder.prismaObjectField('PerformanceReturn', 'queries', (t) =>
  t.relation('queries', {
    description: 'Queries on this return, oldest first.',
    query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  })
);

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

const ReturnQueryFilter = builder.inputType('ReturnQueryFilter', {
  fields: (t) => ({
    returnId: t.id({ required: false }),
    status: t.field({ type: QueryStatusEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  returnQueries: t.prismaField({
    type: ['ReturnQuery'],
    description:
      "Queries the caller may see (a provider: its own organisation's; the Commissioner: on approved returns), open " +
      'first, then answered, then resolved; the latest first within each.',
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: ReturnQueryFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) => {
      const and: Prisma.ReturnQueryWhereInput[] = [visibleQueries(ctx)];
      if (filter?.returnId) {
        if (!isUuid(String(filter.returnId)))
          throw new BadUserInputError(`There is no return with id ${filter.returnId}.`, 'filter.returnId');
        and.push({ returnId: String(filter.returnId) });
      }
      if (filter?.status) and.push({ status: filter.status });
      return ctx.db.returnQuery.findMany({
        ...query,
        where: { AND: and },
        orderBy: [{ status: 'asc' }, { createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
  returnQuery: t.prismaField({
    type: 'ReturnQuery',
    nullable: true,
    description: 'One query; null when absent or not visible to the caller.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      isUuid(String(args.id))
        ? ctx.db.returnQuery.findFirst({ ...query, where: { AND: [{ id: String(args.id) }, visibleQueries(ctx)] } })
        : null,
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------------------------

const RaiseReturnQueryInputRef = builder.inputType('RaiseReturnQueryInput', {
  fields: (t) => ({
    returnId: t.id({ required: true }),
    measureCode: t.string({ required: false, description: 'The measure asked about; absent for the whole return.' }),
    breakdownOption: t.string({ required: false, description: "The breakdown option ('' or absent: the measure's total)." }),
    message: t.string({ required: true }),
  }),
  validate: RaiseReturnQuerySchema,
});

const ReplyToReturnQueryInputRef = builder.inputType('ReplyToReturnQueryInput', {
  fields: (t) => ({
    queryId: t.id({ required: true }),
    message: t.string({ required: true }),
  }),
  validate: ReplyToReturnQuerySchema,
});

const ResolveReturnQueryInputRef = builder.inputType('ResolveReturnQueryInput', {
  fields: (t) => ({
    queryId: t.id({ required: true }),
    expectedStatus: t.field({
      type: QueryStatusEnum,
      required: false,
      description: 'The status the officer saw: if the thread moved on since (a reply came in), the answer is VersionConflict.',
    }),
  }),
  validate: ResolveReturnQuerySchema,
});

const querySelect = {
  id: true,
  status: true,
  raisedById: true,
  measure: { select: { label: true } },
  _count: { select: { messages: true } },
  return: {
    select: {
      id: true,
      service: { select: { providerId: true, title: true, provider: { select: { name: true } } } },
      period: { select: { label: true } },
    },
  },
} satisfies Prisma.ReturnQuerySelect;

type QueryForWrite = Prisma.ReturnQueryGetPayload<{ select: typeof querySelect }>;

/** The query, or NotFound; FORBIDDEN when the caller is neither an officer nor the provider of its return. */
async function queryForWrite(ctx: Context, queryId: string): Promise<QueryForWrite> {
  const found = isUuid(queryId) ? await ctx.db.returnQuery.findUnique({ where: { id: queryId }, select: querySelect }) : null;
  if (!found) throw new NotFoundError('There is no such query.');
  if (!isOpccStaff(ctx.viewer) && found.return.service.providerId !== ctx.viewer?.organisationId) throw new ForbiddenError();
  return found;
}

/** The person a message is written by: the signed-in person, or the person who issued the API token. */
async function authorOf(ctx: Context): Promise<string> {
  if (ctx.viewer?.userId) return ctx.viewer.userId;
  if (ctx.viewer?.via === 'token' && ctx.viewer.tokenId) {
    const token = await ctx.db.apiToken.findUnique({ where: { id: ctx.viewer.tokenId }, select: { createdById: true } });
    if (token) return token.createdById;
  }
  throw new ForbiddenError('This must be done by a signed-in person.');
}

/** In-app notifications, one per person and message; a repeated key is skipped. */
async function notify(
  ctx: Context,
  userIds: string[],
  query: { id: string; returnId: string },
  messageId: string,
  kind: string,
  subject: string,
  body: string
) {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  await ctx.db.notification.createMany({
    data: users.map((userId) => ({
      userId,
      kind,
      subject: subject.slice(0, 300),
      body,
      returnId: query.returnId,
      dedupeKey: `query:${query.id}:message:${messageId}:user:${userId}`,
    })),
    skipDuplicates: true,
  });
}

async function providerUserIds(ctx: Context, organisationId: string): Promise<string[]> {
  const users = await ctx.db.user.findMany({
    where: { organisationId, role: 'PROVIDER', deactivatedAt: null },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

const excerpt = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const aboutWords = (measureLabel: string | null | undefined) => (measureLabel ? `about ${measureLabel}` : 'about the return');

builder.mutationFields((t) => ({
  raiseReturnQuery: t.prismaField({
    type: 'ReturnQuery',
    description:
      'Asks the provider about one value of a submitted return (measureCode and breakdownOption) or the whole return ' +
      "(policy officers and admins). The provider's users are told in the portal.",
    authScopes: { officer: true },
    args: { input: t.arg({ type: RaiseReturnQueryInputRef, required: true }) },
    errors: { types: [NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as RaiseReturnQueryInput;
      const userId = signedInUserId(ctx.viewer);
      const ret = await returnForWrite(ctx, input.returnId);
      const details = await ctx.db.performanceReturn.findUniqueOrThrow({
        where: { id: ret.id },
        select: { submittedAt: true, service: { select: { title: true } } },
      });
      if (!details.submittedAt) throw new NotAllowedError('The return has not been submitted yet: ask about it once it has.');
      let measureId: string | null = null;
      let measureLabel: string | null = null;
      let key: string | null = null;
      if (input.measureCode) {
        const template = await loadTemplate(
          ctx,
          ret.templateId,
          ret.service.priorityIssues.map((link) => link.priorityIssueId)
        );
        const measure = template.measures.get(input.measureCode);
        if (!measure) throw new BadUserInputError(`${input.measureCode} is not a measure of this return.`, 'input.measureCode');
        key = input.breakdownOption ?? '';
        if (key !== '' && !measure.keys.has(key))
          throw new BadUserInputError(`"${key}" is not an option of ${measure.label}.`, 'input.breakdownOption');
        measureId = measure.id;
        measureLabel = measure.keys.get(key) ?? measure.label;
      }
      const created = await ctx.db.returnQuery.create({
        data: {
          returnId: ret.id,
          measureId,
          breakdownKey: key,
          raisedById: userId,
          messages: { create: { authorId: userId, body: input.message } },
        },
        select: { id: true, messages: { select: { id: true } } },
      });
      await notify(
        ctx,
        await providerUserIds(ctx, ret.service.providerId),
        { id: created.id, returnId: ret.id },
        created.messages[0]!.id,
        'QUERY_RAISED',
        `A question ${aboutWords(measureLabel)} in your ${ret.period.label} return for ${details.service.title}`,
        `The OPCC asked: ${excerpt(input.message)}\n\nPlease reply in the portal (Queries).`
      );
      return ctx.db.returnQuery.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),

  replyToReturnQuery: t.prismaField({
    type: 'ReturnQuery',
    description:
      'Adds a message to a query: the provider of the return (a person or its API token) answers it (ANSWERED), an ' +
      'officer follows it up (OPEN again). Not on resolved queries.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ReplyToReturnQueryInputRef, required: true }) },
    errors: { types: [NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as ReplyToReturnQueryInput;
      const found = await queryForWrite(ctx, input.queryId);
      const officer = isOfficer(ctx);
      const provider = ctx.viewer?.role === 'PROVIDER' && ctx.viewer.organisationId === found.return.service.providerId;
      if (!officer && !provider) throw new ForbiddenError('Only the provider of the return and OPCC officers can reply to a query.');
      if (found.status === 'RESOLVED') throw new NotAllowedError('The query is resolved: ask a new question instead.');
      const authorId = await authorOf(ctx);
      const status: QueryStatus = provider ? 'ANSWERED' : 'OPEN';
      const message = await ctx.db.returnQueryMessage.create({
        data: { queryId: found.id, authorId, body: input.message },
        select: { id: true },
      });
      await ctx.db.returnQuery.update({ where: { id: found.id }, data: { status } });
      const about = aboutWords(found.measure?.label);
      const where = `${found.return.period.label} return for ${found.return.service.title}`;
      if (provider) {
        await notify(
          ctx,
          [found.raisedById],
          { id: found.id, returnId: found.return.id },
          message.id,
          'QUERY_ANSWERED',
          `${found.return.service.provider.name} answered your query ${about} (${where})`,
          excerpt(input.message)
        );
      } else {
        await notify(
          ctx,
          await providerUserIds(ctx, found.return.service.providerId),
          { id: found.id, returnId: found.return.id },
          message.id,
          'QUERY_REPLY',
          `The OPCC replied to a query ${about} in your ${where}`,
          `${excerpt(input.message)}\n\nPlease reply in the portal (Queries).`
        );
      }
      return ctx.db.returnQuery.findUniqueOrThrow({ ...query, where: { id: found.id } });
    },
  }),

  resolveReturnQuery: t.prismaField({
    type: 'ReturnQuery',
    description:
      'Closes a query (policy officers and admins). With expectedStatus, a query that moved on since the officer read it ' +
      '(e.g. the provider replied) answers VersionConflict (currentVersion: the number of messages now) and stays open.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ResolveReturnQueryInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotAllowedError, NotFoundError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as ResolveReturnQueryInput;
      signedInUserId(ctx.viewer);
      const found = await queryForWrite(ctx, input.queryId);
      if (found.status === 'RESOLVED') throw new NotAllowedError('The query is already resolved.');
      if (input.expectedStatus && input.expectedStatus !== found.status) {
        throw new VersionConflictError(
          `The query changed while you were reading it: it is now ${
            STATUS_WORDS[found.status]
          }. Read the latest messages, then resolve it.`,
          found._count.messages
        );
      }
      const { count } = await ctx.db.returnQuery.updateMany({
        where: { id: found.id, status: found.status },
        data: { status: 'RESOLVED', resolvedAt: new Date() },
      });
      if (count === 0)
        throw new VersionConflictError('The query changed while you were reading it. Nothing was saved.', found._count.messages);
      return ctx.db.returnQuery.findUniqueOrThrow({ ...query, where: { id: found.id } });
    },
  }),
}));
