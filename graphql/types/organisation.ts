// Organisations: the commissioned providers and the OPCC itself. Officers (ADMIN, POLICY_OFFICER) add, change and
// archive providers; OPCC staff read every organisation; a provider's users read their own and nothing else.
import { builder } from '../builder';
import { isOpccStaff } from '../context';
import type { Db } from '../db';
import { BadUserInputError, NotAllowedError, NotFoundError, VersionConflictError } from '../errors';
import {
  ArchiveOrganisationSchema,
  CreateOrganisationSchema,
  UpdateOrganisationSchema,
  slugify,
  type CreateOrganisationInput,
} from '../validation/organisation';
import { OrganisationKindEnum, OrganisationTypeEnum } from './enums';
import { isUniqueViolation, isUuid, NameTakenError } from './people-errors';
import { escapeLike } from '../domain/format';
import { AreaRef } from './reference';
import { isApiToken } from './user';

builder.prismaObject('Organisation', {
  description: 'A commissioned provider, or the OPCC itself.',
  // A provider's users see their own organisation and nothing of any other.
  authScopes: (organisation) => ({ opccStaff: true, organisation: organisation.id }),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: OrganisationKindEnum }),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    type: t.expose('type', { type: OrganisationTypeEnum }),
    registeredNumber: t.exposeString('registeredNumber', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    archived: t.boolean({ resolve: (organisation) => organisation.archivedAt !== null }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    areas: t.field({
      type: [AreaRef],
      select: { areas: { select: { area: true }, orderBy: { area: { sortOrder: 'asc' } } } },
      resolve: (organisation) => organisation.areas.map((link) => link.area),
    }),
    contacts: t.relation('contacts', { query: { orderBy: [{ isPrimary: 'desc' }, { name: 'asc' }] } }),
    users: t.relation('users', {
      description: 'Everyone who can (or could) sign in for this organisation; see `active`. No one for an API token.',
      args: { includeDeactivated: t.arg.boolean({ required: false, defaultValue: true }) },
      query: (args, ctx) => ({
        where: {
          ...(args.includeDeactivated === false ? { deactivatedAt: null } : {}),
          // People's accounts are not for API tokens (graphql/types/user.ts#isApiToken).
          ...(isApiToken(ctx) ? { id: { in: [] } } : {}),
        },
        orderBy: { name: 'asc' },
      }),
    }),
  }),
});

builder.prismaObject('OrganisationContact', {
  authScopes: (contact) => ({ opccStaff: true, organisation: contact.organisationId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    isPrimary: t.exposeBoolean('isPrimary'),
  }),
});

builder.queryFields((t) => ({
  organisations: t.prismaField({
    type: ['Organisation'],
    description: 'Providers and the OPCC. A provider sees only its own organisation. Archived ones are left out unless asked for.',
    authScopes: { authenticated: true },
    args: {
      kind: t.arg({ type: OrganisationKindEnum, required: false }),
      includeArchived: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: {
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args.includeArchived ? {} : { archivedAt: null }),
          ...(isOpccStaff(ctx.viewer) ? {} : { id: ctx.viewer!.organisationId }),
        },
        orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      }),
  }),
  organisation: t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'One organisation (archived ones too); null when there is none or the caller may not see it.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = String(args.id);
      if (!isUuid(id)) return null;
      if (!isOpccStaff(ctx.viewer) && ctx.viewer!.organisationId !== id) return null;
      return ctx.db.organisation.findUnique({ ...query, where: { id } });
    },
  }),
}));

// ---------------------------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------------------------

const ContactInput = builder.inputType('OrganisationContactInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    jobTitle: t.string(),
    email: t.string(),
    phone: t.string(),
    isPrimary: t.boolean(),
  }),
});

const organisationInputFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  name: t.string({ required: true }),
  type: t.field({ type: OrganisationTypeEnum, required: true }),
  registeredNumber: t.string(),
  email: t.string(),
  phone: t.string(),
  address: t.string(),
  website: t.string({ description: 'Starting with https:// (or http://).' }),
  areaIds: t.idList({ description: 'The areas served.' }),
  contacts: t.field({ type: [ContactInput], description: 'The whole list: on update, it replaces the contacts.' }),
});

const CreateOrganisationInputRef = builder.inputType('CreateOrganisationInput', {
  fields: (t) => organisationInputFields(t),
  validate: CreateOrganisationSchema,
});

const UpdateOrganisationInputRef = builder.inputType('UpdateOrganisationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    ...organisationInputFields(t),
    expectedVersion: t.int({ required: true, description: 'The version you edited; a stale one answers VersionConflict.' }),
  }),
  validate: UpdateOrganisationSchema,
});

const ArchiveOrganisationInputRef = builder.inputType('ArchiveOrganisationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: ArchiveOrganisationSchema,
});

async function assertAreasExist(db: Db, areaIds: string[]) {
  if (areaIds.length === 0) return;
  const found = await db.area.count({ where: { id: { in: areaIds } } });
  if (found !== areaIds.length) throw new BadUserInputError('Choose areas from the list', 'input.areaIds');
}

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const other = await db.organisation.findFirst({
    where: { name: { equals: escapeLike(name), mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true, archivedAt: true },
  });
  if (other) {
    throw new NameTakenError(
      `There is already an organisation called ${other.name}${other.archivedAt ? ' (archived)' : ''}: enter a different name`,
    );
  }
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.organisation.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const details = (data: CreateOrganisationInput) => ({
  name: data.name,
  type: data.type,
  registeredNumber: data.registeredNumber,
  email: data.email,
  phone: data.phone,
  address: data.address,
  website: data.website,
});

const contactRows = (data: CreateOrganisationInput) =>
  data.contacts.map((contact) => ({
    name: contact.name,
    jobTitle: contact.jobTitle,
    email: contact.email,
    phone: contact.phone,
    isPrimary: contact.isPrimary,
  }));

function nameTakenOnRace(error: unknown, name: string): never {
  if (isUniqueViolation(error, 'name')) throw new NameTakenError(`There is already an organisation called ${name}: enter a different name`);
  throw error;
}

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    type: 'Organisation',
    description: 'Adds a provider (only providers are added here). The slug is made from the name.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: CreateOrganisationInputRef, required: true }) },
    errors: { types: [NameTakenError] },
    resolve: async (query, _root, { input }, ctx) => {
      const data = CreateOrganisationSchema.parse(input);
      await assertAreasExist(ctx.db, data.areaIds);
      await assertNameFree(ctx.db, data.name);
      const slug = await uniqueSlug(ctx.db, data.name);
      const created = await ctx.db.organisation
        .create({
          data: {
            kind: 'PROVIDER',
            slug,
            ...details(data),
            areas: { create: data.areaIds.map((areaId) => ({ areaId })) },
            contacts: { create: contactRows(data) },
          },
          select: { id: true },
        })
        .catch((error: unknown) => nameTakenOnRace(error, data.name));
      return ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),

  updateOrganisation: t.prismaField({
    type: 'Organisation',
    description: "Changes an organisation's details; `contacts` and `areaIds` replace the lists.",
    authScopes: { officer: true },
    args: { input: t.arg({ type: UpdateOrganisationInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NotAllowedError, NameTakenError] },
    resolve: async (query, _root, { input }, ctx) => {
      const data = UpdateOrganisationSchema.parse(input);
      const existing = await ctx.db.organisation.findUnique({ where: { id: data.id }, select: { name: true, archivedAt: true, version: true } });
      if (!existing) throw new NotFoundError('There is no such organisation.');
      if (existing.version !== data.expectedVersion) {
        throw new VersionConflictError(
          `${existing.name} was changed by someone else (now version ${existing.version}, you edited version ${data.expectedVersion}).`,
          existing.version,
        );
      }
      if (existing.archivedAt) throw new NotAllowedError(`${existing.name} is archived and cannot be changed.`);
      await assertAreasExist(ctx.db, data.areaIds);
      await assertNameFree(ctx.db, data.name, data.id);
      const { count } = await ctx.db.organisation
        .updateMany({
          where: { id: data.id, version: data.expectedVersion },
          data: { ...details(data), version: { increment: 1 } },
        })
        .catch((error: unknown) => nameTakenOnRace(error, data.name));
      if (count === 0) {
        const current = await ctx.db.organisation.findUniqueOrThrow({ where: { id: data.id }, select: { version: true } });
        throw new VersionConflictError(`${existing.name} was changed by someone else while you were saving.`, current.version);
      }
      await ctx.db.organisationContact.deleteMany({ where: { organisationId: data.id } });
      if (data.contacts.length) {
        await ctx.db.organisationContact.createMany({ data: contactRows(data).map((row) => ({ ...row, organisationId: data.id })) });
      }
      await ctx.db.organisationArea.deleteMany({ where: { organisationId: data.id } });
      if (data.areaIds.length) {
        await ctx.db.organisationArea.createMany({ data: data.areaIds.map((areaId) => ({ organisationId: data.id, areaId })) });
      }
      return ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: data.id } });
    },
  }),

  archiveOrganisation: t.prismaField({
    type: 'Organisation',
    description:
      'Archives a provider: hidden from lists, its users can no longer sign in, its history is kept. The OPCC cannot be archived.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ArchiveOrganisationInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NotAllowedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const existing = await ctx.db.organisation.findUnique({
        where: { id: String(input.id) },
        select: { id: true, name: true, kind: true, archivedAt: true, version: true },
      });
      if (!existing) throw new NotFoundError('There is no such organisation.');
      if (existing.kind === 'OPCC') throw new NotAllowedError('The OPCC cannot be archived.');
      if (existing.version !== input.expectedVersion) {
        throw new VersionConflictError(
          `${existing.name} was changed by someone else (now version ${existing.version}, you edited version ${input.expectedVersion}).`,
          existing.version,
        );
      }
      if (existing.archivedAt) throw new NotAllowedError(`${existing.name} is already archived.`);
      const { count } = await ctx.db.organisation.updateMany({
        where: { id: existing.id, version: input.expectedVersion },
        data: { archivedAt: new Date(), version: { increment: 1 } },
      });
      if (count === 0) throw new VersionConflictError(`${existing.name} was changed by someone else while you were saving.`, existing.version + 1);
      // Its people are signed out now (sign-in and session code refuse users of archived organisations too).
      await ctx.db.session.deleteMany({ where: { user: { organisationId: existing.id } } });
      return ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: existing.id } });
    },
  }),
}));
