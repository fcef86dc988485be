// Users: people who sign in, each in exactly one organisation. Administrators add and change them, deactivate and
// reactivate them, and issue one-time set-password links (only the SHA-256 of the link's token is stored).
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import { builder } from '../builder';
import { isOpccStaff, type Context } from '../context';
import type { Db } from '../db';
import { BadUserInputError, ForbiddenError, NotAllowedError, NotFoundError, VersionConflictError } from '../errors';
import {
  CreateUserSchema,
  UpdateUserSchema,
  UserIdSchema,
  UserVersionSchema,
  roleMismatch,
  type RoleName,
} from '../validation/user';
import { escapeLike } from '../domain/format';
import { RoleEnum } from './enums';
import { EmailTakenError, isUniqueViolation, isUuid } from './people-errors';

/**
 * The people of an organisation (their accounts: e-mail addresses, roles, sign-ins) are for people signed in to the
 * portal, not for API tokens: a case-management system exchanges services, returns and queries; it has no use for the
 * staff list, and a leaked token must not hand it out. `users` and `user` answer FORBIDDEN to a token;
 * `Organisation.users` answers no one (as `CommissionedService.leadOfficer` answers null to providers).
 */
export const isApiToken = (ctx: Context) => ctx.viewer?.via === 'token';

function requirePersonForPeople(ctx: Context) {
  if (isApiToken(ctx)) throw new ForbiddenError('The people of an organisation are not available to API tokens: sign in to the portal.');
}

builder.prismaObject('User', {
  description: 'A person who signs in. Belongs to exactly one organisation.',
  // OPCC staff see every user; others only the users of their own organisation.
  authScopes: (user) => ({ opccStaff: true, organisation: user.organisationId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.boolean({ resolve: (user) => user.deactivatedAt === null }),
    deactivatedAt: t.expose('deactivatedAt', { type: 'DateTime', nullable: true }),
    hasPassword: t.boolean({
      description: 'Whether the user has set a password (false until they use their set-password link).',
      resolve: (user) => user.passwordHash !== null,
    }),
    lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    organisation: t.relation('organisation'),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user; null when anonymous or when an API token is used.',
    authScopes: { public: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.userId ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
  users: t.prismaField({
    type: ['User'],
    description:
      'Users, by name. OPCC staff see everyone; anyone else only the users of their own organisation. Deactivated users are left out unless asked for. Not available to API tokens.',
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.id({ required: false }),
      includeDeactivated: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      requirePersonForPeople(ctx);
      const wanted = args.organisationId ? String(args.organisationId) : null;
      if (wanted && !isUuid(wanted)) return [];
      const own = isOpccStaff(ctx.viewer) ? null : ctx.viewer!.organisationId;
      if (own && wanted && wanted !== own) return [];
      const organisationId = own ?? wanted;
      return ctx.db.user.findMany({
        ...query,
        where: {
          ...(organisationId ? { organisationId } : {}),
          ...(args.includeDeactivated ? {} : { deactivatedAt: null }),
        },
        orderBy: [{ name: 'asc' }, { email: 'asc' }],
      });
    },
  }),
  user: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'One user; null when there is none or the caller may not see them. Not available to API tokens.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      requirePersonForPeople(ctx);
      const id = String(args.id);
      if (!isUuid(id)) return null;
      return ctx.db.user.findFirst({
        ...query,
        where: { id, ...(isOpccStaff(ctx.viewer) ? {} : { organisationId: ctx.viewer!.organisationId }) },
      });
    },
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// One-time set-password links
// ---------------------------------------------------------------------------------------------------------------

export const PASSWORD_LINK_HOURS = 24;

interface PasswordLink {
  userId: string;
  setPasswordUrl: string;
  expiresAt: Date;
}

/** A new one-time link for the user; earlier unused links stop working. Only the token's SHA-256 is stored. */
async function issuePasswordLink(db: Db, userId: string): Promise<PasswordLink> {
  const now = new Date();
  await db.passwordReset.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600_000);
  await db.passwordReset.create({ data: { userId, tokenHash: hashToken(token), expiresAt } });
  return { userId, setPasswordUrl: `/set-password/${token}`, expiresAt };
}

const UserPasswordLink = builder.objectRef<PasswordLink>('UserPasswordLink').implement({
  description: 'A one-time link for the user to set their password. Shown once: only a hash of it is kept.',
  authScopes: { admin: true },
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      resolve: (query, link, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: link.userId } }),
    }),
    setPasswordUrl: t.exposeString('setPasswordUrl', {
      description: "The link, relative to the portal's address (/set-password/...). It works once.",
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: `${PASSWORD_LINK_HOURS} hours after it was made.` }),
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// Mutations (administrators only)
// ---------------------------------------------------------------------------------------------------------------

const CreateUserInputRef = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
  validate: CreateUserSchema,
});

const UpdateUserInputRef = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    organisationId: t.id({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    expectedVersion: t.int({ required: true, description: 'The version you edited; a stale one answers VersionConflict.' }),
  }),
  validate: UpdateUserSchema,
});

const UserVersionInputRef = builder.inputType('UserVersionInput', {
  fields: (t) => ({ id: t.id({ required: true }), expectedVersion: t.int({ required: true }) }),
  validate: UserVersionSchema,
});

const ResetUserPasswordInputRef = builder.inputType('ResetUserPasswordInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
  validate: UserIdSchema,
});

async function organisationFor(db: Db, organisationId: string, role: RoleName) {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true, archivedAt: true },
  });
  if (!organisation) throw new BadUserInputError('Choose an organisation from the list', 'input.organisationId');
  if (organisation.archivedAt) {
    throw new BadUserInputError(`${organisation.name} is archived: choose another organisation`, 'input.organisationId');
  }
  const mismatch = roleMismatch(role, organisation.kind);
  if (mismatch) throw new BadUserInputError(mismatch, 'input.role');
  return organisation;
}

async function assertEmailFree(db: Db, email: string) {
  const other = await db.user.findFirst({ where: { email: { equals: escapeLike(email), mode: 'insensitive' } }, select: { id: true } });
  if (other) throw new EmailTakenError(`There is already a user with the email address ${email}`);
}

function conflict(name: string, current: number, edited: number) {
  return new VersionConflictError(
    `${name}'s account was changed by someone else (now version ${current}, you edited version ${edited}).`,
    current,
  );
}

async function findUserForChange(db: Db, id: string, expectedVersion: number) {
  const existing = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      version: true,
      deactivatedAt: true,
      organisationId: true,
      organisation: { select: { name: true, archivedAt: true } },
    },
  });
  if (!existing) throw new NotFoundError('There is no such user.');
  if (existing.version !== expectedVersion) throw conflict(existing.name, existing.version, expectedVersion);
  return existing;
}

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserPasswordLink,
    description:
      'Adds a user and answers a one-time link (valid for 24 hours) for them to set their password. Provider staff belong to providers; the other roles to the OPCC.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInputRef, required: true }) },
    errors: { types: [EmailTakenError] },
    resolve: async (_root, { input }, ctx) => {
      const data = CreateUserSchema.parse(input);
      await organisationFor(ctx.db, data.organisationId, data.role);
      await assertEmailFree(ctx.db, data.email);
      const user = await ctx.db.user
        .create({ data: { email: data.email, name: data.name, role: data.role, organisationId: data.organisationId }, select: { id: true } })
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'email')) throw new EmailTakenError(`There is already a user with the email address ${data.email}`);
          throw error;
        });
      return issuePasswordLink(ctx.db, user.id);
    },
  }),

  updateUser: t.prismaField({
    type: 'User',
    description: "Changes a user's name, role or organisation. A person moved to another organisation loses the notifications of the first.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateUserInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NotAllowedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const data = UpdateUserSchema.parse(input);
      const existing = await findUserForChange(ctx.db, data.id, data.expectedVersion);
      await organisationFor(ctx.db, data.organisationId, data.role);
      if (ctx.viewer?.userId === data.id && data.role !== 'ADMIN') {
        throw new NotAllowedError('You cannot take away your own administrator role: ask another administrator to do it.');
      }
      const { count } = await ctx.db.user.updateMany({
        where: { id: data.id, version: data.expectedVersion },
        data: { name: data.name, role: data.role, organisationId: data.organisationId, version: { increment: 1 } },
      });
      if (count === 0) throw conflict(existing.name, existing.version + 1, data.expectedVersion);
      // A person moved to another organisation no longer reads the first one's notifications (about its returns and
      // queries, quoting its figures): they are removed.
      if (existing.organisationId !== data.organisationId) await ctx.db.notification.deleteMany({ where: { userId: data.id } });
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: data.id } });
    },
  }),

  deactivateUser: t.prismaField({
    type: 'User',
    description: 'Stops a user signing in and ends their sessions. Their history is kept. You cannot deactivate yourself.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UserVersionInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NotAllowedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const id = String(input.id);
      if (ctx.viewer?.userId === id) throw new NotAllowedError('You cannot deactivate your own account.');
      const existing = await findUserForChange(ctx.db, id, input.expectedVersion);
      if (existing.deactivatedAt) throw new NotAllowedError(`${existing.name} is already deactivated.`);
      const { count } = await ctx.db.user.updateMany({
        where: { id, version: input.expectedVersion },
        data: { deactivatedAt: new Date(), version: { increment: 1 } },
      });
      if (count === 0) throw conflict(existing.name, existing.version + 1, input.expectedVersion);
      await ctx.db.session.deleteMany({ where: { userId: id } });
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  reactivateUser: t.prismaField({
    type: 'User',
    description: 'Lets a deactivated user sign in again (with their existing password, or after a reset).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UserVersionInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NotAllowedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const id = String(input.id);
      const existing = await findUserForChange(ctx.db, id, input.expectedVersion);
      if (!existing.deactivatedAt) throw new NotAllowedError(`${existing.name} is already active.`);
      if (existing.organisation.archivedAt) {
        throw new NotAllowedError(`${existing.organisation.name} is archived: its users cannot be reactivated.`);
      }
      const { count } = await ctx.db.user.updateMany({
        where: { id, version: input.expectedVersion },
        data: { deactivatedAt: null, version: { increment: 1 } },
      });
      if (count === 0) throw conflict(existing.name, existing.version + 1, input.expectedVersion);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  resetUserPassword: t.field({
    type: UserPasswordLink,
    description:
      'A new one-time link (valid for 24 hours) for the user to set a new password; earlier links stop working. Shown once.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ResetUserPasswordInputRef, required: true }) },
    errors: { types: [NotFoundError, NotAllowedError] },
    resolve: async (_root, { input }, ctx) => {
      const id = String(input.id);
      const user = await ctx.db.user.findUnique({ where: { id }, select: { id: true, name: true, deactivatedAt: true } });
      if (!user) throw new NotFoundError('There is no such user.');
      if (user.deactivatedAt) throw new NotAllowedError(`${user.name} is deactivated: reactivate them first.`);
      return issuePasswordLink(ctx.db, user.id);
    },
  }),
}));

export { isOpccStaff };
