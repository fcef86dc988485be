import { builder } from '../builder';
import { isOpccStaff } from '../context';
import { OrganisationKindEnum, OrganisationTypeEnum } from './enums';
import { AreaRef } from './reference';

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
    version: t.exposeInt('version'),
    areas: t.field({
      type: [AreaRef],
      select: { areas: { select: { area: true }, orderBy: { area: { sortOrder: 'asc' } } } },
      resolve: (organisation) => organisation.areas.map((link) => link.area),
    }),
    contacts: t.relation('contacts', { query: { orderBy: [{ isPrimary: 'desc' }, { name: 'asc' }] } }),
    users: t.relation('users', { query: { orderBy: { name: 'asc' } } }),
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

builder.queryField('organisations', (t) =>
  t.prismaField({
    type: ['Organisation'],
    description: 'Providers and the OPCC. A provider sees only its own organisation.',
    authScopes: { authenticated: true },
    args: { kind: t.arg({ type: OrganisationKindEnum, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: {
          ...(args.kind ? { kind: args.kind } : {}),
          ...(isOpccStaff(ctx.viewer) ? {} : { id: ctx.viewer!.organisationId }),
        },
        orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      }),
  }),
);
