// API tokens for provider case-management systems (`Authorization: Bearer pcc_...`). An administrator issues them
// for any provider, a provider's signed-in user for its own organisation; OPCC staff read them all. The token is
// answered once, when issued: only its SHA-256 is stored. Token callers may neither list nor issue tokens.
import { generateToken } from '../auth/tokens';
import { builder } from '../builder';
import { isOpccStaff, type Context } from '../context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import { CreateApiTokenSchema, RevokeApiTokenSchema, expiryInstant } from '../validation/api-token';
import { escapeLike } from '../domain/format';
import { RoleEnum } from './enums';
import { NameTakenError, isUuid } from './people-errors';

export const ApiTokenStatusEnum = builder.enumType('ApiTokenStatus', {
  values: {
    ACTIVE: { description: 'Works now.' },
    EXPIRED: { description: 'Passed its expiry date.' },
    REVOKED: { description: 'Revoked: it will never work again.' },
  } as const,
});

type TokenStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';
const statusOf = (token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus =>
  token.revokedAt ? 'REVOKED' : token.expiresAt && token.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';

builder.prismaObject('ApiToken', {
  description: 'A named API token of an organisation. The token itself is shown once, when issued; neither it nor its hash is ever answered.',
  authScopes: (token) => ({ opccStaff: true, organisation: token.organisationId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the token, to recognise it (pcc_...).' }),
    role: t.expose('role', { type: RoleEnum, description: 'The role the token acts with: PROVIDER.' }),
    organisation: t.relation('organisation'),
    createdBy: t.string({
      description: 'The name of the person who issued it.',
      select: { createdBy: { select: { name: true } } },
      resolve: (token) => token.createdBy.name,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute; null when never used.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When it stops working; null: never.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    status: t.field({ type: ApiTokenStatusEnum, resolve: (token) => statusOf(token) }),
    active: t.boolean({ description: 'Neither revoked nor expired.', resolve: (token) => statusOf(token) === 'ACTIVE' }),
  }),
});

/** Only people signed in may list or issue tokens: a token cannot manage tokens. */
function requirePerson(ctx: Context) {
  if (!ctx.viewer) return; // scope-auth has already answered UNAUTHENTICATED
  if (ctx.viewer.via !== 'session' || !ctx.viewer.userId) {
    throw new ForbiddenError('API tokens are managed by people signed in to the portal, not by API tokens.');
  }
}

/** ADMIN: any provider; a PROVIDER user: its own organisation only. Anyone else: FORBIDDEN. */
function canManage(ctx: Context, organisationId: string): boolean {
  const viewer = ctx.viewer;
  if (!viewer || viewer.via !== 'session' || !viewer.userId) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'PROVIDER' && viewer.organisationId === organisationId;
}

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    description:
      "API tokens, by organisation then newest first. OPCC staff see every organisation's (or one's, with organisationId); a provider's user only its own. Revoked tokens are left out unless asked for. Not available to API tokens.",
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.id({ required: false }),
      includeRevoked: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      requirePerson(ctx);
      const wanted = args.organisationId ? String(args.organisationId) : null;
      if (wanted && !isUuid(wanted)) return [];
      const own = isOpccStaff(ctx.viewer) ? null : ctx.viewer!.organisationId;
      if (own && wanted && wanted !== own) return [];
      const organisationId = own ?? wanted;
      return ctx.db.apiToken.findMany({
        ...query,
        where: {
          ...(organisationId ? { organisationId } : {}),
          ...(args.includeRevoked ? {} : { revokedAt: null }),
        },
        orderBy: [{ organisation: { name: 'asc' } }, { createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

interface IssuedToken {
  token: string;
  apiTokenId: string;
}

const ApiTokenIssued = builder.objectRef<IssuedToken>('ApiTokenIssued').implement({
  description: 'A new API token. `token` is shown this once: only its hash is kept, so it cannot be shown again.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The token, to send as `Authorization: Bearer <token>`. Shown once.' }),
    apiToken: t.prismaField({
      type: 'ApiToken',
      resolve: (query, issued, _args, ctx) => ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: issued.apiTokenId } }),
    }),
  }),
});

const CreateApiTokenInputRef = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'To recognise it, e.g. "Case management system". Unique among the organisation\'s active tokens.' }),
    organisationId: t.id({ description: "The provider it acts for. Administrators must give it; a provider's user may leave it out." }),
    expiresAt: t.string({
      description: `Optional expiry date, YYYY-MM-DD: the token stops working at the start of that day (UTC). In the future, at most 2 years ahead.`,
    }),
  }),
  validate: CreateApiTokenSchema,
});

const RevokeApiTokenInputRef = builder.inputType('RevokeApiTokenInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
  validate: RevokeApiTokenSchema,
});

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: ApiTokenIssued,
    description:
      "Issues an API token acting for a provider with the PROVIDER role. Administrators: any provider; a provider's signed-in user: its own organisation. The token is answered once.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateApiTokenInputRef, required: true }) },
    errors: { types: [NameTakenError] },
    resolve: async (_root, { input }, ctx) => {
      requirePerson(ctx);
      const viewer = ctx.viewer!;
      if (viewer.role !== 'ADMIN' && viewer.role !== 'PROVIDER') throw new ForbiddenError();
      const data = CreateApiTokenSchema.parse(input);
      let organisationId = data.organisationId;
      if (viewer.role === 'PROVIDER') {
        if (organisationId && organisationId !== viewer.organisationId) {
          throw new ForbiddenError('You can only issue tokens for your own organisation.');
        }
        organisationId = viewer.organisationId;
      }
      if (!organisationId) throw new BadUserInputError('Choose the provider the token is for', 'input.organisationId');
      if (!canManage(ctx, organisationId)) throw new ForbiddenError();
      const organisation = await ctx.db.organisation.findUnique({
        where: { id: organisationId },
        select: { name: true, kind: true, archivedAt: true },
      });
      if (!organisation) throw new BadUserInputError('Choose an organisation from the list', 'input.organisationId');
      if (organisation.kind !== 'PROVIDER') {
        throw new BadUserInputError('API tokens are for providers: choose a provider', 'input.organisationId');
      }
      if (organisation.archivedAt) {
        throw new BadUserInputError(`${organisation.name} is archived: choose another provider`, 'input.organisationId');
      }
      const now = new Date();
      const clash = await ctx.db.apiToken.findFirst({
        where: {
          organisationId,
          name: { equals: escapeLike(data.name), mode: 'insensitive' },
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        },
        select: { id: true },
      });
      if (clash) {
        throw new NameTakenError(`${organisation.name} already has an active token called "${data.name}": choose another name`);
      }
      const { token, hash, prefix } = generateToken();
      const created = await ctx.db.apiToken.create({
        data: {
          organisationId,
          name: data.name,
          tokenHash: hash,
          prefix,
          role: 'PROVIDER',
          createdById: viewer.userId!,
          expiresAt: data.expiresAt ? expiryInstant(data.expiresAt) : null,
        },
        select: { id: true },
      });
      return { token, apiTokenId: created.id };
    },
  }),

  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    description: 'Revokes a token: it stops working at once and for ever. Revoking a revoked token changes nothing. Same permissions as createApiToken.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RevokeApiTokenInputRef, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { input }, ctx) => {
      requirePerson(ctx);
      const id = String(input.id);
      const existing = await ctx.db.apiToken.findUnique({ where: { id }, select: { organisationId: true } });
      if (!existing) {
        if (ctx.viewer!.role !== 'ADMIN' && ctx.viewer!.role !== 'PROVIDER') throw new ForbiddenError();
        throw new NotFoundError('There is no such API token.');
      }
      if (!canManage(ctx, existing.organisationId)) throw new ForbiddenError();
      await ctx.db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      return ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
