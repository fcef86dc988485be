import { Prisma } from '../../prisma/client';
import { builder } from '../builder';
import { isOpccStaff } from '../context';
import { financialYearLabel } from '../domain/periods';
import { InitiativeStatusEnum } from './enums';

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

builder.queryField('initiatives', (t) =>
  t.prismaField({
    type: ['Initiative'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.initiative.findMany({ ...query, where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
  }),
);
