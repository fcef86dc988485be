// In-app notifications (written by the reminders job, graphql/jobs/reminders.ts, and by the workflow) and the
// e-mail outbox. A person sees and marks only their own notifications (the query filters by the signed-in user
// AND the type is scoped to its owner); an API token has none. Only admins read the outbox.
import { builder } from '../builder';
import { ForbiddenError } from '../errors';
import type { Context } from '../context';
import { MarkNotificationsReadSchema, type MarkNotificationsReadInput } from '../validation/notification';

const NOBODY = '00000000-0000-0000-0000-000000000000';

function ownerId(ctx: Context): string {
  if (!ctx.viewer?.userId) throw new ForbiddenError('Notifications belong to a signed-in person: an API token has none.');
  return ctx.viewer.userId;
}

builder.prismaObject('Notification', {
  description: 'A message to one person in the portal (a reminder, a return sent back, a query answered...).',
  select: { id: true, userId: true },
  authScopes: (notification, ctx) => !!ctx.viewer?.userId && notification.userId === ctx.viewer.userId,
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', { description: 'e.g. RETURN_OVERDUE, RETURN_RETURNED, QUERY_ANSWERED.' }),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    read: t.boolean({ select: { readAt: true }, resolve: (notification) => notification.readAt !== null }),
    returnId: t.exposeID('returnId', { nullable: true, description: 'The return it is about, if any (open it with performanceReturn).' }),
  }),
});

builder.prismaObject('EmailOutbox', {
  name: 'EmailOutboxMessage',
  description: 'An e-mail the portal sent, or will send when SMTP is configured (admins only).',
  authScopes: { admin: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    to: t.exposeString('toAddress'),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'Null: not sent (yet).' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the last attempt to send it failed.' }),
  }),
});

export const OUTBOX_PAGE_SIZE = 50;

interface OutboxPageShape {
  page: number;
  pageSize: number;
  total: number;
  unsent: number;
}

const EmailOutboxPageRef = builder.objectRef<OutboxPageShape>('EmailOutboxPage').implement({
  description: 'One page of the e-mail outbox, newest first.',
  authScopes: { admin: true },
  fields: (t) => ({
    page: t.exposeInt('page'),
    pageCount: t.int({ resolve: (p) => Math.max(1, Math.ceil(p.total / p.pageSize)) }),
    total: t.exposeInt('total'),
    unsent: t.exposeInt('unsent', { description: 'Messages not sent yet (in the whole outbox).' }),
    nodes: t.prismaField({
      type: ['EmailOutbox'],
      resolve: (query, p, _args, ctx) =>
        ctx.db.emailOutbox.findMany({
          ...query,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (p.page - 1) * p.pageSize,
          take: p.pageSize,
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  notifications: t.prismaField({
    type: ['Notification'],
    description: "The signed-in person's own notifications, newest first (at most `limit`, default 100).",
    authScopes: { authenticated: true },
    args: {
      unreadOnly: t.arg.boolean({ required: false }),
      limit: t.arg.int({ required: false, description: '1 to 500; default 100.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.notification.findMany({
        ...query,
        where: { userId: ownerId(ctx), ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: Math.min(Math.max(args.limit ?? 100, 1), 500),
      }),
  }),
  unreadNotificationCount: t.int({
    description: "How many of the signed-in person's notifications are unread (0 for an API token).",
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.db.notification.count({ where: { userId: ctx.viewer?.userId ?? NOBODY, readAt: null } }),
  }),
  emailOutbox: t.field({
    type: EmailOutboxPageRef,
    description: 'The e-mails the portal has sent or will send, newest first, 50 a page (admins only).',
    authScopes: { admin: true },
    args: { page: t.arg.int({ required: false, description: 'From 1; default 1.' }) },
    resolve: async (_root, args, ctx) => {
      const [total, unsent] = await Promise.all([ctx.db.emailOutbox.count(), ctx.db.emailOutbox.count({ where: { sentAt: null } })]);
      const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
      const page = Math.min(Math.max(args.page ?? 1, 1), pageCount);
      return { page, pageSize: OUTBOX_PAGE_SIZE, total, unsent };
    },
  }),
}));

const MarkNotificationsReadInputRef = builder.inputType('MarkNotificationsReadInput', {
  fields: (t) => ({
    ids: t.idList({ required: false, description: 'The notifications to mark as read (your own; others are ignored).' }),
    all: t.boolean({ required: false, description: 'Mark every one of your notifications as read.' }),
  }),
  validate: MarkNotificationsReadSchema,
});

interface MarkedShape {
  marked: number;
  unread: number;
}

const MarkNotificationsReadResultRef = builder.objectRef<MarkedShape>('MarkNotificationsReadResult').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    marked: t.exposeInt('marked', { description: 'How many were unread and are now read.' }),
    unread: t.exposeInt('unread', { description: 'How many of your notifications are still unread.' }),
  }),
});

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: MarkNotificationsReadResultRef,
    description: 'Marks some (ids) or all (all: true) of your own notifications as read. Ids of anyone else\'s are ignored.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: MarkNotificationsReadInputRef, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = args.input as unknown as MarkNotificationsReadInput;
      const userId = ownerId(ctx);
      const { count } = await ctx.db.notification.updateMany({
        where: { userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids } }) },
        data: { readAt: new Date() },
      });
      const unread = await ctx.db.notification.count({ where: { userId, readAt: null } });
      return { marked: count, unread };
    },
  }),
);
