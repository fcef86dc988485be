// The seeds: reference data from the briefing (in the template every test database starts from) and the demo data
// (loaded here into this file's own database).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '../graphql/db';
import { periodLabel, periodSchedule } from '../graphql/domain/periods';
import { assertDefinitionsConsistent, CHECKS, MEASURES, SECTIONS } from '../seeds/measures';
import { hasDemoData, seedDemoData } from '../seeds/demo';
import { HARM_TYPES, PRIORITY_ISSUES, seedReferenceData } from '../seeds/reference';

const briefing = readFileSync(new URL('../../shared/briefing/csae-briefing.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('reference data', () => {
  it('quotes the briefing word for word', async () => {
    const issues = await getPrisma().priorityIssue.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(issues.map((issue) => issue.code)).toEqual(PRIORITY_ISSUES.map((issue) => issue.code));
    for (const issue of issues) expect(briefing).toContain(`- ${issue.briefingText}`);
    expect(issues[0]!.briefingText).toContain('The national CSA/E Toolkit recommends reinforcing that sexual exploitation');
    const harms = await getPrisma().harmType.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(harms.map((harm) => harm.name)).toEqual(HARM_TYPES.map((harm) => harm.name));
    expect(harms[0]!.name).toBe('Rape and other physical forms of sexual abuse');
    for (const harm of harms.slice(1)) expect(briefing).toContain(`- ${harm.name} `);
    const forums = await getPrisma().partnershipForum.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(forums.map((forum) => forum.name)).toEqual([
      "Durham County Council Children's Safeguarding Partnership",
      'Darlington Borough Safeguarding Partnership',
      'MASH',
      'MARAC',
      'MAPPA',
    ]);
    const initiatives = await getPrisma().initiative.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(initiatives.map((i) => i.name)).toEqual([
      'Vulnerability Tracker',
      'The Philomena Protocol',
      'Police Strategy Team',
      'Through the Eyes of a Child',
      'Intervene to Protect a Child',
      'Safeguarding Champions',
    ]);
    expect(initiatives.every((i) => i.fromBriefing && i.status === 'ACTIVE')).toBe(true);
  });

  it('has the reporting periods 2024/25 to 2028/29 as periodSchedule computes them', async () => {
    const periods = await getPrisma().reportingPeriod.findMany({ orderBy: [{ financialYear: 'asc' }, { quarter: 'asc' }] });
    expect(periods).toHaveLength(20);
    for (const period of periods) {
      expect(period.label).toBe(periodLabel(period.financialYear, period.quarter));
      expect({
        startDate: iso(period.startDate),
        endDate: iso(period.endDate),
        opensOn: iso(period.opensOn),
        dueDate: iso(period.dueDate),
        locksOn: iso(period.locksOn),
      }).toEqual(periodSchedule(period.financialYear, period.quarter));
    }
  });

  it('has the DEFAULT v1 template with every measure, section and check', async () => {
    assertDefinitionsConsistent();
    const template = await getPrisma().returnTemplate.findUniqueOrThrow({
      where: { code_version: { code: 'DEFAULT', version: 1 } },
      include: { sections: { include: { measures: true }, orderBy: { sortOrder: 'asc' } }, checks: true, effectiveFrom: true },
    });
    expect(template.effectiveFrom.label).toBe('2024/25 Q3');
    expect(template.publishedAt).not.toBeNull();
    expect(template.sections.map((s) => s.code)).toEqual(SECTIONS.map((s) => s.code));
    expect(template.sections.filter((s) => s.priorityIssueId)).toHaveLength(8);
    expect(template.sections.flatMap((s) => s.measures)).toHaveLength(MEASURES.length);
    expect(template.checks).toHaveLength(CHECKS.length);
    const breakdowns = await getPrisma().breakdown.findMany({ include: { options: true } });
    for (const breakdown of breakdowns) {
      expect(breakdown.options.filter((o) => o.isNotKnown).map((o) => o.code), breakdown.code).toEqual(['NOT_KNOWN']);
    }
  });

  it('is idempotent and keeps edits', async () => {
    const prisma = getPrisma();
    await prisma.priorityIssue.update({ where: { code: 'PI-ONLINE' }, data: { description: 'Edited by an admin.' } });
    const before = await prisma.measure.count();
    await seedReferenceData(prisma);
    expect((await prisma.priorityIssue.findUniqueOrThrow({ where: { code: 'PI-ONLINE' } })).description).toBe('Edited by an admin.');
    expect(await prisma.measure.count()).toBe(before);
    expect(await prisma.reportingPeriod.count()).toBe(20);
  });
});

describe('demo data', () => {
  let auditEventsBefore = 0;
  beforeAll(async () => {
    expect(await hasDemoData(getPrisma())).toBe(false);
    auditEventsBefore = await getPrisma().auditEvent.count();
    expect(await seedDemoData(getPrisma(), { password: 'demo-password-for-tests' })).toEqual({ created: true });
  }, 120_000);

  it('loads once, and writes no audit events', async () => {
    expect(await hasDemoData(getPrisma())).toBe(true);
    expect(await seedDemoData(getPrisma(), { password: 'demo-password-for-tests' })).toEqual({ created: false });
    expect(await getPrisma().auditEvent.count()).toBe(auditEventsBefore);
  });

  it('has returns in every status, and a service for every priority issue', async () => {
    const prisma = getPrisma();
    const statuses = await prisma.performanceReturn.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(['APPROVED', 'IN_PROGRESS', 'NOT_STARTED', 'REOPENED', 'RETURNED', 'SUBMITTED']);
    const issues = await prisma.priorityIssue.findMany({ include: { _count: { select: { services: true } } } });
    for (const issue of issues) expect(issue._count.services, issue.code).toBeGreaterThan(0);
    const provider = await prisma.user.findUniqueOrThrow({ where: { email: 'provider@harbour-lights.example' }, include: { organisation: true } });
    expect(provider.organisation.name).toBe("Harbour Lights Children's Trust");
  });

  it('keeps the hard checks in every return (accepted <= received, breakdowns add up, improved <= assessed)', async () => {
    const prisma = getPrisma();
    const total = (code: string) => `(SELECT v.numeric_value FROM return_value v JOIN measure m ON m.id = v.measure_id
      WHERE v.return_id = r.id AND m.code = '${code}' AND v.breakdown_key = '')`;
    const cells = (code: string) => `(SELECT sum(v.numeric_value) FROM return_value v JOIN measure m ON m.id = v.measure_id
      WHERE v.return_id = r.id AND m.code = '${code}' AND v.breakdown_key <> '')`;
    const broken = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM performance_return r WHERE
      ${total('REF_ACCEPTED')} > ${total('REF_RECEIVED')}
      OR ${cells('REF_RECEIVED')} <> ${total('REF_RECEIVED')}
      OR ${cells('NEW_USERS_AGE_GENDER')} <> ${total('NEW_USERS')}
      OR ${cells('NEW_USERS_ETHNICITY')} <> ${total('NEW_USERS')}
      OR ${cells('FIN_SPEND_QUARTER')} <> ${total('FIN_SPEND_QUARTER')}
      OR ${total('OUT_FEEL_SAFER_IMPROVED')} > ${total('OUT_FEEL_SAFER_ASSESSED')}
      OR ${total('OUT_FEEL_SAFER_ASSESSED')} > ${total('CLOSED_WITH_OUTCOME')}`);
    expect(broken[0]!.n).toBe(0);
    const submitted = await prisma.performanceReturn.findMany({
      where: { status: { in: ['SUBMITTED', 'RETURNED', 'APPROVED', 'REOPENED'] } },
      include: { _count: { select: { versions: true } }, submittedBy: true, service: true },
    });
    for (const r of submitted) {
      expect(r._count.versions).toBeGreaterThan(0);
      expect(r.submittedBy?.organisationId).toBe(r.service.providerId);
    }
  });
});
