// Reference data from the briefing (../shared/briefing/csae-briefing.txt; domain.md "Reference data"), the
// reporting periods, the breakdowns, and the measure library with the default return template (./measures.ts).
//
// Runs at every start-up, so it is fast (a dozen statements when everything exists) and it never changes a row that
// exists: rows are inserted when missing (INSERT ... ON CONFLICT DO NOTHING, by code or name), so an admin's later
// edits to titles and descriptions survive restarts. A row an admin deleted comes back at the next start-up.
// No audit events: the whole seed runs in one transaction with app.audit = 'off'.

import type { PrismaClient } from '../prisma/client';
import { periodLabel, periodSchedule, toUtcDate } from '../graphql/domain/periods';
import { seedBreakdowns, seedMeasureLibrary, type SeedDb } from './measures';

/** The briefing's "Current issues", in its order. `briefingText` is the bullet word for word. */
export const PRIORITY_ISSUES = [
  {
    code: 'PI-TRANSITION',
    title: 'Young people moving to adult services',
    description:
      'Young people over 18 or moving to adult services cannot get support; exploitation does not end at 18.',
    briefingText:
      'Young people over 18 years old, or those transitioning to adult services, often face difficulties when trying ' +
      'to access support. The national CSA/E Toolkit recommends reinforcing that sexual exploitation does not end when ' +
      'a child becomes an adult, and that perpetrators will target vulnerable adults as well as children and young people.',
  },
  {
    code: 'PI-THERAPEUTIC',
    title: 'Therapeutic and mental health support',
    description:
      'Children and young people need robust, accessible therapeutic and mental-health support that is trauma-informed.',
    briefingText:
      'There is perceived to be a need for more robust and accessible therapeutic and/or mental health services for ' +
      'children and young people and that all interventions are underpinned by trauma informed techniques.',
  },
  {
    code: 'PI-EDUCATION',
    title: 'Children not in mainstream education',
    description:
      'Children not in mainstream education become hidden and miss consent and relationships and sex education (RSE).',
    briefingText:
      'Children and young people who are not engaged in mainstream education can become hidden from services and/or ' +
      'miss out on key education in relation to consent, sex, relationships, and abuse and exploitation.',
  },
  {
    code: 'PI-OUT-OF-SCHOOL',
    title: 'Out-of-school settings',
    description:
      'Professionals in out-of-school settings (sports, theatre, music, dance, faith groups, scouts, brownies, youth clubs, summer schools) lack understanding of CSA/E and child criminal exploitation (CCE).',
    briefingText:
      'There is often a lack of understanding about child sexual abuse and exploitation, and child criminal ' +
      "exploitation, among professionals working with children in 'out of school' settings, such as sports, theatre, " +
      'music, and dance clubs, faith groups, scouts, brownies, youth clubs and summer schools, for example.',
  },
  {
    code: 'PI-BUSINESS',
    title: 'Businesses and industries spotting the signs',
    description:
      'Hotel, B&B, transport, security, retail and hospitality staff cannot always spot and respond to the signs.',
    briefingText:
      'Business and industries such as hotels, Bed & Breakfast facilities, transport companies, security companies, ' +
      'retail providers and hospitality staff are not always equipped with the relevant knowledge and information to ' +
      'ensure that they can spot the signs of child sexual abuse and exploitation, and harmful sexual behaviour, and ' +
      'respond appropriately.',
  },
  {
    code: 'PI-SOCIAL-MEDIA',
    title: 'Social media companies',
    description:
      'Social media companies are not proactive in protecting children or reporting perpetrators.',
    briefingText:
      'Social media companies are not always proactive in the protection of children and young people, or in the ' +
      'reporting of perpetrators.',
  },
  {
    code: 'PI-TRAFFICKING',
    title: 'Trafficking, county lines and criminal exploitation',
    description:
      'Children are trafficked for criminal exploitation, county lines and modern slavery, and CCE and CSA/E intersect.',
    briefingText:
      'An understanding and identification of children and young people being trafficked for the purpose of criminal ' +
      'exploitation in relation to county lines and other forms of modern slavery is critical and to better understand ' +
      'the links between child criminal exploitation, and child sexual abuse and exploitation and how this impacts on a ' +
      'child or young person when the two intersect.',
  },
  {
    code: 'PI-ONLINE',
    title: 'Online offending',
    description:
      'Online offending is growing and harder to detect; people need to know how public internet spaces are used.',
    briefingText:
      'Online offending is becoming more prevalent but is often harder to identify as perpetrators use the internet ' +
      'engage children and young people in sexual communication. Promoting awareness of how public internet spaces ' +
      'are being used to minimise the possibility of detection is needed.',
  },
] as const;

/** "As well as rape and other physical forms of sexual abuse, CSA/E can also be evident in:" and its 8 bullets. */
export const HARM_TYPES = [
  { code: 'HARM-CONTACT', name: 'Rape and other physical forms of sexual abuse' },
  { code: 'HARM-TRAFFICKING', name: 'Modern Slavery and Human Trafficking' },
  { code: 'HARM-COUNTY-LINES', name: 'County Lines and Organised Crime Gangs' },
  { code: 'HARM-CYBERBULLYING', name: 'Cyberbullying' },
  { code: 'HARM-SEXTING', name: 'Sexting/distributing indecent images of children' },
  { code: 'HARM-STREAMING', name: 'Online streaming via platforms and apps' },
  { code: 'HARM-GROOMING', name: 'Online grooming' },
  { code: 'HARM-PORNOGRAPHY', name: 'Pornography' },
  { code: 'HARM-GAMING', name: 'The use of online gaming platforms as a grooming tool' },
] as const;

/** "The Constabulary and partner organisations support several initiatives such as ..." */
export const INITIATIVES = [
  {
    name: 'Vulnerability Tracker',
    description:
      'A shared record that helps police and partners identify, monitor and review children and young people at risk of exploitation.',
  },
  {
    name: 'The Philomena Protocol',
    description:
      'A protocol under which carers record key information about children in care in advance, so that police can act quickly if a child goes missing.',
  },
  {
    name: 'Police Strategy Team',
    description: "The Constabulary team that coordinates the police's strategic approach to child sexual abuse and exploitation with partners.",
  },
  {
    name: 'Through the Eyes of a Child',
    description:
      'An approach that asks officers and staff to consider the experience and needs of any child at an incident they attend.',
  },
  {
    name: 'Intervene to Protect a Child',
    description:
      'Training that helps officers recognise signs that a child is at risk of sexual abuse or exploitation and take action to protect them.',
  },
  {
    name: 'Safeguarding Champions',
    description:
      'A network of trained staff who promote good safeguarding practice in their teams and give colleagues advice.',
  },
] as const;

/** "Partnership involvement" and "People to meet". */
export const PARTNERSHIP_FORUMS = [
  { code: 'DCC-CSP', name: "Durham County Council Children's Safeguarding Partnership" },
  { code: 'DBSP', name: 'Darlington Borough Safeguarding Partnership' },
  { code: 'MASH', name: 'MASH' },
  { code: 'MARAC', name: 'MARAC' },
  { code: 'MAPPA', name: 'MAPPA' },
] as const;

export const AREAS = [
  { code: 'COUNTY-DURHAM', name: 'County Durham' },
  { code: 'DARLINGTON', name: 'Darlington' },
] as const;

/** Reporting periods are seeded for these financial years, all four quarters each. */
export const SEEDED_FINANCIAL_YEARS = [2024, 2025, 2026, 2027, 2028] as const;

// Any fixed number (not the migrator's): portal processes starting together seed one at a time.
const ADVISORY_LOCK_KEY = 72707370;

/** Inserts the reference data that is missing. Idempotent; never changes or deletes existing rows. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY}), set_config('app.audit', 'off', true)`;
      await seedReferenceDataIn(tx);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

async function seedReferenceDataIn(db: SeedDb): Promise<void> {
  await db.priorityIssue.createMany({
    data: PRIORITY_ISSUES.map((issue, index) => ({ ...issue, sortOrder: (index + 1) * 10 })),
    skipDuplicates: true,
  });
  await db.harmType.createMany({
    data: HARM_TYPES.map((harm, index) => ({ ...harm, sortOrder: (index + 1) * 10 })),
    skipDuplicates: true,
  });
  await db.initiative.createMany({
    data: INITIATIVES.map((initiative, index) => ({
      ...initiative,
      leadPartner: 'Durham Constabulary',
      status: 'ACTIVE' as const,
      fromBriefing: true,
      sortOrder: (index + 1) * 10,
    })),
    skipDuplicates: true,
  });
  await db.partnershipForum.createMany({
    data: PARTNERSHIP_FORUMS.map((forum, index) => ({ ...forum, sortOrder: (index + 1) * 10 })),
    skipDuplicates: true,
  });
  await db.area.createMany({
    data: AREAS.map((area, index) => ({ ...area, sortOrder: (index + 1) * 10 })),
    skipDuplicates: true,
  });
  await db.reportingPeriod.createMany({
    data: SEEDED_FINANCIAL_YEARS.flatMap((financialYear) =>
      ([1, 2, 3, 4] as const).map((quarter) => {
        const schedule = periodSchedule(financialYear, quarter);
        return {
          financialYear,
          quarter,
          label: periodLabel(financialYear, quarter),
          startDate: toUtcDate(schedule.startDate),
          endDate: toUtcDate(schedule.endDate),
          opensOn: toUtcDate(schedule.opensOn),
          dueDate: toUtcDate(schedule.dueDate),
          locksOn: toUtcDate(schedule.locksOn),
        };
      }),
    ),
    skipDuplicates: true,
  });
  await seedBreakdowns(db);
  await seedMeasureLibrary(db);
}
