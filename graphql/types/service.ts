// Commissioned services (the portfolio): the contract, its funding, the initiatives it funds, its history.
// Providers see only their own organisation's services: every list filters rows (visibleServices) AND the type
// itself is scoped to OPCC staff or the provider, so no nested path reaches another provider's service.
import { FundingSource, Prisma, RiskRating, ServiceStatus } from '../../prisma/client';
import { escapeLike, formatPounds, isUuid } from '../domain/format';
import type { ObjectRef } from '@pothos/core';
import type PrismaTypes from '../../prisma/generated/pothos-types';
import { builder } from '../builder';
import { isOpccStaff, type Context } from '../context';
import { financialYearLabel, todayInLondon } from '../domain/periods';
import { BadUserInputError, ForbiddenError, isUniqueViolation, NotFoundError, signedInUserId, VersionConflictError } from '../errors';
import {
  ActivateServiceSchema,
  ArchiveServiceSchema,
  CreateServiceSchema,
  EndServiceSchema,
  ExtendServiceSchema,
  ServiceInitiativeSchema,
  SetInitiativeFundingSchema,
  SetServiceFundingSchema,
  UpdateServiceSchema,
} from '../validation/service';
import { FundingExceededError, InvalidTransitionError, ReferenceTakenError } from './service-errors';

export const ServiceStatusEnum = builder.enumType(ServiceStatus, { name: 'ServiceStatus' });
export const RiskRatingEnum = builder.enumType(RiskRating, { name: 'RiskRating' });
export const FundingSourceEnum = builder.enumType(FundingSource, { name: 'FundingSource' });

const ZERO = () => new Prisma.Decimal(0);
/** "£95,000.00", for messages only (the figure itself stays a Decimal). */
export const pounds = (value: Prisma.Decimal) => formatPounds(value);

/** The services a caller may see: OPCC staff all, a provider its own organisation's. */
export function visibleServices(ctx: Context): Prisma.CommissionedServiceWhereInput {
  if (isOpccStaff(ctx.viewer)) return {};
  return { providerId: ctx.viewer?.organisationId ?? '00000000-0000-0000-0000-000000000000' };
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`));
const iso = (value: Date) => value.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** Another area's Prisma object type, by name (its ref is not exported; Pothos resolves names at build time). */
const prismaRef = <Name extends keyof PrismaTypes>(name: Name) =>
  name as unknown as ObjectRef<BuilderTypes, PrismaTypes[Name]['Shape']>;
const UserRef = prismaRef('User');
const PriorityIssueRef = prismaRef('PriorityIssue');
const HarmTypeRef = prismaRef('HarmType');
const ForumRef = prismaRef('PartnershipForum');
const AreaRef = prismaRef('Area');
const ServiceRef = prismaRef('CommissionedService');

export interface YearAmountShape {
  financialYear: number;
  amount: Prisma.Decimal;
}

export const YearAmount = builder.objectRef<YearAmountShape>('YearAmount').implement({
  description: 'An amount of money in one financial year.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    financialYear: t.exposeInt('financialYear', { description: 'The year the financial year starts: 2026 is 2026/27.' }),
    label: t.string({ description: 'e.g. "2026/27"', resolve: (row) => financialYearLabel(row.financialYear) }),
    amount: t.field({ type: 'Money', resolve: (row) => row.amount }),
  }),
});

/** Sums amounts per financial year, oldest first. */
export function byYear(rows: { financialYear: number; amount: Prisma.Decimal }[]): YearAmountShape[] {
  const totals = new Map<number, Prisma.Decimal>();
  for (const row of rows) totals.set(row.financialYear, (totals.get(row.financialYear) ?? ZERO()).add(row.amount));
  return [...totals.entries()].sort(([a], [b]) => a - b).map(([financialYear, amount]) => ({ financialYear, amount }));
}

builder.prismaObject('ServiceFunding', {
  description: "A service's funding from one source in one financial year.",
  // Reachable only through a CommissionedService, which is scoped to OPCC staff and its provider.
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    financialYear: t.exposeInt('financialYear'),
    label: t.string({ resolve: (row) => financialYearLabel(row.financialYear) }),
    source: t.expose('source', { type: FundingSourceEnum }),
    amount: t.field({ type: 'Money', resolve: (row) => row.amount }),
  }),
});

builder.prismaObject('ServiceInitiative', {
  description: 'An initiative a service funds, with what it gives per financial year.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    initiative: t.relation('initiative'),
    funding: t.field({
      type: [YearAmount],
      select: { funding: { select: { financialYear: true, amount: true } } },
      resolve: (link) => byYear(link.funding),
    }),
  }),
});

builder.prismaObject('ServiceStatusChange', {
  description: "A change of a service's status (activated, extended, ended), with the reason.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    from: t.expose('fromStatus', { type: ServiceStatusEnum, nullable: true }),
    to: t.expose('toStatus', { type: ServiceStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    newEndDate: t.expose('newEndDate', { type: 'Date', nullable: true }),
    changedBy: t.string({
      nullable: true,
      description: 'Who made the change (shown to OPCC staff only).',
      select: { changedBy: { select: { name: true } } },
      resolve: (change, _args, ctx) => (isOpccStaff(ctx.viewer) ? change.changedBy.name : null),
    }),
    at: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface FieldChangeShape {
  field: string;
  before: string | null;
  after: string | null;
}

const FieldChange = builder.objectRef<FieldChangeShape>('FieldChange').implement({
  authScopes: { opccStaff: true },
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

interface AuditEntryShape {
  id: string;
  at: Date;
  actor: string;
  action: string;
  table: string;
  operation: string | null;
  changes: FieldChangeShape[];
}

const AuditEntry = builder.objectRef<AuditEntryShape>('AuditEntry').implement({
  description: 'One recorded change: when, who, what, which table, and each changed field before -> after.',
  authScopes: { opccStaff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.field({ type: 'DateTime', resolve: (entry) => entry.at }),
    actor: t.exposeString('actor'),
    action: t.exposeString('action'),
    table: t.exposeString('table'),
    operation: t.exposeString('operation', { nullable: true }),
    changes: t.field({ type: [FieldChange], resolve: (entry) => entry.changes }),
  }),
});

const BOOKKEEPING = new Set(['updated_at', 'created_at', 'version', 'id', 'service_id']);
const SERVICE_TABLES = [
  'service_status_change',
  'service_priority_issue',
  'service_harm_type',
  'service_forum',
  'service_area',
  'service_funding',
  'service_initiative',
  'initiative_funding',
];

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** The keys whose values differ between before and after, without bookkeeping columns. */
export function changedFields(before: unknown, after: unknown): FieldChangeShape[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !BOOKKEEPING.has(key));
  return keys
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .map((key) => ({ field: key, before: asText(b[key]), after: asText(a[key]) }));
}

builder.prismaObject('CommissionedService', {
  description: 'A commissioned service: the contract with a provider.',
  authScopes: (service) => ({ opccStaff: true, organisation: service.providerId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference', { description: 'e.g. OPCC-CSAE-2026-004' }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    provider: t.relation('provider'),
    leadOfficer: t.field({
      type: UserRef,
      nullable: true,
      description: 'The OPCC officer who manages the contract (OPCC staff only; null for providers).',
      select: (_args, _ctx, nestedSelection) => ({ leadOfficer: nestedSelection(true) }),
      resolve: (service, _args, ctx) => (isOpccStaff(ctx.viewer) ? service.leadOfficer : null),
    }),
    status: t.expose('status', { type: ServiceStatusEnum }),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date' }),
    annualValue: t.field({ type: 'Money', resolve: (service) => service.annualValue }),
    totalValue: t.field({ type: 'Money', resolve: (service) => service.totalValue }),
    cohortMinAge: t.exposeInt('cohortMinAge', { nullable: true }),
    cohortMaxAge: t.exposeInt('cohortMaxAge', { nullable: true }),
    riskRating: t.expose('riskRating', { type: RiskRatingEnum }),
    riskReason: t.exposeString('riskReason', { nullable: true }),
    archived: t.boolean({ resolve: (service) => service.archivedAt !== null }),
    version: t.exposeInt('version'),
    priorityIssues: t.field({
      type: [PriorityIssueRef],
      select: (_args, _ctx, nestedSelection) => ({
        priorityIssues: { select: { priorityIssue: nestedSelection(true) }, orderBy: { priorityIssue: { sortOrder: 'asc' } } },
      }),
      resolve: (service) => service.priorityIssues.map((link) => link.priorityIssue),
    }),
    harmTypes: t.field({
      type: [HarmTypeRef],
      select: (_args, _ctx, nestedSelection) => ({
        harmTypes: { select: { harmType: nestedSelection(true) }, orderBy: { harmType: { sortOrder: 'asc' } } },
      }),
      resolve: (service) => service.harmTypes.map((link) => link.harmType),
    }),
    forums: t.field({
      type: [ForumRef],
      description: 'The partnership forums the service reports to.',
      select: (_args, _ctx, nestedSelection) => ({
        forums: { select: { forum: nestedSelection(true) }, orderBy: { forum: { sortOrder: 'asc' } } },
      }),
      resolve: (service) => service.forums.map((link) => link.forum),
    }),
    areas: t.field({
      type: [AreaRef],
      select: (_args, _ctx, nestedSelection) => ({
        areas: { select: { area: nestedSelection(true) }, orderBy: { area: { sortOrder: 'asc' } } },
      }),
      resolve: (service) => service.areas.map((link) => link.area),
    }),
    funding: t.relation('funding', { query: { orderBy: [{ financialYear: 'asc' }, { source: 'asc' }] } }),
    fundingByYear: t.field({
      type: [YearAmount],
      description: 'Total funding per financial year, all sources.',
      select: { funding: { select: { financialYear: true, amount: true } } },
      resolve: (service) => byYear(service.funding),
    }),
    initiatives: t.relation('initiatives', { query: { orderBy: { initiative: { sortOrder: 'asc' } } } }),
    statusHistory: t.relation('statusChanges', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    activity: t.field({
      type: [AuditEntry],
      description: "The service's history from the audit trail, newest first (OPCC staff only). One query per service: not for lists.",
      authScopes: { opccStaff: true },
      resolve: async (service, _args, ctx) => {
        const events = await ctx.db.auditEvent.findMany({
          where: {
            OR: [
              { entityType: 'commissioned_service', entityId: service.id },
              { entityType: { in: SERVICE_TABLES }, after: { path: ['service_id'], equals: service.id } },
              { entityType: { in: SERVICE_TABLES }, before: { path: ['service_id'], equals: service.id } },
            ],
          },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
          take: 500,
        });
        return events.map((event) => ({
          id: String(event.id),
          at: event.occurredAt,
          actor: event.actorLabel,
          action: event.action,
          table: event.entityType ?? '',
          operation: event.operation,
          changes: changedFields(event.before, event.after),
        }));
      },
    }),
  }),
});

// ---------------------------------------------------------------------------
// Extensions of other areas' types (visible services only)
// ---------------------------------------------------------------------------

builder.prismaObjectFields('PriorityIssue', (t) => ({
  services: t.field({
    type: [ServiceRef],
    description: 'The services (visible to the caller, not archived) commissioned against this issue.',
    select: (_args, ctx, nestedSelection) => ({
      services: {
        where: { service: { ...visibleServices(ctx), archivedAt: null } },
        select: { service: nestedSelection(true) },
        orderBy: { service: { reference: 'asc' } },
      },
    }),
    resolve: (issue) => issue.services.map((link) => link.service),
  }),
  investment: t.field({
    type: [YearAmount],
    description: 'Funding per financial year of the services (visible to the caller, not archived) addressing this issue.',
    select: (_args, ctx) => ({
      services: {
        where: { service: { ...visibleServices(ctx), archivedAt: null } },
        select: { service: { select: { funding: { select: { financialYear: true, amount: true } } } } },
      },
    }),
    resolve: (issue) => byYear(issue.services.flatMap((link) => link.service.funding)),
  }),
}));

builder.prismaObjectFields('Initiative', (t) => ({
  services: t.field({
    type: [ServiceRef],
    description: 'The services (visible to the caller, not archived) that fund this initiative.',
    select: (_args, ctx, nestedSelection) => ({
      services: {
        where: { service: { ...visibleServices(ctx), archivedAt: null } },
        select: { service: nestedSelection(true) },
        orderBy: { service: { reference: 'asc' } },
      },
    }),
    resolve: (initiative) => initiative.services.map((link) => link.service),
  }),
}));

builder.prismaObjectField('Organisation', 'services', (t) =>
  t.relation('services', {
    description: "The organisation's services visible to the caller (not archived).",
    query: (_args, ctx) => ({ where: { ...visibleServices(ctx), archivedAt: null }, orderBy: { reference: 'asc' } }),
  }),
);

builder.queryField('initiative', (t) =>
  t.prismaField({
    type: 'Initiative',
    nullable: true,
    description: 'One initiative; null when absent or archived.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      isUuid(String(args.id)) ? ctx.db.initiative.findFirst({ ...query, where: { id: String(args.id), archivedAt: null } }) : null,
  }),
);

builder.queryField('priorityIssue', (t) =>
  t.prismaField({
    type: 'PriorityIssue',
    nullable: true,
    description: 'One priority issue by code (e.g. PI-ONLINE); null when there is none.',
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.priorityIssue.findUnique({ ...query, where: { code: args.code } }),
  }),
);

// ---------------------------------------------------------------------------
// The portfolio list
// ---------------------------------------------------------------------------

const ServiceSortFieldEnum = builder.enumType('ServiceSortField', {
  values: ['REFERENCE', 'TITLE', 'PROVIDER', 'END_DATE', 'ANNUAL_VALUE'] as const,
});
const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

const ServiceFilter = builder.inputType('ServiceFilter', {
  fields: (t) => ({
    priorityIssueCodes: t.stringList({ required: false, description: 'Services addressing any of these issues.' }),
    providerId: t.id({ required: false }),
    statuses: t.field({ type: [ServiceStatusEnum], required: false }),
    initiativeId: t.id({ required: false }),
    areaId: t.id({ required: false }),
    fundingSource: t.field({ type: FundingSourceEnum, required: false }),
    endsWithinMonths: t.int({
      required: false,
      description: 'Active or extended contracts ending between today and today + N months (1-60).',
    }),
    search: t.string({ required: false, description: 'Part of the reference or title, any case.' }),
    includeArchived: t.boolean({ required: false }),
  }),
});

const ServiceOrder = builder.inputType('ServiceOrder', {
  fields: (t) => ({
    field: t.field({ type: ServiceSortFieldEnum, required: true }),
    direction: t.field({ type: SortDirectionEnum, required: false, defaultValue: 'ASC' }),
  }),
});

export interface ServiceFilterValue {
  priorityIssueCodes?: string[] | null;
  providerId?: string | number | null;
  statuses?: ServiceStatus[] | null;
  initiativeId?: string | number | null;
  areaId?: string | number | null;
  fundingSource?: FundingSource | null;
  endsWithinMonths?: number | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return iso(target);
}

/** The WHERE of a portfolio query; unknown codes and ids answer BAD_USER_INPUT naming the field. */
export async function serviceWhere(ctx: Context, filter: ServiceFilterValue | null | undefined): Promise<Prisma.CommissionedServiceWhereInput> {
  const and: Prisma.CommissionedServiceWhereInput[] = [visibleServices(ctx)];
  const f = filter ?? {};
  if (!f.includeArchived) and.push({ archivedAt: null });
  const checkId = (value: string | number, field: string, what: string) => {
    if (!isUuid(String(value))) throw new BadUserInputError(`There is no ${what} with id ${value}.`, `filter.${field}`);
    return String(value);
  };
  if (f.priorityIssueCodes?.length) {
    const found = await ctx.db.priorityIssue.findMany({ where: { code: { in: f.priorityIssueCodes } }, select: { code: true } });
    const unknown = f.priorityIssueCodes.filter((code) => !found.some((row) => row.code === code));
    if (unknown.length) throw new BadUserInputError(`There is no priority issue ${unknown.join(', ')}.`, 'filter.priorityIssueCodes');
    and.push({ priorityIssues: { some: { priorityIssue: { code: { in: f.priorityIssueCodes } } } } });
  }
  if (f.providerId) {
    const id = checkId(f.providerId, 'providerId', 'provider');
    const exists = await ctx.db.organisation.count({ where: { id, kind: 'PROVIDER' } });
    if (!exists) throw new BadUserInputError(`There is no provider with id ${id}.`, 'filter.providerId');
    and.push({ providerId: id });
  }
  if (f.statuses?.length) and.push({ status: { in: f.statuses } });
  if (f.initiativeId) {
    const id = checkId(f.initiativeId, 'initiativeId', 'initiative');
    if (!(await ctx.db.initiative.count({ where: { id } }))) throw new BadUserInputError(`There is no initiative with id ${id}.`, 'filter.initiativeId');
    and.push({ initiatives: { some: { initiativeId: id } } });
  }
  if (f.areaId) {
    const id = checkId(f.areaId, 'areaId', 'area');
    if (!(await ctx.db.area.count({ where: { id } }))) throw new BadUserInputError(`There is no area with id ${id}.`, 'filter.areaId');
    and.push({ areas: { some: { areaId: id } } });
  }
  if (f.fundingSource) and.push({ funding: { some: { source: f.fundingSource } } });
  if (f.endsWithinMonths !== null && f.endsWithinMonths !== undefined) {
    const months = f.endsWithinMonths;
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      throw new BadUserInputError('Ends within must be between 1 and 60 months.', 'filter.endsWithinMonths');
    }
    const today = todayInLondon();
    and.push({
      status: { in: ['ACTIVE', 'EXTENDED'] },
      endDate: { gte: toDate(today), lte: toDate(addMonths(today, months)) },
    });
  }
  const search = f.search?.trim();
  if (search) {
    if (search.length > 200) throw new BadUserInputError('Search must be 200 characters or fewer.', 'filter.search');
    and.push({ OR: [{ reference: { contains: escapeLike(search), mode: 'insensitive' } }, { title: { contains: escapeLike(search), mode: 'insensitive' } }] });
  }
  return { AND: and };
}

export function serviceOrderBy(order: { field: string; direction?: string | null } | null | undefined): Prisma.CommissionedServiceOrderByWithRelationInput[] {
  const dir: Prisma.SortOrder = order?.direction === 'DESC' ? 'desc' : 'asc';
  const first: Prisma.CommissionedServiceOrderByWithRelationInput = (() => {
    switch (order?.field) {
      case 'TITLE':
        return { title: dir };
      case 'PROVIDER':
        return { provider: { name: dir } };
      case 'END_DATE':
        return { endDate: dir };
      case 'ANNUAL_VALUE':
        return { annualValue: dir };
      default:
        return { reference: dir };
    }
  })();
  return [first, { reference: 'asc' }, { id: 'asc' }];
}

interface ServiceConnectionShape {
  where: Prisma.CommissionedServiceWhereInput;
  orderBy: Prisma.CommissionedServiceOrderByWithRelationInput[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalAnnualValue: Prisma.Decimal;
}

const ServiceConnection = builder.objectRef<ServiceConnectionShape>('ServiceConnection').implement({
  description: 'One page of the portfolio, with totals of everything matching the filter.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    nodes: t.prismaField({
      type: ['CommissionedService'],
      resolve: (query, connection, _args, ctx) =>
        ctx.db.commissionedService.findMany({
          ...query,
          where: connection.where,
          orderBy: connection.orderBy,
          skip: (connection.page - 1) * connection.pageSize,
          take: connection.pageSize,
        }),
    }),
    totalCount: t.exposeInt('totalCount'),
    totalAnnualValue: t.field({ type: 'Money', description: 'Annual value of everything matching, not just this page.', resolve: (c) => c.totalAnnualValue }),
    page: t.exposeInt('page'),
    pageSize: t.exposeInt('pageSize'),
    pageCount: t.int({ resolve: (c) => Math.max(1, Math.ceil(c.totalCount / c.pageSize)) }),
  }),
});

export const MAX_PAGE_SIZE = 100;

builder.queryField('services', (t) =>
  t.field({
    type: ServiceConnection,
    description: 'The portfolio: services matching the filter, one page at a time. Providers see only their own.',
    authScopes: { authenticated: true },
    args: {
      filter: t.arg({ type: ServiceFilter, required: false }),
      orderBy: t.arg({ type: ServiceOrder, required: false }),
      page: t.arg.int({ required: false, defaultValue: 1 }),
      pageSize: t.arg.int({ required: false, defaultValue: 25, description: `At most ${MAX_PAGE_SIZE}.` }),
    },
    resolve: async (_root, args, ctx) => {
      const page = args.page ?? 1;
      const pageSize = args.pageSize ?? 25;
      if (!Number.isInteger(page) || page < 1) throw new BadUserInputError('Page must be 1 or more.', 'page');
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new BadUserInputError(`Page size must be between 1 and ${MAX_PAGE_SIZE}.`, 'pageSize');
      }
      const where = await serviceWhere(ctx, args.filter);
      const aggregate = await ctx.db.commissionedService.aggregate({ where, _count: { _all: true }, _sum: { annualValue: true } });
      return {
        where,
        orderBy: serviceOrderBy(args.orderBy),
        page,
        pageSize,
        totalCount: aggregate._count._all,
        totalAnnualValue: aggregate._sum.annualValue ?? ZERO(),
      };
    },
  }),
);

builder.queryField('service', (t) =>
  t.prismaField({
    type: 'CommissionedService',
    nullable: true,
    description: 'One service; null when absent or not visible to the caller.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      isUuid(String(args.id))
        ? ctx.db.commissionedService.findFirst({ ...query, where: { AND: [{ id: String(args.id) }, visibleServices(ctx)] } })
        : null,
  }),
);

// ---------------------------------------------------------------------------
// Mutations (officers: ADMIN or POLICY_OFFICER). Each runs in one transaction (graphql/yoga.ts); the database
// triggers write the audit trail. Typed errors are thrown before any write, so nothing is left behind.
// ---------------------------------------------------------------------------

const CreateCommissionedServiceInput = builder.inputType('CreateCommissionedServiceInput', {
  fields: (t) => ({
    reference: t.string({ required: true, description: 'Unique, e.g. OPCC-CSAE-2026-004.' }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    providerId: t.id({ required: true }),
    leadOfficerId: t.id({ required: false }),
    status: t.field({ type: ServiceStatusEnum, required: true, description: 'PLANNED or ACTIVE.' }),
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', required: true }),
    annualValue: t.field({ type: 'Money', required: true }),
    totalValue: t.field({ type: 'Money', required: true }),
    cohortMinAge: t.int({ required: false }),
    cohortMaxAge: t.int({ required: false }),
    areaIds: t.idList({ required: false }),
    priorityIssueCodes: t.stringList({ required: true }),
    harmTypeIds: t.idList({ required: false }),
    forumIds: t.idList({ required: false }),
    riskRating: t.field({ type: RiskRatingEnum, required: true }),
    riskReason: t.string({ required: false, description: 'Required when AMBER or RED.' }),
  }),
  validate: CreateServiceSchema,
});

const UpdateCommissionedServiceInput = builder.inputType('UpdateCommissionedServiceInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    reference: t.string({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    providerId: t.id({ required: true }),
    leadOfficerId: t.id({ required: false }),
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', required: true }),
    annualValue: t.field({ type: 'Money', required: true }),
    totalValue: t.field({ type: 'Money', required: true }),
    cohortMinAge: t.int({ required: false }),
    cohortMaxAge: t.int({ required: false }),
    areaIds: t.idList({ required: false }),
    priorityIssueCodes: t.stringList({ required: true }),
    harmTypeIds: t.idList({ required: false }),
    forumIds: t.idList({ required: false }),
    riskRating: t.field({ type: RiskRatingEnum, required: true }),
    riskReason: t.string({ required: false }),
    expectedVersion: t.int({ required: true, description: 'The version you edited; a stale one answers VersionConflict.' }),
  }),
  validate: UpdateServiceSchema,
});

const ServiceVersionInput = (name: string, schema: typeof ActivateServiceSchema) =>
  builder.inputType(name, {
    fields: (t) => ({ id: t.id({ required: true }), expectedVersion: t.int({ required: true }) }),
    validate: schema,
  });
const ActivateCommissionedServiceInput = ServiceVersionInput('ActivateCommissionedServiceInput', ActivateServiceSchema);
const ArchiveCommissionedServiceInput = ServiceVersionInput('ArchiveCommissionedServiceInput', ArchiveServiceSchema);

const ExtendCommissionedServiceInput = builder.inputType('ExtendCommissionedServiceInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    newEndDate: t.field({ type: 'Date', required: true }),
    reason: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: ExtendServiceSchema,
});

const EndCommissionedServiceInput = builder.inputType('EndCommissionedServiceInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    endDate: t.field({ type: 'Date', required: true }),
    reason: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: EndServiceSchema,
});

const FundingAmountInput = builder.inputType('FundingAmountInput', {
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, required: true }),
    amount: t.field({ type: 'Money', required: true }),
  }),
});

const SetServiceFundingInput = builder.inputType('SetServiceFundingInput', {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    financialYear: t.int({ required: true, description: '2026 for 2026/27.' }),
    amounts: t.field({ type: [FundingAmountInput], required: true, description: "The year's funding by source; sources left out are removed." }),
    expectedVersion: t.int({ required: true }),
  }),
  validate: SetServiceFundingSchema,
});

const ServiceInitiativeInput = builder.inputType('ServiceInitiativeInput', {
  fields: (t) => ({ serviceId: t.id({ required: true }), initiativeId: t.id({ required: true }) }),
  validate: ServiceInitiativeSchema,
});

const SetInitiativeFundingInput = builder.inputType('SetInitiativeFundingInput', {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    initiativeId: t.id({ required: true }),
    financialYear: t.int({ required: true }),
    amount: t.field({ type: 'Money', required: true, description: '0 removes the year.' }),
  }),
  validate: SetInitiativeFundingSchema,
});

type RefFields = {
  providerId: string;
  leadOfficerId: string | null;
  areaIds: string[];
  priorityIssueCodes: string[];
  harmTypeIds: string[];
  forumIds: string[];
};

/** Checks every id and code the input names; unknown ones answer BAD_USER_INPUT naming the field. */
async function resolveReferences(ctx: Context, input: RefFields) {
  const provider = await ctx.db.organisation.findUnique({ where: { id: input.providerId }, select: { kind: true, archivedAt: true } });
  if (!provider || provider.kind !== 'PROVIDER') throw new BadUserInputError('Choose a provider from the list', 'input.providerId');
  if (provider.archivedAt) throw new BadUserInputError('That provider is archived: choose another provider', 'input.providerId');
  if (input.leadOfficerId) {
    const officer = await ctx.db.user.findUnique({ where: { id: input.leadOfficerId }, select: { organisation: { select: { kind: true } } } });
    if (!officer || officer.organisation.kind !== 'OPCC') throw new BadUserInputError('Choose a lead officer from the OPCC', 'input.leadOfficerId');
  }
  const unique = <T>(values: T[]) => [...new Set(values)];
  const check = async (values: string[], count: (ids: string[]) => Promise<number>, field: string, message: string) => {
    const distinct = unique(values);
    if (distinct.length && (await count(distinct)) !== distinct.length) throw new BadUserInputError(message, `input.${field}`);
    return distinct;
  };
  const areaIds = await check(input.areaIds, (ids) => ctx.db.area.count({ where: { id: { in: ids } } }), 'areaIds', 'Choose areas from the list');
  const harmTypeIds = await check(input.harmTypeIds, (ids) => ctx.db.harmType.count({ where: { id: { in: ids } } }), 'harmTypeIds', 'Choose forms of harm from the list');
  const forumIds = await check(input.forumIds, (ids) => ctx.db.partnershipForum.count({ where: { id: { in: ids } } }), 'forumIds', 'Choose partnership forums from the list');
  const codes = unique(input.priorityIssueCodes);
  const issues = await ctx.db.priorityIssue.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const unknown = codes.filter((code) => !issues.some((issue) => issue.code === code));
  if (unknown.length) throw new BadUserInputError(`There is no priority issue ${unknown.join(', ')}`, 'input.priorityIssueCodes');
  return { areaIds, harmTypeIds, forumIds, priorityIssueIds: issues.map((issue) => issue.id) };
}

async function ensureReferenceFree(ctx: Context, reference: string, exceptId?: string) {
  const other = await ctx.db.commissionedService.findUnique({ where: { reference }, select: { id: true } });
  if (other && other.id !== exceptId) throw new ReferenceTakenError(reference);
}


const STATUS_WORDS: Record<ServiceStatus, string> = { PLANNED: 'planned', ACTIVE: 'active', EXTENDED: 'extended', ENDED: 'ended' };

/** The service for a write, locked for the rest of the transaction. Archived services cannot change. */
async function serviceForWrite(ctx: Context, id: string, expectedVersion: number | null, options: { allowArchived?: boolean } = {}) {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`SELECT id FROM commissioned_service WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('There is no such service.');
  const service = await ctx.db.commissionedService.findUniqueOrThrow({ where: { id } });
  if (expectedVersion !== null && service.version !== expectedVersion) {
    throw new VersionConflictError(
      `${service.reference} was changed by someone else (now version ${service.version}, you edited version ${expectedVersion}).`,
      service.version,
    );
  }
  if (service.archivedAt && !options.allowArchived) {
    throw new InvalidTransitionError(`${service.reference} is archived: it can no longer be changed.`, service.status);
  }
  return service;
}

/** The service after a write, with the caller's selection. */
function reload(ctx: Context, query: { select?: object; include?: object }, id: string) {
  return ctx.db.commissionedService.findUniqueOrThrow({ ...query, where: { id } } as { where: { id: string } });
}

const requireUserId = (ctx: Context) =>
  signedInUserId(ctx.viewer, 'Status changes must be made by a signed-in person, not an API token.');

/** Replaces a link table's rows for a service with `wanted`, touching only what changed (a clean audit trail). */
async function syncLinks(current: string[], wanted: string[], remove: (ids: string[]) => Promise<unknown>, add: (ids: string[]) => Promise<unknown>) {
  const toRemove = current.filter((id) => !wanted.includes(id));
  const toAdd = wanted.filter((id) => !current.includes(id));
  if (toRemove.length) await remove(toRemove);
  if (toAdd.length) await add(toAdd);
}

builder.mutationFields((t) => ({
  createCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description: 'Commissions a service (PLANNED or ACTIVE).',
    authScopes: { officer: true },
    args: { input: t.arg({ type: CreateCommissionedServiceInput, required: true }) },
    errors: { types: [ReferenceTakenError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as import('../validation/service').CreateServiceInput;
      const userId = requireUserId(ctx);
      const refs = await resolveReferences(ctx, input);
      await ensureReferenceFree(ctx, input.reference);
      try {
        const created = await ctx.db.commissionedService.create({
          data: {
            reference: input.reference,
            title: input.title,
            description: input.description,
            providerId: input.providerId,
            leadOfficerId: input.leadOfficerId,
            status: input.status,
            startDate: toDate(input.startDate),
            endDate: toDate(input.endDate),
            annualValue: new Prisma.Decimal(input.annualValue),
            totalValue: new Prisma.Decimal(input.totalValue),
            cohortMinAge: input.cohortMinAge,
            cohortMaxAge: input.cohortMaxAge,
            riskRating: input.riskRating,
            riskReason: input.riskReason,
            areas: { create: refs.areaIds.map((areaId) => ({ areaId })) },
            priorityIssues: { create: refs.priorityIssueIds.map((priorityIssueId) => ({ priorityIssueId })) },
            harmTypes: { create: refs.harmTypeIds.map((harmTypeId) => ({ harmTypeId })) },
            forums: { create: refs.forumIds.map((forumId) => ({ forumId })) },
            statusChanges: { create: { fromStatus: null, toStatus: input.status, changedById: userId, reason: 'Commissioned' } },
          },
          select: { id: true },
        });
        return reload(ctx, query, created.id);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ReferenceTakenError(input.reference);
        throw error;
      }
    },
  }),

  updateCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description:
      "Changes a service's details (not its status). A stale expectedVersion answers VersionConflict. Its provider can change only until its first return (the returns stay with their provider).",
    authScopes: { officer: true },
    args: { input: t.arg({ type: UpdateCommissionedServiceInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, ReferenceTakenError, InvalidTransitionError] },
    resolve: async (query, _root, args, ctx) => {
      const input = args.input as unknown as import('../validation/service').UpdateServiceInput;
      const existing = await serviceForWrite(ctx, input.id, input.expectedVersion);
      // A service's returns are its provider's (they are visible through the service's provider): moving a service
      // that has any to another provider would hand them over. A mistake can be corrected before the first return.
      if (input.providerId !== existing.providerId && (await ctx.db.performanceReturn.count({ where: { serviceId: existing.id } })) > 0) {
        throw new BadUserInputError(
          `${existing.reference} already has returns from its provider, and they stay with that provider: its provider cannot change. End this service and commission a new one for the new provider`,
          'input.providerId',
        );
      }
      const refs = await resolveReferences(ctx, input);
      await ensureReferenceFree(ctx, input.reference, input.id);
      const links = await ctx.db.commissionedService.findUniqueOrThrow({
        where: { id: input.id },
        select: {
          areas: { select: { areaId: true } },
          priorityIssues: { select: { priorityIssueId: true } },
          harmTypes: { select: { harmTypeId: true } },
          forums: { select: { forumId: true } },
        },
      });
      try {
        await ctx.db.commissionedService.update({
          where: { id: input.id },
          data: {
            reference: input.reference,
            title: input.title,
            description: input.description,
            providerId: input.providerId,
            leadOfficerId: input.leadOfficerId,
            startDate: toDate(input.startDate),
            endDate: toDate(input.endDate),
            annualValue: new Prisma.Decimal(input.annualValue),
            totalValue: new Prisma.Decimal(input.totalValue),
            cohortMinAge: input.cohortMinAge,
            cohortMaxAge: input.cohortMaxAge,
            riskRating: input.riskRating,
            riskReason: input.riskReason,
            version: { increment: 1 },
          },
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ReferenceTakenError(input.reference);
        throw error;
      }
      const serviceId = input.id;
      await syncLinks(
        links.areas.map((l) => l.areaId),
        refs.areaIds,
        (ids) => ctx.db.serviceArea.deleteMany({ where: { serviceId, areaId: { in: ids } } }),
        (ids) => ctx.db.serviceArea.createMany({ data: ids.map((areaId) => ({ serviceId, areaId })) }),
      );
      await syncLinks(
        links.priorityIssues.map((l) => l.priorityIssueId),
        refs.priorityIssueIds,
        (ids) => ctx.db.servicePriorityIssue.deleteMany({ where: { serviceId, priorityIssueId: { in: ids } } }),
        (ids) => ctx.db.servicePriorityIssue.createMany({ data: ids.map((priorityIssueId) => ({ serviceId, priorityIssueId })) }),
      );
      await syncLinks(
        links.harmTypes.map((l) => l.harmTypeId),
        refs.harmTypeIds,
        (ids) => ctx.db.serviceHarmType.deleteMany({ where: { serviceId, harmTypeId: { in: ids } } }),
        (ids) => ctx.db.serviceHarmType.createMany({ data: ids.map((harmTypeId) => ({ serviceId, harmTypeId })) }),
      );
      await syncLinks(
        links.forums.map((l) => l.forumId),
        refs.forumIds,
        (ids) => ctx.db.serviceForum.deleteMany({ where: { serviceId, forumId: { in: ids } } }),
        (ids) => ctx.db.serviceForum.createMany({ data: ids.map((forumId) => ({ serviceId, forumId })) }),
      );
      return reload(ctx, query, serviceId);
    },
  }),

  activateCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description: 'PLANNED -> ACTIVE.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ActivateCommissionedServiceInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const userId = requireUserId(ctx);
      const service = await serviceForWrite(ctx, String(input.id), input.expectedVersion);
      if (service.status !== 'PLANNED') {
        throw new InvalidTransitionError(
          `${service.reference} is ${STATUS_WORDS[service.status]}: only a planned service can be activated. An active service can be extended or ended.`,
          service.status,
        );
      }
      await ctx.db.commissionedService.update({ where: { id: service.id }, data: { status: 'ACTIVE', version: { increment: 1 } } });
      await ctx.db.serviceStatusChange.create({ data: { serviceId: service.id, fromStatus: 'PLANNED', toStatus: 'ACTIVE', changedById: userId } });
      return reload(ctx, query, service.id);
    },
  }),

  extendCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description: 'ACTIVE or EXTENDED -> EXTENDED, with a later end date and a reason.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ExtendCommissionedServiceInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const userId = requireUserId(ctx);
      const service = await serviceForWrite(ctx, String(input.id), input.expectedVersion);
      if (service.status !== 'ACTIVE' && service.status !== 'EXTENDED') {
        throw new InvalidTransitionError(
          `${service.reference} is ${STATUS_WORDS[service.status]}: only an active or extended service can be extended.${service.status === 'PLANNED' ? ' Activate it first.' : ''}`,
          service.status,
        );
      }
      const newEndDate = toDate(input.newEndDate as unknown as string);
      if (iso(newEndDate) <= iso(service.endDate)) {
        throw new BadUserInputError(`New end date must be after the current end date (${iso(service.endDate)})`, 'input.newEndDate');
      }
      await ctx.db.commissionedService.update({
        where: { id: service.id },
        data: { status: 'EXTENDED', endDate: newEndDate, version: { increment: 1 } },
      });
      await ctx.db.serviceStatusChange.create({
        data: { serviceId: service.id, fromStatus: service.status, toStatus: 'EXTENDED', reason: input.reason, newEndDate, changedById: userId },
      });
      return reload(ctx, query, service.id);
    },
  }),

  endCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description: 'ACTIVE or EXTENDED -> ENDED (early or on time), with the end date and a reason.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: EndCommissionedServiceInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const userId = requireUserId(ctx);
      const service = await serviceForWrite(ctx, String(input.id), input.expectedVersion);
      if (service.status !== 'ACTIVE' && service.status !== 'EXTENDED') {
        throw new InvalidTransitionError(
          `${service.reference} is ${STATUS_WORDS[service.status]}: only an active or extended service can be ended.${service.status === 'PLANNED' ? ' A planned service that will not go ahead can be archived.' : ''}`,
          service.status,
        );
      }
      const endDate = toDate(input.endDate as unknown as string);
      if (iso(endDate) < iso(service.startDate)) {
        throw new BadUserInputError(`End date must be on or after the start date (${iso(service.startDate)})`, 'input.endDate');
      }
      if (iso(endDate) > iso(service.endDate)) {
        throw new BadUserInputError(`End date must be on or before the contract's end date (${iso(service.endDate)}); to go on longer, extend it`, 'input.endDate');
      }
      await ctx.db.commissionedService.update({ where: { id: service.id }, data: { status: 'ENDED', endDate, version: { increment: 1 } } });
      await ctx.db.serviceStatusChange.create({
        data: { serviceId: service.id, fromStatus: service.status, toStatus: 'ENDED', reason: input.reason, newEndDate: endDate, changedById: userId },
      });
      return reload(ctx, query, service.id);
    },
  }),

  archiveCommissionedService: t.prismaField({
    type: 'CommissionedService',
    description: 'Archives a service: it leaves the portfolio but keeps its history. Nothing is deleted.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ArchiveCommissionedServiceInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const service = await serviceForWrite(ctx, String(input.id), input.expectedVersion, { allowArchived: true });
      if (service.archivedAt) throw new InvalidTransitionError(`${service.reference} is already archived.`, service.status);
      await ctx.db.commissionedService.update({ where: { id: service.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      return reload(ctx, query, service.id);
    },
  }),

  setServiceFunding: t.prismaField({
    type: 'CommissionedService',
    description: "Replaces one financial year's funding of a service, by source. Cannot go below what its initiatives get that year.",
    authScopes: { officer: true },
    args: { input: t.arg({ type: SetServiceFundingInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError, InvalidTransitionError, FundingExceededError] },
    resolve: async (query, _root, { input }, ctx) => {
      const service = await serviceForWrite(ctx, String(input.serviceId), input.expectedVersion);
      const year = input.financialYear;
      const amounts = input.amounts.map((row) => ({ source: row.source, amount: new Prisma.Decimal(row.amount) }));
      const newTotal = amounts.reduce((sum, row) => sum.add(row.amount), ZERO());
      const given = await ctx.db.initiativeFunding.aggregate({ where: { serviceId: service.id, financialYear: year }, _sum: { amount: true } });
      const initiativeTotal = given._sum.amount ?? ZERO();
      if (newTotal.lessThan(initiativeTotal)) {
        throw new FundingExceededError(
          `Service funding for ${financialYearLabel(year)} would be ${pounds(newTotal)}, less than the ${pounds(initiativeTotal)} its initiatives already get that year`,
          year,
          newTotal.toFixed(2),
          initiativeTotal.toFixed(2),
        );
      }
      const current = await ctx.db.serviceFunding.findMany({ where: { serviceId: service.id, financialYear: year } });
      for (const row of current) {
        const wanted = amounts.find((a) => a.source === row.source);
        if (!wanted || wanted.amount.isZero()) await ctx.db.serviceFunding.delete({ where: { id: row.id } });
        else if (!wanted.amount.equals(row.amount)) await ctx.db.serviceFunding.update({ where: { id: row.id }, data: { amount: wanted.amount } });
      }
      for (const wanted of amounts) {
        if (wanted.amount.isZero() || current.some((row) => row.source === wanted.source)) continue;
        await ctx.db.serviceFunding.create({ data: { serviceId: service.id, financialYear: year, source: wanted.source, amount: wanted.amount } });
      }
      await ctx.db.commissionedService.update({ where: { id: service.id }, data: { version: { increment: 1 } } });
      return reload(ctx, query, service.id);
    },
  }),

  linkServiceInitiative: t.prismaField({
    type: 'CommissionedService',
    description: 'Records that a service funds an initiative.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ServiceInitiativeInput, required: true }) },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const service = await serviceForWrite(ctx, String(input.serviceId), null);
      const initiativeId = String(input.initiativeId);
      const initiative = await ctx.db.initiative.findFirst({ where: { id: initiativeId, archivedAt: null }, select: { id: true } });
      if (!initiative) throw new BadUserInputError('Choose an initiative from the list', 'input.initiativeId');
      await ctx.db.serviceInitiative.upsert({
        where: { serviceId_initiativeId: { serviceId: service.id, initiativeId } },
        create: { serviceId: service.id, initiativeId },
        update: {},
      });
      return reload(ctx, query, service.id);
    },
  }),

  unlinkServiceInitiative: t.prismaField({
    type: 'CommissionedService',
    description: 'Removes an initiative from a service, with the funding the service gave it.',
    authScopes: { officer: true },
    args: { input: t.arg({ type: ServiceInitiativeInput, required: true }) },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    resolve: async (query, _root, { input }, ctx) => {
      const service = await serviceForWrite(ctx, String(input.serviceId), null);
      const initiativeId = String(input.initiativeId);
      await ctx.db.initiativeFunding.deleteMany({ where: { serviceId: service.id, initiativeId } });
      const { count } = await ctx.db.serviceInitiative.deleteMany({ where: { serviceId: service.id, initiativeId } });
      if (count === 0) throw new NotFoundError('This service does not fund that initiative.');
      return reload(ctx, query, service.id);
    },
  }),

  setInitiativeFunding: t.prismaField({
    type: 'CommissionedService',
    description: "Sets what a service gives an initiative in a financial year (0 removes it). All its initiatives together cannot get more than the service's funding that year.",
    authScopes: { officer: true },
    args: { input: t.arg({ type: SetInitiativeFundingInput, required: true }) },
    errors: { types: [NotFoundError, InvalidTransitionError, FundingExceededError] },
    resolve: async (query, _root, { input }, ctx) => {
      const service = await serviceForWrite(ctx, String(input.serviceId), null);
      const initiativeId = String(input.initiativeId);
      const year = input.financialYear;
      const amount = new Prisma.Decimal(input.amount);
      const link = await ctx.db.serviceInitiative.findUnique({ where: { serviceId_initiativeId: { serviceId: service.id, initiativeId } } });
      if (!link) throw new BadUserInputError('Link the initiative to this service before giving it funding', 'input.initiativeId');
      const [funding, others] = await Promise.all([
        ctx.db.serviceFunding.aggregate({ where: { serviceId: service.id, financialYear: year }, _sum: { amount: true } }),
        ctx.db.initiativeFunding.aggregate({
          where: { serviceId: service.id, financialYear: year, initiativeId: { not: initiativeId } },
          _sum: { amount: true },
        }),
      ]);
      const serviceTotal = funding._sum.amount ?? ZERO();
      const initiativeTotal = (others._sum.amount ?? ZERO()).add(amount);
      if (initiativeTotal.greaterThan(serviceTotal)) {
        throw new FundingExceededError(
          `Initiative funding for ${financialYearLabel(year)} would be ${pounds(initiativeTotal)}, more than the service's funding of ${pounds(serviceTotal)}`,
          year,
          serviceTotal.toFixed(2),
          initiativeTotal.toFixed(2),
        );
      }
      const key = { serviceId_initiativeId_financialYear: { serviceId: service.id, initiativeId, financialYear: year } };
      if (amount.isZero()) await ctx.db.initiativeFunding.deleteMany({ where: { serviceId: service.id, initiativeId, financialYear: year } });
      else await ctx.db.initiativeFunding.upsert({ where: key, create: { serviceId: service.id, initiativeId, financialYear: year, amount }, update: { amount } });
      return reload(ctx, query, service.id);
    },
  }),
}));

