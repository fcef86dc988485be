// Reference data from the briefing: priority issues, forms of harm, areas, partnership forums.
import { builder } from '../builder';
import { NotFoundError, VersionConflictError } from '../errors';
import { UpdatePriorityIssueSchema } from '../validation/reference';

builder.prismaObject('PriorityIssue', {
  description: "One of the 'Current issues' of the Commissioner's CSA/E briefing.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'e.g. PI-ONLINE' }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    briefingText: t.exposeString('briefingText', { description: "The briefing's own words." }),
    sortOrder: t.exposeInt('sortOrder'),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('HarmType', {
  description: 'A form of CSA/E named in the briefing.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

export const AreaRef = builder.prismaObject('Area', {
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

builder.prismaObject('PartnershipForum', {
  description: 'A multi-agency forum services report to.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

builder.queryFields((t) => ({
  priorityIssues: t.prismaField({
    type: ['PriorityIssue'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.db.priorityIssue.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
  harmTypes: t.prismaField({
    type: ['HarmType'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.db.harmType.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
  areas: t.prismaField({
    type: ['Area'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.db.area.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
  partnershipForums: t.prismaField({
    type: ['PartnershipForum'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.db.partnershipForum.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
}));

const UpdatePriorityIssueInput = builder.inputType('UpdatePriorityIssueInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The version you edited; a stale one answers VersionConflict.' }),
  }),
  validate: UpdatePriorityIssueSchema,
});

builder.mutationField('updatePriorityIssue', (t) =>
  t.prismaField({
    type: 'PriorityIssue',
    description: "Admins keep the priority issues' titles and descriptions up to date. Codes never change.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdatePriorityIssueInput, required: true }) },
    errors: { types: [VersionConflictError, NotFoundError] },
    resolve: async (query, _root, { input }, ctx) => {
      const { count } = await ctx.db.priorityIssue.updateMany({
        where: { code: input.code, version: input.expectedVersion },
        data: { title: input.title.trim(), description: input.description.trim(), version: { increment: 1 } },
      });
      const current = await ctx.db.priorityIssue.findUnique({ ...query, where: { code: input.code } });
      if (!current) throw new NotFoundError(`There is no priority issue ${input.code}.`);
      if (count === 0) {
        throw new VersionConflictError(
          `${input.code} was changed by someone else (now version ${current.version}, you edited version ${input.expectedVersion}).`,
          current.version,
        );
      }
      return current;
    },
  }),
);
