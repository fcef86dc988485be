// Factories for the quarterly return tests: periods, returns made directly (for setup), API token viewers.
import { Prisma, type ReturnStatus } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { todayInLondon } from '../../graphql/domain/periods';

export async function period(financialYear: number, quarter: number) {
  return getPrisma().reportingPeriod.findUniqueOrThrow({ where: { financialYear_quarter: { financialYear, quarter } } });
}

/** The first period that is not locked today (its lock date is after today). */
export async function openPeriod() {
  return getPrisma().reportingPeriod.findFirstOrThrow({
    where: { locksOn: { gt: new Date(`${todayInLondon()}T00:00:00Z`) }, startDate: { lte: new Date() } },
    orderBy: [{ financialYear: 'asc' }, { quarter: 'asc' }],
  });
}

/** The latest period that is locked today. */
export async function lockedPeriod() {
  return getPrisma().reportingPeriod.findFirstOrThrow({
    where: { locksOn: { lte: new Date(`${todayInLondon()}T00:00:00Z`) } },
    orderBy: [{ financialYear: 'desc' }, { quarter: 'desc' }],
  });
}

export async function defaultTemplate() {
  return getPrisma().returnTemplate.findFirstOrThrow({ where: { code: 'DEFAULT' }, orderBy: { version: 'desc' } });
}

/** A return made directly, with numeric values { 'CODE' | 'CODE[KEY]': '12' }. */
export async function createReturn(options: {
  serviceId: string;
  periodId: string;
  status?: ReturnStatus;
  values?: Record<string, string>;
}) {
  const db = getPrisma();
  const template = await defaultTemplate();
  const entries = Object.entries(options.values ?? {}).map(([field, value]) => {
    const match = /^([^[]+)(?:\[(.*)\])?$/.exec(field)!;
    return { code: match[1]!, key: match[2] ?? '', value };
  });
  const measures = await db.measure.findMany({ where: { code: { in: entries.map((e) => e.code) } }, select: { id: true, code: true } });
  const idOf = new Map(measures.map((m) => [m.code, m.id]));
  return db.performanceReturn.create({
    data: {
      serviceId: options.serviceId,
      periodId: options.periodId,
      templateId: template.id,
      status: options.status ?? 'IN_PROGRESS',
      values: {
        create: entries.map((e) => ({ measureId: idOf.get(e.code)!, breakdownKey: e.key, numericValue: new Prisma.Decimal(e.value) })),
      },
    },
  });
}

/** An API token of the organisation acting as a viewer (as graphql/auth/tokens.ts makes it). */
export function tokenViewer(organisationId: string): Viewer {
  return {
    userId: null,
    label: 'api-token:test',
    role: 'PROVIDER',
    organisationId,
    organisationKind: 'PROVIDER',
    via: 'token',
    tokenId: '00000000-0000-0000-0000-000000000001',
  };
}

/** Every field of the DEFAULT template for a service with the given modules, as saveReturnDraft values of "0". */
export async function everyField(priorityIssueCodes: string[]) {
  const db = getPrisma();
  const template = await defaultTemplate();
  const sections = await db.templateSection.findMany({
    where: { templateId: template.id, OR: [{ priorityIssueId: null }, { priorityIssue: { code: { in: priorityIssueCodes } } }] },
    select: {
      measures: {
        select: {
          measure: {
            select: {
              code: true,
              unit: true,
              breakdown: { select: { options: { select: { code: true } } } },
              secondaryBreakdown: { select: { options: { select: { code: true } } } },
            },
          },
        },
      },
    },
  });
  // Breakdown-only measures (their total is another measure) have no '' row.
  const checks = await db.templateCheck.findMany({ where: { templateId: template.id }, select: { rule: true } });
  const breakdownOnly = new Set(
    checks
      .map((check) => check.rule as { type?: string; measure?: string; total?: string })
      .filter((rule) => rule.type === 'breakdownSumsToTotal' && rule.total && rule.total !== rule.measure)
      .map((rule) => rule.measure!),
  );
  const fields: { measureCode: string; breakdownOption: string; value: string }[] = [];
  for (const { measure } of sections.flatMap((s) => s.measures)) {
    const value = measure.unit === 'TEXT' ? 'Nothing to report.' : '0';
    const primary = measure.breakdown?.options ?? [];
    const secondary = measure.secondaryBreakdown?.options ?? [];
    if (!breakdownOnly.has(measure.code)) fields.push({ measureCode: measure.code, breakdownOption: '', value });
    for (const a of primary) {
      if (secondary.length === 0) fields.push({ measureCode: measure.code, breakdownOption: a.code, value });
      else for (const b of secondary) fields.push({ measureCode: measure.code, breakdownOption: `${a.code}|${b.code}`, value });
    }
  }
  return fields;
}

export type CompleteValue = { measureCode: string; breakdownOption: string; value: string; comment?: string | null; blankReason?: string | null };

/**
 * A complete return (every question answered, so submitReturn does not refuse it as incomplete): `values` over
 * everyField's "0"s and texts. A value in `values` replaces the filler of the same field; the others are added.
 */
export async function completeValues(
  values: { measureCode: string; breakdownOption?: string; value: string; comment?: string | null; blankReason?: string | null }[],
  priorityIssueCodes: string[] = ['PI-ONLINE'],
): Promise<CompleteValue[]> {
  const key = (v: { measureCode: string; breakdownOption?: string }) => `${v.measureCode}[${v.breakdownOption ?? ''}]`;
  const given = new Map(values.map((v) => [key(v), { ...v, breakdownOption: v.breakdownOption ?? '' }]));
  const filler = await everyField(priorityIssueCodes);
  const merged: CompleteValue[] = filler.map((f) => given.get(key(f)) ?? f);
  const known = new Set(filler.map(key));
  return [...merged, ...[...given.entries()].filter(([k]) => !known.has(k)).map(([, v]) => v)];
}

/** Whether a (canonical) value is everyField's filler ("0", "0.00" for money, or its text) rather than one a test chose. */
export const isFiller = (value: string | null) => value === '0' || value === '0.00' || value === 'Nothing to report.';
