// Factories for the portfolio tests: commissioned services with their links and funding, made directly.
import { randomBytes } from 'node:crypto';
import { Prisma, type ServiceStatus } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';

const unique = () => randomBytes(4).toString('hex').toUpperCase();

export const uniqueReference = () => `TEST-${unique()}-${unique()}`;

export async function reference() {
  const db = getPrisma();
  const [issues, harms, forums, areas, initiatives] = await Promise.all([
    db.priorityIssue.findMany({ orderBy: { sortOrder: 'asc' } }),
    db.harmType.findMany({ orderBy: { sortOrder: 'asc' } }),
    db.partnershipForum.findMany({ orderBy: { sortOrder: 'asc' } }),
    db.area.findMany({ orderBy: { sortOrder: 'asc' } }),
    db.initiative.findMany({ orderBy: { sortOrder: 'asc' } }),
  ]);
  return { issues, harms, forums, areas, initiatives };
}

export interface ServiceOverrides {
  providerId: string;
  reference?: string;
  title?: string;
  status?: ServiceStatus;
  startDate?: string;
  endDate?: string;
  annualValue?: string;
  priorityIssueCodes?: string[];
  archived?: boolean;
  /** financialYear -> amount (PCC core grant). */
  funding?: Record<number, string>;
  initiativeIds?: string[];
}

export async function createService(overrides: ServiceOverrides) {
  const db = getPrisma();
  const ref = await reference();
  const codes = overrides.priorityIssueCodes ?? ['PI-ONLINE'];
  const issueIds = ref.issues.filter((issue) => codes.includes(issue.code)).map((issue) => issue.id);
  return db.commissionedService.create({
    data: {
      reference: overrides.reference ?? uniqueReference(),
      title: overrides.title ?? `Test service ${unique()}`,
      providerId: overrides.providerId,
      status: overrides.status ?? 'ACTIVE',
      startDate: new Date(`${overrides.startDate ?? '2026-04-01'}T00:00:00Z`),
      endDate: new Date(`${overrides.endDate ?? '2028-03-31'}T00:00:00Z`),
      annualValue: new Prisma.Decimal(overrides.annualValue ?? '100000.00'),
      totalValue: new Prisma.Decimal('200000.00'),
      archivedAt: overrides.archived ? new Date() : null,
      priorityIssues: { create: issueIds.map((priorityIssueId) => ({ priorityIssueId })) },
      harmTypes: { create: [{ harmTypeId: ref.harms[0]!.id }] },
      forums: { create: [{ forumId: ref.forums[0]!.id }] },
      areas: { create: [{ areaId: ref.areas[0]!.id }] },
      funding: {
        create: Object.entries(overrides.funding ?? {}).map(([year, amount]) => ({
          financialYear: Number(year),
          source: 'PCC_CORE_GRANT' as const,
          amount: new Prisma.Decimal(amount),
        })),
      },
      initiatives: { create: (overrides.initiativeIds ?? []).map((initiativeId) => ({ initiativeId })) },
    },
  });
}
