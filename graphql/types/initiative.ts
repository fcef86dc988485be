import { Prisma } from '../../prisma/client';
import { builder } from '../builder';
import { isOpccStaff } from '../context';
import type { Db } from '../db';
import { financialYearLabel } from '../domain/periods';
import { NotFoundError, VersionConflictError } from '../errors';
import { ArchiveInitiativeSchema, CreateInitiativeSchema, UpdateInitiativeSchema } from '../validation/initiative';
import { escapeLike } from '../domain/format';
import { InitiativeStatusEnum } from './enums';
import { isUniqueViolation, NameTakenError } from './people-errors';

interface YearFunding {
  financialYear: number;
  amount: Prisma.Decimal;
}

const InitiativeYearFunding = builder.objectRef<YearFunding>('InitiativeYearFunding').implement({
  description: 'What the services the caller can see give an initiative in one financial year.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    financialYear: t.exposeInt('financialYear', { description: 'The year the financial year starts: 2026 is 2026/27.' }),
    label: t.string({ resolve: (row) => financialYearLabel(row.financialYear) }),
    amount: t.field({ type: 'Money', resolve: (row) => row.amount }),
  }),
});

builder.prismaObject('Initiative', {
  description: 'A local initiative the Constabulary and partners support, funded through commissioned services.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    leadPartner: t.exposeString('leadPartner', { nullable: true }),
    status: t.expose('status', { type: InitiativeStatusEnum }),
    fromBriefing: t.exposeBoolean('fromBriefing', { description: "Named in the Commissioner's briefing." }),
    archived: t.boolean({ resolve: (initiative) => initiative.archivedAt !== null }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    funding: t.field({
      type: [InitiativeYearFunding],
      description: 'Funding per financial year. A provider sees only what its own services give.',
      select: {
        services: {
          select: {
            service: { select: { providerId: true } },
            funding: { select: { financialYear: true, amount: true } },
          },
        },
      },
      resolve: (initiative, _args, ctx) => {
        const byYear = new Map<number, Prisma.Decimal>();
        for (const link of initiative.services) {
          if (!isOpccStaff(ctx.viewer) && link.service.providerId !== ctx.viewer?.organisationId) continue;
          for (const row of link.funding) {
            byYear.set(row.financialYear, (byYear.get(row.financialYear) ?? new Prisma.Decimal(0)).add(row.amount));
          }
        }
        return [...byYear.entries()]
          .sort(([a], [b]) => a - b)
          .map(([financialYear, amount]) => ({ financialYear, amount }));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  initiatives: t.prismaField({
    type: ['Initiative'],
    description: 'Initiatives in use (archived ones are left out).',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.initiative.findMany({ ...query, where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
  }),
  // `initiative(id)` is defined with the services (graphql/types/service.ts): null when absent or archived.
}));

// ---------------------------------------------------------------------------------------------------------------
// Mutations (officers)
// ---------------------------------------------------------------------------------------------------------------

const CreateInitiativeInputRef = builder.inputType('CreateInitiativeInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: true }),
    leadPartner: t.string(),
    status: t.field({ type: InitiativeStatusEnum, required: true }),
  }),
  validate: CreateInitiativeSchema,
});

const UpdateInitiativeInputRef = builder.inputType('UpdateInitiativeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string({ required: true }),
    leadPartner: t.string(),
    status: t.field({ type: InitiativeStatusEnum, required: true }),
    expectedVersion: t.int({ required: true, description: 'The version you edited; a stale one answers VersionConflict.' }),
  }),
  validate: UpdateInitiativeSchema,
});

const ArchiveInitiativeInputRef = builder.inputType('ArchiveInitiativeInput', {
  fields: (t) => ({ id: t.id({ required: true }), expectedVersion: t.int({ required: true }) }),
  validate: ArchiveInitiativeSchema,
});

async function assertInitiativeNameFree(db: Db, name: string, exceptId?: string) {
  const other = await db.initiative.findFirst({
    where: { name: { equals: escapeLike(name), mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true, archivedAt: true },
  });
  if (other) {
    throw new NameTakenError(`There is already an initiative called ${other.name}${other.archivedAt ? ' (archived)' : ''}: enter a different name`);
  }
}

function initiativeNameRace(error: unknown, name: string): never {
  if (isUniqueViolation(error, 'name')) throw new NameTakenError(`There is already an initiative called ${name}: enter a different name`);
  throw error;
}

async function findInitiativeForChange(db: Db, id: string, expectedVersion: number) {
  const existing = await db.initiative.findUnique({ where: { id }, select: { id: true, name: true, version: true, archivedAt: true } });
  if (!existing) throw new NotFoundError('There is no such initiative.');
  if (existing.version !== expectedVersion) {
    throw new VersionConflictError(
      `${existing.name} was changed by someone else (now version ${existing.version}, you edited version ${expectedVersion}).`,
      existing.version,
    );
  }
  return existing;
}

builder.mutationFields((t) => ({
  createInitiative: t.prismaField({
    type: 'Initiative',
    authScopes: { officer: true },
    args: { input: t.arg({ type: CreateInitiativeInputRef, required: true }) },
    errors: { types: [NameTakenError] },
    resolve: async (query, _root, { input }, ctx) => {
      const data = CreateInitiativeSchema.parse(input);
      await assertInitiativeNameFree(ctx.db, data.name);
      const created = await ctx.db.initiative
        .create({ data: { name: data.name, description: data.description, leadPartner: data.leadPartner, status: data.status }, select: { id: true } })
        .catch((error: unknown) => initiativeNameRace(error, data.name));
      return ctx.db.initiative.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),

  updateInitiative: t.prismaField({
    type: 'Initiative',
    authScopes: { officer: true },
    args: { input: t.arg({ type: UpdateInitiativeInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, NameTakenError] },
    resolve: async (query, _root, { input }, ctx) => {
      const data = UpdateInitiativeSchema.parse(input);
      const existing = await findInitiativeForChange(ctx.db, data.id, data.expectedVersion);
      await assertInitiativeNameFree(ctx.db, data.name, data.id);
      const { count } = await ctx.db.initiative
        .updateMany({
          where: { id: data.id, version: data.expectedVersion },
          data: { name: data.name, description: data.description, leadPartner: data.leadPartner, status: data.status, version: { increment: 1 } },
        })
        .catch((error: unknown) => initiativeNameRace(error, data.name));
      if (count === 0) throw new VersionConflictError(`${existing.name} was changed by someone else while you were saving.`, existing.version + 1);
      return ctx.db.initiative.findUniqueOrThrow({ ...query, where: { id: data.id } });
    },
  }),

  archiveInitiative: t.prismaField({
    type: 'Initiative',
    description: 'Archives an initiative: it leaves the list; its funding history is kept.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ArchiveInitiativeInputRef, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError] },
    resolve: async (query, _root, { input }, ctx) => {
      const id = String(input.id);
      const existing = await findInitiativeForChange(ctx.db, id, input.expectedVersion);
      if (!existing.archivedAt) {
        const { count } = await ctx.db.initiative.updateMany({
          where: { id, version: input.expectedVersion },
          data: { archivedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw new VersionConflictError(`${existing.name} was changed by someone else while you were saving.`, existing.version + 1);
      }
      return ctx.db.initiative.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
