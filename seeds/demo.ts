// Demo data: a realistic, fictional portfolio for the Durham OPCC (organisations, users, 15 commissioned services,
// funding, initiatives, targets, and eight quarters of returns in every workflow state).
//
// - Deterministic: every random choice comes from a seeded PRNG (mulberry32) keyed by what it is for, so the same
//   data comes out every time, in any order; ids of the main records are name-based UUIDs (`demoId`); every date is
//   fixed (the story is told as of DEMO_TODAY, 2026-11-29), never `new Date()`.
// - Idempotent: a no-op when admin@opcc.example exists (`hasDemoData`).
// - One transaction, with app.audit = 'off': the seed writes no AuditEvent rows, and a failure leaves nothing behind.
// - Needs the reference data (seedReferenceData) first.
//
// Return versions (ReturnVersion) are frozen when a return is submitted (status SUBMITTED, created by the provider
// user) and when it is approved (status APPROVED, created by the reviewing officer), so a reopened return can be
// compared with its latest APPROVED version. Snapshot JSON:
//   { "schema": 1, "service": "OPCC-CSAE-2024-001", "period": "2026/27 Q1", "status": "SUBMITTED",
//     "noActivity": false, "declarationName": "...",
//     "values": [{ "measureCode": "REF_RECEIVED", "breakdownKey": "POLICE", "value": 7, "text": null, "comment": null }] }
// breakdownKey follows seeds/measures.ts ('' total, option code, or 'PRIMARY|SECONDARY').

import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../prisma/client';
import { hashPassword } from '../graphql/auth/password';
import { sealTotpSecret } from '../graphql/auth/totp-keys';
import { DEMO_ADMIN_TOTP_SECRET } from './demo-two-factor';
import { addDays, periodLabel, previousPeriod, quarterDates, toUtcDate, type Quarter } from '../graphql/domain/periods';
import { breakdownKey, breakdownOptions, DEFAULT_TEMPLATE, MEASURES, OUTCOME_DOMAINS, SECTIONS, type SeedDb } from './measures';

export const DEMO_ADMIN_EMAIL = 'admin@opcc.example';
/** The day the demo's story is told from: "contracts ending in the next 6 months" means before 2027-05-29. */
export const DEMO_TODAY = '2026-11-29';
const DEMO_SEED = 20261129;

// =====================================================================================================================
// Determinism helpers
// =====================================================================================================================

/** A name-based UUID (version 5 layout, SHA-1 of a fixed namespace and the name): the same name, the same id. */
export function demoId(name: string): string {
  const hash = createHash('sha1').update(`pcc-portal-demo:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function hashString(text: string): number {
  let h = 2166136261 ^ DEMO_SEED;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32, seeded from a key: each purpose gets its own independent, reproducible stream. */
class Rng {
  private state: number;
  constructor(key: string) {
    this.state = hashString(key);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number from min to max inclusive. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i += 1) if (this.next() < p) k += 1;
    return k;
  }
  /** Shares `total` out unit by unit in proportion to `weights`: the parts always add up to `total`. */
  split(total: number, weights: readonly number[]): number[] {
    const parts = weights.map(() => 0);
    const sum = weights.reduce((a, b) => a + b, 0);
    for (let unit = 0; unit < total; unit += 1) {
      let r = this.next() * sum;
      let index = 0;
      while (index < weights.length - 1 && r >= weights[index]!) {
        r -= weights[index]!;
        index += 1;
      }
      parts[index]! += 1;
    }
    return parts;
  }
}

/** Splits a whole number (pence, tenths of an FTE) in proportion to shares; the parts add up exactly. */
function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum === 0) return shares.map(() => 0);
  const exact = shares.map((share) => (total * share) / sum);
  const parts = exact.map(Math.floor);
  let remainder = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    parts[index]! += 1;
    remainder -= 1;
  }
  return parts;
}

const at = (isoDate: string, time = '09:00') => new Date(`${isoDate}T${time}:00.000Z`);
const pounds = (pence: number) => (pence / 100).toFixed(2);

// =====================================================================================================================
// Organisations and people
// =====================================================================================================================

interface ProviderDefinition {
  slug: string;
  name: string;
  type: 'CHARITY' | 'NHS' | 'LOCAL_AUTHORITY' | 'CIC' | 'OTHER';
  registeredNumber: string;
  phone: string;
  address: string;
  areas: string[];
  user: string;
  contacts: { name: string; jobTitle: string; primary?: boolean }[];
}

// Phone numbers are in Ofcom's ranges reserved for drama (0191 498 0xxx, 01632 960xxx): they reach no one.
const PROVIDERS: ProviderDefinition[] = [
  {
    slug: 'harbour-lights',
    name: "Harbour Lights Children's Trust",
    type: 'CHARITY',
    registeredNumber: '1187654',
    phone: '0191 498 0101',
    address: 'Unit 4, Riverside Court, Framwellgate, Durham',
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    user: 'Hannah Lightfoot',
    contacts: [
      { name: 'Hannah Lightfoot', jobTitle: "Head of Children and Young People's Services", primary: true },
      { name: 'Marcus Bell', jobTitle: 'Finance Manager' },
    ],
  },
  {
    slug: 'north-dales-nhs',
    name: 'North Dales NHS Foundation Trust',
    type: 'NHS',
    registeredNumber: 'R9Z',
    phone: '0191 498 0202',
    address: 'Trust Headquarters, Dales Road, Bishop Auckland',
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    user: 'Dr Priya Raman',
    contacts: [
      { name: 'Dr Priya Raman', jobTitle: "Consultant Clinical Psychologist, Children's Trauma Service", primary: true },
      { name: 'Gareth Hume', jobTitle: 'Contracts Officer' },
    ],
  },
  {
    slug: 'darlington-youth-hub',
    name: 'Darlington Youth and Family Hub',
    type: 'LOCAL_AUTHORITY',
    registeredNumber: 'LA-00841',
    phone: '01632 960301',
    address: 'The Hub, Northgate, Darlington',
    areas: ['DARLINGTON'],
    user: 'Lewis Carr',
    contacts: [{ name: 'Lewis Carr', jobTitle: 'Youth Services Manager', primary: true }],
  },
  {
    slug: 'safe-passage-north',
    name: 'Safe Passage North CIC',
    type: 'CIC',
    registeredNumber: '13579246',
    phone: '0191 498 0404',
    address: '2nd Floor, Millennium Place, Durham',
    areas: ['COUNTY-DURHAM'],
    user: 'Aisha Karim',
    contacts: [
      { name: 'Aisha Karim', jobTitle: 'Director', primary: true },
      { name: 'Tom Wilkinson', jobTitle: 'Business Engagement Lead' },
    ],
  },
  {
    slug: 'brighter-screens',
    name: 'Brighter Screens CIC',
    type: 'CIC',
    registeredNumber: '12468097',
    phone: '0191 498 0505',
    address: 'Innovation House, Consett',
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    user: 'Ellie Tan',
    contacts: [{ name: 'Ellie Tan', jobTitle: 'Online Safety Programme Manager', primary: true }],
  },
  {
    slug: 'northern-lanterns',
    name: 'Northern Lanterns Anti-Trafficking Alliance',
    type: 'CHARITY',
    registeredNumber: '1194321',
    phone: '0191 498 0606',
    address: 'Lantern House, Claypath, Durham',
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    user: 'Daniel Osei',
    contacts: [
      { name: 'Daniel Osei', jobTitle: 'Services Director', primary: true },
      { name: 'Ruth Emmerson', jobTitle: 'Independent Child Trafficking Guardian Lead' },
    ],
  },
  {
    slug: 'kinfolk-family-therapy',
    name: 'Kinfolk Family Therapy Partnership',
    type: 'OTHER',
    registeredNumber: 'OC431276',
    phone: '0191 498 0707',
    address: '14 Front Street, Chester-le-Street',
    areas: ['COUNTY-DURHAM'],
    user: 'Siobhan Reilly',
    contacts: [{ name: 'Siobhan Reilly', jobTitle: 'Lead Systemic Family Psychotherapist', primary: true }],
  },
  {
    slug: 'weardale-youth-safeguarding',
    name: 'Weardale Sports and Youth Safeguarding Network',
    type: 'CHARITY',
    registeredNumber: '1201987',
    phone: '01632 960808',
    address: 'Community Centre, Market Place, Stanhope',
    areas: ['COUNTY-DURHAM'],
    user: 'Craig Dobson',
    contacts: [
      { name: 'Craig Dobson', jobTitle: 'Network Coordinator', primary: true },
      { name: 'Fiona Marsh', jobTitle: 'Safeguarding Trainer' },
    ],
  },
];

const OPCC = {
  slug: 'opcc',
  name: 'Office of the Durham Police and Crime Commissioner',
};

const STAFF = [
  { key: 'admin', email: DEMO_ADMIN_EMAIL, name: 'Alex Admin', role: 'ADMIN' as const },
  { key: 'officer', email: 'officer@opcc.example', name: 'Verna Fee', role: 'POLICY_OFFICER' as const },
  { key: 'officer2', email: 'officer2@opcc.example', name: 'Sam Okafor', role: 'POLICY_OFFICER' as const },
  { key: 'commissioner', email: 'commissioner@opcc.example', name: 'Casey Commissioner', role: 'COMMISSIONER' as const },
];

const orgId = (slug: string) => demoId(`organisation:${slug}`);
const userId = (email: string) => demoId(`user:${email}`);
const providerEmail = (slug: string) => `provider@${slug}.example`;

// =====================================================================================================================
// Services
// =====================================================================================================================

type Source = 'PCC_CORE_GRANT' | 'MOJ_VICTIMS_GRANT' | 'HOME_OFFICE' | 'PARTNER_CONTRIBUTION' | 'OTHER';
type Status = 'PLANNED' | 'ACTIVE' | 'EXTENDED' | 'ENDED';

interface ServiceDefinition {
  reference: string;
  title: string;
  description: string;
  provider: string;
  lead: 'officer' | 'officer2';
  status: Status;
  startDate: string;
  endDate: string;
  /** For EXTENDED services: the end date before the extension. */
  originalEndDate?: string;
  annual: number;
  cohort: [number, number] | null;
  areas: string[];
  issues: string[];
  harms: string[];
  forums: string[];
  risk?: { rating: 'AMBER' | 'RED'; reason: string };
  funding: Partial<Record<Source, number>>;
  /** Typical new service users per quarter: the service's size. */
  base: number;
  staff: Partial<Record<string, number>>;
  /** Weights of session types (ONE_TO_ONE, GROUP, FAMILY, ADVOCACY, THERAPY, OTHER). */
  sessions: [number, number, number, number, number, number];
  /** Weights of abuse contexts (INTRA_FAMILIAL, EXTRA_FAMILIAL, CSE, HSB). */
  contexts: [number, number, number, number];
  boyShare: number;
  onlineShare: number;
}

const SERVICES: ServiceDefinition[] = [
  {
    reference: 'OPCC-CSAE-2024-001',
    title: "Children and Young People's ISVA Service",
    description:
      'Independent sexual violence advisers (CHISVAs) for children and young people who have experienced sexual abuse, from disclosure through the criminal justice process and recovery.',
    provider: 'harbour-lights',
    lead: 'officer',
    status: 'ACTIVE',
    startDate: '2024-04-01',
    endDate: '2028-03-31',
    annual: 185000,
    cohort: [4, 18],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-THERAPEUTIC', 'PI-TRANSITION'],
    harms: ['HARM-CONTACT', 'HARM-GROOMING', 'HARM-SEXTING'],
    forums: ['DCC-CSP', 'DBSP', 'MASH', 'MARAC'],
    funding: { PCC_CORE_GRANT: 0.55, MOJ_VICTIMS_GRANT: 0.45 },
    base: 34,
    staff: { ISVA: 3, PRACTITIONER: 1, MANAGER: 0.5, ADMIN: 0.5 },
    sessions: [5, 1, 1, 6, 0, 0.3],
    contexts: [4, 4, 1.5, 0.5],
    boyShare: 0.22,
    onlineShare: 0.45,
  },
  {
    reference: 'OPCC-CSAE-2024-002',
    title: 'Beyond 18: Young Adults Transition Support',
    description:
      'Continuing support for young people aged 16 to 25 who have been sexually abused or exploited, through the move to adult services.',
    provider: 'harbour-lights',
    lead: 'officer2',
    status: 'ACTIVE',
    startDate: '2024-07-01',
    endDate: '2027-03-31',
    annual: 72000,
    cohort: [16, 25],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-TRANSITION', 'PI-TRAFFICKING'],
    harms: ['HARM-CONTACT', 'HARM-TRAFFICKING', 'HARM-COUNTY-LINES'],
    forums: ['MARAC', 'MAPPA'],
    risk: {
      rating: 'AMBER',
      reason: 'The second transition worker post has been vacant since July 2026 and the waiting list is growing; recruitment is under way.',
    },
    funding: { PCC_CORE_GRANT: 0.6, HOME_OFFICE: 0.4 },
    base: 9,
    staff: { PRACTITIONER: 2, MANAGER: 0.2 },
    sessions: [6, 1, 0.5, 2, 0, 0.5],
    contexts: [1, 3, 4, 0.2],
    boyShare: 0.3,
    onlineShare: 0.35,
  },
  {
    reference: 'OPCC-CSAE-2024-003',
    title: 'Trauma-Informed Therapy for Children',
    description:
      'Specialist therapeutic support (play, art and talking therapies) for children and young people after sexual abuse, delivered by a multidisciplinary trauma team.',
    provider: 'north-dales-nhs',
    lead: 'officer',
    status: 'EXTENDED',
    startDate: '2024-04-01',
    endDate: '2027-09-30',
    originalEndDate: '2026-03-31',
    annual: 240000,
    cohort: [5, 17],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-THERAPEUTIC'],
    harms: ['HARM-CONTACT', 'HARM-GROOMING', 'HARM-PORNOGRAPHY'],
    forums: ['DCC-CSP', 'DBSP'],
    funding: { MOJ_VICTIMS_GRANT: 0.5, PARTNER_CONTRIBUTION: 0.5 },
    base: 26,
    staff: { THERAPIST: 4, PRACTITIONER: 1, MANAGER: 0.6, ADMIN: 1 },
    sessions: [1, 0.6, 1, 0, 8, 0.2],
    contexts: [5, 3, 1, 0.5],
    boyShare: 0.3,
    onlineShare: 0.4,
  },
  {
    reference: 'OPCC-CSAE-2024-004',
    title: 'Harmful Sexual Behaviour Early Help',
    description:
      'Assessment and early intervention for children displaying harmful sexual behaviour, with support for their families and schools.',
    provider: 'north-dales-nhs',
    lead: 'officer2',
    status: 'ACTIVE',
    startDate: '2024-10-01',
    endDate: '2028-03-31',
    annual: 96000,
    cohort: [8, 17],
    areas: ['COUNTY-DURHAM'],
    issues: ['PI-THERAPEUTIC', 'PI-EDUCATION'],
    harms: ['HARM-CONTACT', 'HARM-SEXTING', 'HARM-PORNOGRAPHY'],
    forums: ['DCC-CSP', 'MASH'],
    funding: { PCC_CORE_GRANT: 0.7, PARTNER_CONTRIBUTION: 0.3 },
    base: 11,
    staff: { PRACTITIONER: 1.6, THERAPIST: 0.4, MANAGER: 0.2 },
    sessions: [5, 0.5, 2, 0, 2, 0.2],
    contexts: [1.5, 1, 0.3, 6],
    boyShare: 0.7,
    onlineShare: 0.5,
  },
  {
    reference: 'OPCC-CSAE-2024-005',
    title: 'Hidden Children: Outreach Beyond the Classroom',
    description:
      'Detached and outreach youth work reaching children who are not in mainstream education, with consent, relationships and exploitation sessions.',
    provider: 'darlington-youth-hub',
    lead: 'officer',
    status: 'ACTIVE',
    startDate: '2024-04-01',
    endDate: '2028-03-31',
    annual: 68000,
    cohort: [11, 18],
    areas: ['DARLINGTON'],
    issues: ['PI-EDUCATION'],
    harms: ['HARM-GROOMING', 'HARM-SEXTING', 'HARM-CYBERBULLYING'],
    forums: ['DBSP', 'MASH'],
    funding: { PCC_CORE_GRANT: 0.8, PARTNER_CONTRIBUTION: 0.2 },
    base: 8,
    staff: { PRACTITIONER: 1.5, MANAGER: 0.2 },
    sessions: [4, 4, 0.5, 0, 0, 0.5],
    contexts: [1, 3, 2, 0.5],
    boyShare: 0.4,
    onlineShare: 0.6,
  },
  {
    reference: 'OPCC-CSAE-2024-006',
    title: 'Safe Clubs: Safeguarding in Out-of-School Settings',
    description:
      'Training and safeguarding support for sports clubs, performing arts groups, faith and uniformed groups, youth clubs and summer schools.',
    provider: 'weardale-youth-safeguarding',
    lead: 'officer2',
    status: 'ACTIVE',
    startDate: '2024-04-01',
    endDate: '2028-03-31',
    annual: 45000,
    cohort: [5, 18],
    areas: ['COUNTY-DURHAM'],
    issues: ['PI-OUT-OF-SCHOOL'],
    harms: ['HARM-CONTACT', 'HARM-GROOMING'],
    forums: ['DCC-CSP'],
    funding: { PCC_CORE_GRANT: 1 },
    base: 3,
    staff: { PRACTITIONER: 1, ADMIN: 0.2 },
    sessions: [2, 3, 0.5, 0, 0, 1],
    contexts: [1, 4, 1, 0.5],
    boyShare: 0.45,
    onlineShare: 0.3,
  },
  {
    reference: 'OPCC-CSAE-2024-007',
    title: 'Eyes Open: Business and Hospitality Awareness',
    description:
      'Training for hotels, B&Bs, taxi and transport firms, security, retail and hospitality staff to spot and report signs of child sexual and criminal exploitation.',
    provider: 'safe-passage-north',
    lead: 'officer',
    status: 'ACTIVE',
    startDate: '2024-07-01',
    endDate: '2028-03-31',
    annual: 52000,
    cohort: null,
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-BUSINESS', 'PI-TRAFFICKING'],
    harms: ['HARM-TRAFFICKING', 'HARM-COUNTY-LINES', 'HARM-CONTACT'],
    forums: ['MASH', 'MARAC'],
    funding: { HOME_OFFICE: 0.6, PCC_CORE_GRANT: 0.4 },
    base: 2,
    staff: { PRACTITIONER: 1.2, MANAGER: 0.2 },
    sessions: [2, 2, 0, 1, 0, 1],
    contexts: [0.3, 3, 4, 0.1],
    boyShare: 0.4,
    onlineShare: 0.3,
  },
  {
    reference: 'OPCC-CSAE-2024-008',
    title: 'Online Harms Awareness and Platform Reporting',
    description:
      'Online safety education for children, parents and professionals, and help for young people to report harmful content to platforms and get it removed.',
    provider: 'brighter-screens',
    lead: 'officer2',
    status: 'ACTIVE',
    startDate: '2024-04-01',
    endDate: '2027-01-31',
    annual: 88000,
    cohort: [8, 18],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-ONLINE', 'PI-SOCIAL-MEDIA'],
    harms: ['HARM-GROOMING', 'HARM-STREAMING', 'HARM-GAMING', 'HARM-SEXTING', 'HARM-CYBERBULLYING'],
    forums: ['DCC-CSP', 'DBSP'],
    risk: {
      rating: 'RED',
      reason:
        'Forecast overspend of about £7,000 in 2026/27 and the platform liaison post is vacant; a recovery plan is due by 18 December 2026.',
    },
    funding: { PCC_CORE_GRANT: 0.5, MOJ_VICTIMS_GRANT: 0.3, OTHER: 0.2 },
    base: 10,
    staff: { PRACTITIONER: 1.5, OTHER: 0.6, MANAGER: 0.3 },
    sessions: [4, 3, 1, 0, 0, 1],
    contexts: [0.5, 5, 1.5, 0.5],
    boyShare: 0.35,
    onlineShare: 0.92,
  },
  {
    reference: 'OPCC-CSAE-2024-009',
    title: 'Child Trafficking and Exploitation Advocacy',
    description:
      'Independent advocacy for children who are trafficked or criminally exploited, including support through the National Referral Mechanism.',
    provider: 'northern-lanterns',
    lead: 'officer',
    status: 'EXTENDED',
    startDate: '2024-04-01',
    endDate: '2027-09-30',
    originalEndDate: '2026-09-30',
    annual: 110000,
    cohort: [10, 18],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-TRAFFICKING'],
    harms: ['HARM-TRAFFICKING', 'HARM-COUNTY-LINES'],
    forums: ['MASH', 'MARAC', 'MAPPA'],
    risk: {
      rating: 'AMBER',
      reason: 'Caseload is above funded capacity while NRM decisions take longer than expected.',
    },
    funding: { HOME_OFFICE: 0.5, MOJ_VICTIMS_GRANT: 0.3, PCC_CORE_GRANT: 0.2 },
    base: 14,
    staff: { PRACTITIONER: 2, ISVA: 0.5, MANAGER: 0.4 },
    sessions: [5, 0.5, 1, 4, 0, 0.5],
    contexts: [0.3, 2, 5, 0.1],
    boyShare: 0.55,
    onlineShare: 0.4,
  },
  {
    reference: 'OPCC-CSAE-2024-010',
    title: 'Family Therapy after Intra-familial Abuse',
    description:
      'Systemic family therapy for children and non-abusing family members after intra-familial sexual abuse.',
    provider: 'kinfolk-family-therapy',
    lead: 'officer2',
    status: 'ACTIVE',
    startDate: '2024-10-01',
    endDate: '2028-03-31',
    annual: 64000,
    cohort: [0, 17],
    areas: ['COUNTY-DURHAM'],
    issues: ['PI-THERAPEUTIC'],
    harms: ['HARM-CONTACT'],
    forums: ['DCC-CSP'],
    funding: { MOJ_VICTIMS_GRANT: 0.75, PCC_CORE_GRANT: 0.25 },
    base: 6,
    staff: { THERAPIST: 1.2, ADMIN: 0.2 },
    sessions: [1, 0, 5, 0, 4, 0],
    contexts: [8, 1, 0.2, 0.5],
    boyShare: 0.35,
    onlineShare: 0.15,
  },
  {
    reference: 'OPCC-CSAE-2024-011',
    title: 'Social Media Reporting Liaison Pilot',
    description: 'An 18-month pilot of a trusted-flagger liaison role escalating reports about children to social media platforms.',
    provider: 'brighter-screens',
    lead: 'officer2',
    status: 'ENDED',
    startDate: '2024-04-01',
    endDate: '2025-09-30',
    annual: 30000,
    cohort: [11, 18],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-SOCIAL-MEDIA'],
    harms: ['HARM-STREAMING', 'HARM-SEXTING'],
    forums: ['DBSP'],
    funding: { PCC_CORE_GRANT: 1 },
    base: 4,
    staff: { OTHER: 0.8 },
    sessions: [3, 0, 0.5, 0, 0, 1],
    contexts: [0.2, 5, 1, 0.2],
    boyShare: 0.3,
    onlineShare: 1,
  },
  {
    reference: 'OPCC-CSAE-2024-012',
    title: 'Darlington Schools Consent and RSE Programme',
    description: 'Consent, healthy relationships and online safety sessions for secondary schools and pupil referral units in Darlington.',
    provider: 'darlington-youth-hub',
    lead: 'officer',
    status: 'ENDED',
    startDate: '2024-04-01',
    endDate: '2026-03-31',
    annual: 40000,
    cohort: [11, 16],
    areas: ['DARLINGTON'],
    issues: ['PI-EDUCATION', 'PI-ONLINE'],
    harms: ['HARM-SEXTING', 'HARM-PORNOGRAPHY'],
    forums: ['DBSP'],
    funding: { PCC_CORE_GRANT: 0.5, PARTNER_CONTRIBUTION: 0.5 },
    base: 5,
    staff: { PRACTITIONER: 1 },
    sessions: [2, 5, 0, 0, 0, 1],
    contexts: [1, 3, 1, 1],
    boyShare: 0.45,
    onlineShare: 0.7,
  },
  {
    reference: 'OPCC-CSAE-2025-001',
    title: 'CSE and County Lines Navigators',
    description:
      'Navigators who build trusted relationships with young people at risk of sexual and criminal exploitation, including online, and stay with them past 18.',
    provider: 'northern-lanterns',
    lead: 'officer',
    status: 'ACTIVE',
    startDate: '2025-04-01',
    endDate: '2028-03-31',
    annual: 126000,
    cohort: [12, 21],
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-TRAFFICKING', 'PI-TRANSITION', 'PI-ONLINE'],
    harms: ['HARM-COUNTY-LINES', 'HARM-TRAFFICKING', 'HARM-GROOMING'],
    forums: ['MASH', 'MARAC'],
    funding: { HOME_OFFICE: 0.45, PCC_CORE_GRANT: 0.35, MOJ_VICTIMS_GRANT: 0.2 },
    base: 16,
    staff: { PRACTITIONER: 3, MANAGER: 0.5, ADMIN: 0.3 },
    sessions: [6, 1, 0.5, 2, 0, 0.5],
    contexts: [0.3, 3, 5, 0.2],
    boyShare: 0.5,
    onlineShare: 0.55,
  },
  {
    reference: 'OPCC-CSAE-2026-001',
    title: 'Parents and Carers Online Safety Programme',
    description: 'Workshops and one-to-one advice helping parents and carers understand online grooming, gaming platforms and live streaming.',
    provider: 'brighter-screens',
    lead: 'officer2',
    status: 'PLANNED',
    startDate: '2027-01-01',
    endDate: '2029-03-31',
    annual: 58000,
    cohort: null,
    areas: ['COUNTY-DURHAM', 'DARLINGTON'],
    issues: ['PI-ONLINE'],
    harms: ['HARM-GROOMING', 'HARM-GAMING', 'HARM-STREAMING'],
    forums: ['DCC-CSP', 'DBSP'],
    funding: { PCC_CORE_GRANT: 0.6, PARTNER_CONTRIBUTION: 0.4 },
    base: 0,
    staff: { PRACTITIONER: 1 },
    sessions: [1, 3, 2, 0, 0, 0],
    contexts: [1, 1, 1, 1],
    boyShare: 0.5,
    onlineShare: 1,
  },
  {
    reference: 'OPCC-CSAE-2026-002',
    title: 'Night-Time Economy Safeguarding: Hotels and Taxis',
    description: 'Safeguarding training and test purchases with hotels, licensed premises and taxi operators in the night-time economy.',
    provider: 'safe-passage-north',
    lead: 'officer',
    status: 'PLANNED',
    startDate: '2027-04-01',
    endDate: '2030-03-31',
    annual: 61000,
    cohort: null,
    areas: ['COUNTY-DURHAM'],
    issues: ['PI-BUSINESS'],
    harms: ['HARM-TRAFFICKING', 'HARM-CONTACT'],
    forums: ['MASH'],
    funding: { PCC_CORE_GRANT: 0.5, HOME_OFFICE: 0.5 },
    base: 0,
    staff: { PRACTITIONER: 1 },
    sessions: [1, 3, 0, 0, 0, 0],
    contexts: [1, 1, 1, 1],
    boyShare: 0.5,
    onlineShare: 0.2,
  },
];

/** Initiatives each service contributes to, and the share of its yearly funding that goes to each. */
const SERVICE_INITIATIVES: { service: string; initiative: string; share: number }[] = [
  { service: 'OPCC-CSAE-2024-009', initiative: 'Vulnerability Tracker', share: 0.08 },
  { service: 'OPCC-CSAE-2025-001', initiative: 'Vulnerability Tracker', share: 0.06 },
  { service: 'OPCC-CSAE-2024-002', initiative: 'Vulnerability Tracker', share: 0.05 },
  { service: 'OPCC-CSAE-2024-009', initiative: 'The Philomena Protocol', share: 0.05 },
  { service: 'OPCC-CSAE-2024-005', initiative: 'The Philomena Protocol', share: 0.07 },
  { service: 'OPCC-CSAE-2024-007', initiative: 'Police Strategy Team', share: 0.1 },
  { service: 'OPCC-CSAE-2024-001', initiative: 'Through the Eyes of a Child', share: 0.06 },
  { service: 'OPCC-CSAE-2024-010', initiative: 'Through the Eyes of a Child', share: 0.1 },
  { service: 'OPCC-CSAE-2024-008', initiative: 'Intervene to Protect a Child', share: 0.09 },
  { service: 'OPCC-CSAE-2024-006', initiative: 'Intervene to Protect a Child', share: 0.08 },
  { service: 'OPCC-CSAE-2024-006', initiative: 'Safeguarding Champions', share: 0.12 },
  { service: 'OPCC-CSAE-2024-007', initiative: 'Safeguarding Champions', share: 0.1 },
  { service: 'OPCC-CSAE-2024-004', initiative: 'Safeguarding Champions', share: 0.05 },
];

const FUNDED_YEARS = [2024, 2025, 2026] as const;
const serviceId = (reference: string) => demoId(`service:${reference}`);

function fyBounds(financialYear: number): { start: string; end: string } {
  return { start: `${financialYear}-04-01`, end: `${financialYear + 1}-03-31` };
}

/** Whole months of the contract inside [from, to] (contracts start on the 1st and end on a month's last day). */
function contractMonths(service: ServiceDefinition, from: string, to: string): number {
  let months = 0;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    if (first > to) break;
    if (first >= service.startDate && first <= service.endDate) months += 1;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Funding in pence by source for a financial year (pro rata for part years). */
function fundingFor(service: ServiceDefinition, financialYear: number): { source: Source; pence: number }[] {
  const { start, end } = fyBounds(financialYear);
  const months = contractMonths(service, start, end);
  if (months === 0) return [];
  const totalPence = Math.round((service.annual * months) / 12) * 100;
  const sources = Object.keys(service.funding) as Source[];
  const parts = apportion(totalPence / 100, sources.map((s) => service.funding[s]!)).map((p) => p * 100);
  return sources.map((source, index) => ({ source, pence: parts[index]! }));
}

// =====================================================================================================================
// Targets
// =====================================================================================================================

const TARGET_SERVICES = ['OPCC-CSAE-2024-001', 'OPCC-CSAE-2024-003', 'OPCC-CSAE-2024-004', 'OPCC-CSAE-2024-005', 'OPCC-CSAE-2024-009', 'OPCC-CSAE-2024-010', 'OPCC-CSAE-2025-001'];

interface TargetDefinition {
  service: string;
  measure: string;
  financialYear: number;
  quarter: number;
  value: number;
}

function targetsFor(service: ServiceDefinition): TargetDefinition[] {
  if (!TARGET_SERVICES.includes(service.reference)) return [];
  const list: TargetDefinition[] = [];
  for (const financialYear of FUNDED_YEARS) {
    const { start, end } = fyBounds(financialYear);
    if (contractMonths(service, start, end) === 0) continue;
    const add = (measure: string, value: number, quarter = 0) =>
      list.push({ service: service.reference, measure, financialYear, quarter, value });
    add('NEW_USERS', Math.round(service.base * 4));
    add('CLOSED_WITH_OUTCOME', Math.round(service.base * 4 * 0.7));
    // Outcome targets: people assessed and improved, so the Outcomes dashboard shows a target % improved.
    add('OUT_COPE_RECOVER_ASSESSED', Math.round(service.base * 4 * 0.65));
    add('OUT_COPE_RECOVER_IMPROVED', Math.round(service.base * 4 * 0.5));
    add('OUT_FEEL_SAFER_ASSESSED', Math.round(service.base * 4 * 0.6));
    add('OUT_FEEL_SAFER_IMPROVED', Math.round(service.base * 4 * 0.45));
    add('REF_MEDIAN_DAYS_TO_FIRST_SESSION', service.reference === 'OPCC-CSAE-2024-003' ? 35 : 20);
  }
  if (service.reference === 'OPCC-CSAE-2024-001') {
    // A quarterly target: the MASH pathway was expected to raise new referrals in the summer.
    list.push({ service: service.reference, measure: 'NEW_USERS', financialYear: 2026, quarter: 2, value: Math.round(service.base * 1.15) });
  }
  return list;
}

const MEASURE_UNIT = new Map(MEASURES.map((m) => [m.code, m.unit]));
const MEASURE_DIRECTION = new Map(MEASURES.map((m) => [m.code, m.direction ?? 'NEUTRAL']));

/** The target a quarter is held to (see the targetMet rule in seeds/measures.ts), or undefined. */
function quarterTarget(service: ServiceDefinition, measure: string, financialYear: number, quarter: number): number | undefined {
  const targets = targetsFor(service).filter((t) => t.measure === measure && t.financialYear === financialYear);
  const own = targets.find((t) => t.quarter === quarter);
  if (own) return own.value;
  const annual = targets.find((t) => t.quarter === 0);
  if (!annual) return undefined;
  const unit = MEASURE_UNIT.get(measure);
  return unit === 'COUNT' || unit === 'MONEY' ? annual.value / 4 : annual.value;
}

// =====================================================================================================================
// Return values
// =====================================================================================================================

interface Period {
  financialYear: number;
  quarter: Quarter;
}

/** The eight quarters with returns: 2024/25 Q3 to 2026/27 Q2. */
const RETURN_PERIODS: Period[] = [
  { financialYear: 2024, quarter: 3 },
  { financialYear: 2024, quarter: 4 },
  { financialYear: 2025, quarter: 1 },
  { financialYear: 2025, quarter: 2 },
  { financialYear: 2025, quarter: 3 },
  { financialYear: 2025, quarter: 4 },
  { financialYear: 2026, quarter: 1 },
  { financialYear: 2026, quarter: 2 },
];

interface Value {
  measureCode: string;
  breakdownKey: string;
  value: number | null;
  text: string | null;
  comment: string | null;
}

type Values = Map<string, Value>; // key: measureCode + '\u0000' + breakdownKey

const valueKey = (measure: string, key: string) => `${measure}\u0000${key}`;

class ValueSet {
  readonly values: Values = new Map();
  set(measure: string, value: number, key = ''): void {
    this.values.set(valueKey(measure, key), { measureCode: measure, breakdownKey: key, value, text: null, comment: null });
  }
  text(measure: string, text: string): void {
    this.values.set(valueKey(measure, ''), { measureCode: measure, breakdownKey: '', value: null, text, comment: null });
  }
  get(measure: string, key = ''): number {
    return this.values.get(valueKey(measure, key))?.value ?? 0;
  }
  comment(measure: string, comment: string): void {
    const value = this.values.get(valueKey(measure, ''));
    if (value) value.comment = value.comment ? `${value.comment} ${comment}` : comment;
  }
  /** A breakdown measure: the cells (every option, zeros included) and, unless breakdown-only, the total at ''. */
  cells(measure: string, breakdown: string, parts: readonly number[], withTotal: boolean): void {
    const options = breakdownOptions(breakdown);
    options.forEach((option, index) => this.set(measure, parts[index] ?? 0, option.code));
    if (withTotal) this.set(measure, parts.reduce((a, b) => a + b, 0));
  }
}

const AGE_BANDS: [string, number, number][] = [
  ['AGE_0_4', 0, 4],
  ['AGE_5_9', 5, 9],
  ['AGE_10_12', 10, 12],
  ['AGE_13_15', 13, 15],
  ['AGE_16_17', 16, 17],
  ['AGE_18_24', 18, 24],
  ['AGE_25_PLUS', 25, 120],
];

function ageWeights(service: ServiceDefinition): number[] {
  const [min, max] = service.cohort ?? [5, 17];
  const weights = AGE_BANDS.map(([, low, high]) => {
    const overlap = Math.min(high, max) - Math.max(low, min) + 1;
    if (overlap <= 0) return 0;
    // Most referrals are teenagers.
    const teen = low >= 13 && low <= 17 ? 2.2 : 1;
    return overlap * teen;
  });
  return [...weights, 0.25]; // Not known
}

const HARM_OPTION = (code: string) => code.replace(/^HARM-/, '').replaceAll('-', '_');

const NARRATIVE = {
  achievements: [
    'The referral pathway agreed with the MASH is working well: police referrals now arrive with consent recorded, and first contact is quicker.',
    'Two closed groups for teenage girls finished this quarter; every participant completed the programme.',
    'We trained 40 frontline staff from partner agencies in recognising signs of exploitation.',
    'Young people co-produced a new leaflet about what happens after a disclosure, now used by the SARC.',
    'Waiting times fell after a sessional worker joined the team in the middle of the quarter.',
    'Joint visits with the exploitation team have helped us engage young people who had refused support before.',
  ],
  barriers: [
    'Staff sickness reduced capacity for four weeks.',
    'Delays in the court timetable mean several young people have waited more than a year for trial.',
    'Rural transport remains a barrier for young people in the west of the county; we are offering more outreach.',
    'Some schools were slow to release young people for sessions during the exam period.',
    'Our case management system was unavailable for a week after a supplier update.',
    'No significant barriers this quarter.',
  ],
  themes: [
    'More referrals involve image-based abuse shared through messaging apps.',
    'We are seeing younger children (10 to 12) groomed through online gaming chat.',
    'Several referrals this quarter link sexual exploitation with county lines activity.',
    'An increase in referrals of young men aged 16 to 19.',
    'More young people disclose abuse that happened some years ago, after school sessions on consent.',
    'Families are asking for more support while they wait for the criminal justice process.',
  ],
  risks: [
    'Recruitment to a vacant post: interim cover is in place until the end of the quarter.',
    'Demand is above funded capacity; we are managing a waiting list and keeping it under review with the OPCC.',
    'Funding beyond the current contract is not yet confirmed, which makes staff retention harder.',
    'No new risks this quarter.',
    'The rising number of court cases may affect how quickly we can offer new appointments.',
  ],
  caseStudies: [
    'A young person in their mid-teens was referred by the police after disclosing abuse by an adult they met online. Their adviser supported them through the police interview and a section 28 hearing, and worked with their school to agree a safety plan. By the end of support they said they felt safe at home and had returned to full-time education.',
    "A child in primary school was referred by children's social care after abuse within the wider family. Weekly play therapy and sessions with the non-abusing parent helped the child to sleep through the night again and the parent to feel confident in keeping them safe.",
    "A young adult who had been exploited since their early teens moved from children's to adult services during support. Their worker stayed involved through the handover, helped them register with a GP and find stable housing, and they now attend a peer support group.",
    'A teenager who was not attending school was engaged through detached youth work. After several sessions on healthy relationships they disclosed pressure to share images, which was reported and removed, and they now attend an alternative provision three days a week.',
  ],
  help: [
    "We would welcome the OPCC's help to raise court delays with the Local Criminal Justice Board.",
    'Help to promote the service with schools that have not yet referred would be welcome.',
    'An introduction to the adult mental health commissioners would help us with transitions.',
  ],
};

interface GeneratedReturn {
  values: ValueSet;
  noActivity: boolean;
}

const generated = new Map<string, GeneratedReturn>();

function serviceHasPeriod(service: ServiceDefinition, period: Period): boolean {
  const { startDate, endDate } = quarterDates(period.financialYear, period.quarter);
  return startDate <= service.endDate && endDate >= service.startDate;
}

/** Spend in pence for a quarter, split by the year's funding sources (last part: NOT_KNOWN, always 0). */
function quarterSpend(service: ServiceDefinition, period: Period): number[] {
  const { startDate, endDate } = quarterDates(period.financialYear, period.quarter);
  const months = contractMonths(service, startDate, endDate);
  const sources = fundingFor(service, period.financialYear);
  const shares = breakdownOptions('FUNDING_SOURCE').map((option) => sources.find((s) => s.source === option.code)?.pence ?? 0);
  if (months === 0) return shares.map(() => 0);
  const rng = new Rng(`spend:${service.reference}:${period.financialYear}:${period.quarter}`);
  const overspend = service.risk?.rating === 'RED' && period.financialYear === 2026 ? 1.12 : 1;
  const total = Math.round(((service.annual * 100 * months) / 12) * rng.between(0.86, 1.04) * overspend);
  return apportion(total, shares);
}

/** The values of a complete return for a service and quarter: deterministic, consistent with every HARD check. */
function generateReturn(service: ServiceDefinition, period: Period): GeneratedReturn {
  const cacheKey = `${service.reference}:${periodLabel(period.financialYear, period.quarter)}`;
  const cached = generated.get(cacheKey);
  if (cached) return cached;
  const rng = new Rng(`values:${cacheKey}`);
  const v = new ValueSet();
  const provider = PROVIDERS.find((p) => p.slug === service.provider)!;
  // The first quarter of Eyes Open was mobilisation: no activity.
  const noActivity = service.reference === 'OPCC-CSAE-2024-007' && period.financialYear === 2024 && period.quarter === 3;
  const index = RETURN_PERIODS.findIndex((p) => p.financialYear === period.financialYear && p.quarter === period.quarter);
  const trend = 1 + 0.04 * Math.max(0, index);
  const z = noActivity ? 0 : 1; // multiply counts by z

  // 1. About this return
  v.text('ABOUT_CONTACT_NAME', provider.user);
  v.text('ABOUT_CONTACT_EMAIL', providerEmail(provider.slug));
  const roles = breakdownOptions('STAFF_ROLE').map((o) => o.code);
  const funded = roles.map((role) => Math.round((service.staff[role] ?? 0) * 10));
  const vacancyRole = service.reference === 'OPCC-CSAE-2024-002' && period.financialYear === 2026 ? 'PRACTITIONER' : rng.chance(0.12) ? roles[rng.int(0, 1)]! : null;
  const inPost = funded.map((tenths, i) => (roles[i] === vacancyRole ? Math.max(0, tenths - 10) : tenths));
  v.cells('STAFF_FTE_FUNDED', 'STAFF_ROLE', funded.map((t) => t / 10), false);
  v.set('STAFF_FTE_FUNDED', funded.reduce((a, b) => a + b, 0) / 10);
  v.cells('STAFF_FTE_IN_POST', 'STAFF_ROLE', inPost.map((t) => t / 10), false);
  v.set('STAFF_FTE_IN_POST', inPost.reduce((a, b) => a + b, 0) / 10);
  v.set('STAFF_VACANCIES', inPost.some((t, i) => t < funded[i]!) ? 1 : 0);

  // 2. Referrals and access
  const newUsers = z * Math.max(0, Math.round(service.base * trend * rng.between(0.8, 1.2)));
  const accepted = newUsers + z * rng.int(0, 3);
  const notTakenUp = z * rng.int(accepted > 0 ? 1 : 0, Math.max(1, Math.round(accepted * 0.3)));
  const received = accepted + notTakenUp;
  v.cells('REF_RECEIVED', 'REFERRAL_SOURCE', rng.split(received, [30, 25, 12, 12, 6, 8, 3, 4]), true);
  v.set('REF_ACCEPTED', accepted);
  v.cells('REF_NOT_TAKEN_UP', 'NOT_TAKEN_UP_REASON', rng.split(notTakenUp, [35, 25, 30, 5, 5]), true);
  v.set('REF_CONTACTED_2WD', received - rng.int(0, Math.round(received * 0.15)));
  const waiting =
    service.reference === 'OPCC-CSAE-2024-002' && period.financialYear === 2026 ? 6 + period.quarter * 3 : z * rng.int(0, Math.round(service.base * 0.4));
  v.set('REF_WAITING_LIST', waiting);
  const therapy = service.issues.includes('PI-THERAPEUTIC') && service.sessions[4] > 2;
  const median = noActivity ? 0 : therapy ? rng.int(20, 45) : rng.int(5, 24);
  v.set('REF_MEDIAN_DAYS_TO_FIRST_SESSION', median);
  v.set('REF_LONGEST_DAYS_TO_FIRST_SESSION', noActivity ? 0 : median + rng.int(6, 60));

  // 3. Children and young people supported
  v.set('NEW_USERS', newUsers);
  const ages = rng.split(newUsers, ageWeights(service));
  const genderWeights = [1 - service.boyShare - 0.04, service.boyShare, 0.025, 0.015];
  const genders = breakdownOptions('GENDER').map((o) => o.code);
  breakdownOptions('AGE_BAND').forEach((age, i) => {
    const split = rng.split(ages[i] ?? 0, genderWeights);
    genders.forEach((gender, g) => v.set('NEW_USERS_AGE_GENDER', split[g]!, breakdownKey(age.code, gender)));
  });
  v.cells('NEW_USERS_ETHNICITY', 'ETHNICITY', rng.split(newUsers, [2.5, 1, 3.5, 86, 1, 6]), false);
  v.cells('NEW_USERS_DISABILITY', 'DISABILITY', rng.split(newUsers, [20, 65, 15]), false);
  v.set('NEW_USERS_LOOKED_AFTER', rng.binomial(newUsers, 0.14));
  v.set('NEW_USERS_CP_CIN', rng.binomial(newUsers, 0.3));
  v.set('NEW_USERS_MISSING', rng.binomial(newUsers, service.contexts[2] > 3 ? 0.4 : 0.12));
  v.set('NEW_USERS_SEND', rng.binomial(newUsers, 0.22));
  v.set('NEW_USERS_NOT_IN_EDUCATION', rng.binomial(newUsers, service.issues.includes('PI-EDUCATION') ? 0.55 : 0.12));
  const caseload = z * Math.round(newUsers * rng.between(2.1, 2.8) + rng.int(0, 4));
  v.set('CASELOAD_OPEN', caseload);
  v.set('FAMILY_MEMBERS_SUPPORTED', z * (rng.binomial(newUsers, 0.6) + rng.int(0, 3)));

  // 4. Nature of abuse
  v.cells('NEW_USERS_CONTEXT', 'ABUSE_CONTEXT', rng.split(newUsers, [...service.contexts, 0.3]), false);
  v.set('NEW_USERS_ONLINE_ELEMENT', rng.binomial(newUsers, service.onlineShare));
  const harmWeights = breakdownOptions('HARM_TYPE').map((option) =>
    service.harms.some((h) => HARM_OPTION(h) === option.code) ? 10 : option.code === 'OTHER' || option.isNotKnown ? 0.6 : 0.3,
  );
  v.cells('NEW_USERS_HARM_TYPE', 'HARM_TYPE', rng.split(newUsers, harmWeights), false);
  v.set('NEW_USERS_REPORTED_TO_POLICE', rng.binomial(newUsers, 0.55));

  // 5. Support delivered
  const sessions = z * Math.round(caseload * rng.between(3.5, 5.5));
  v.cells('SESSIONS_DELIVERED', 'SESSION_TYPE', rng.split(sessions, [...service.sessions, 0.05]), true);
  const court = z * rng.int(0, Math.min(7, Math.ceil(caseload / 6)));
  const special = rng.int(0, court);
  v.set('COURT_SUPPORT', court);
  v.set('SPECIAL_MEASURES', special);
  v.set('S28_HEARINGS', rng.int(0, special));
  v.set('ONWARD_REFERRALS', z * rng.int(0, Math.max(1, Math.round(newUsers / 4))));

  // 6. Cases closed and outcomes
  const closed = z * Math.round(newUsers * rng.between(0.7, 1.1));
  v.cells('CLOSED_TOTAL', 'CLOSURE_REASON', rng.split(closed, [60, 15, 12, 5, 4, 4]), true);
  const withOutcome = closed - rng.int(0, Math.ceil(closed * 0.25));
  v.set('CLOSED_WITH_OUTCOME', withOutcome);
  for (const domain of OUTCOME_DOMAINS) {
    const assessed = domain.code === 'CJS_PARTICIPATION' ? rng.binomial(withOutcome, 0.35) : withOutcome - rng.int(0, Math.min(2, withOutcome));
    v.set(`${domain.prefix}_ASSESSED`, assessed);
    v.set(`${domain.prefix}_IMPROVED`, rng.binomial(assessed, rng.between(0.62, 0.9)));
  }

  // 7. Narrative
  if (noActivity) {
    v.text('NARR_ACHIEVEMENTS', 'Mobilisation quarter: staff recruited, training materials written and partnership agreements signed. Delivery starts next quarter.');
    v.text('NARR_BARRIERS', 'None: this was a planned mobilisation quarter.');
    v.text('NARR_EMERGING_THEMES', 'None yet.');
    v.text('NARR_RISKS', 'Engagement from smaller businesses may be slow; we will work through trade bodies.');
    v.text('NARR_CASE_STUDY', 'Not applicable: no direct delivery this quarter.');
  } else {
    v.text('NARR_ACHIEVEMENTS', rng.pick(NARRATIVE.achievements));
    v.text('NARR_BARRIERS', rng.pick(NARRATIVE.barriers));
    v.text('NARR_EMERGING_THEMES', rng.pick(NARRATIVE.themes));
    v.text('NARR_RISKS', rng.pick(NARRATIVE.risks));
    v.text('NARR_CASE_STUDY', rng.pick(NARRATIVE.caseStudies));
    if (rng.chance(0.3)) v.text('NARR_HELP_NEEDED', rng.pick(NARRATIVE.help));
  }

  // 8. Finance (pence, in funding-source order, NOT_KNOWN last)
  const quarterPence = quarterSpend(service, period);
  const ytdPence = quarterPence.map(() => 0);
  for (let q = 1; q <= period.quarter; q += 1) {
    quarterSpend(service, { financialYear: period.financialYear, quarter: q as Quarter }).forEach((p, i) => (ytdPence[i]! += p));
  }
  v.cells('FIN_SPEND_QUARTER', 'FUNDING_SOURCE', quarterPence.map((p) => p / 100), false);
  v.set('FIN_SPEND_QUARTER', quarterPence.reduce((a, b) => a + b, 0) / 100);
  v.cells('FIN_SPEND_YTD', 'FUNDING_SOURCE', ytdPence.map((p) => p / 100), false);
  v.set('FIN_SPEND_YTD', ytdPence.reduce((a, b) => a + b, 0) / 100);
  const { end } = fyBounds(period.financialYear);
  const remainingMonths = contractMonths(service, addDays(quarterDates(period.financialYear, period.quarter).endDate, 1), end);
  const overspend = service.risk?.rating === 'RED' && period.financialYear === 2026 ? 1.12 : 1;
  const forecastPence =
    ytdPence.reduce((a, b) => a + b, 0) + Math.round(((service.annual * 100 * remainingMonths) / 12) * rng.between(0.97, 1.02) * overspend);
  v.set('FIN_FORECAST_OUTTURN', forecastPence / 100);
  if (overspend > 1) v.comment('FIN_FORECAST_OUTTURN', 'Overspend forecast: agency cover for the vacant liaison post. A recovery plan is being agreed with the OPCC.');

  // Modules
  const issues = new Set(service.issues);
  if (issues.has('PI-TRANSITION')) {
    const turned18 = z * rng.int(0, 4);
    const weights = ageWeights(service);
    const adultShare = (weights[5]! + weights[6]!) / weights.reduce((a, b) => a + b, 0);
    // Those aged 18-25 on the caseload, and at least a few who stayed with the service after turning 18.
    v.set('TRN_YOUNG_ADULTS_SUPPORTED', z * Math.max(rng.int(1, 4), Math.round(caseload * adultShare * rng.between(0.9, 1.1))));
    v.set('TRN_TURNED_18', turned18);
    v.set('TRN_PLANS_AGREED', rng.binomial(turned18, 0.75));
    v.set('TRN_ADULT_SERVICES_HANDOVERS', z * rng.int(0, 3));
  }
  if (issues.has('PI-THERAPEUTIC')) {
    // Therapy and family therapy sessions, as in SESSIONS_DELIVERED.
    const therapySessions = v.get('SESSIONS_DELIVERED', 'THERAPY') + v.get('SESSIONS_DELIVERED', 'FAMILY');
    const practitioners = Math.ceil((service.staff.THERAPIST ?? 0) + (service.staff.PRACTITIONER ?? 0) + (service.staff.ISVA ?? 0)) + rng.int(0, 1);
    v.set('THR_CYP_IN_THERAPY', Math.min(caseload, Math.round(therapySessions / rng.between(4, 7))));
    v.set('THR_SESSIONS', therapySessions);
    v.set('THR_MEDIAN_WAIT_DAYS', noActivity ? 0 : rng.int(14, 55));
    v.set('THR_PRACTITIONERS', practitioners);
    v.set('THR_PRACTITIONERS_TRAINED', practitioners - rng.int(0, Math.min(1, practitioners)));
  }
  if (issues.has('PI-EDUCATION')) {
    const reached = z * rng.int(4, 20);
    v.set('EDU_CYP_REACHED', reached);
    v.set('EDU_RSE_SESSIONS', z * rng.int(2, 12));
    v.set('EDU_RSE_PARTICIPANTS', rng.binomial(reached, 0.7));
  }
  if (issues.has('PI-OUT-OF-SCHOOL')) {
    const settings = z * rng.int(5, 16);
    const headcount = settings * rng.int(6, 15);
    v.cells('OOS_SETTINGS_ENGAGED', 'SETTING_TYPE', rng.split(settings, [5, 2, 2, 3, 3, 1, 1, 0.2]), true);
    v.set('OOS_STAFF_HEADCOUNT', headcount);
    v.set('OOS_STAFF_TRAINED', Math.round(headcount * rng.between(0.3, 0.65)));
    v.set('OOS_CONFIDENCE_IMPROVED_PCT', noActivity ? 0 : rng.int(72, 96));
  }
  if (issues.has('PI-BUSINESS')) {
    const businesses = z * rng.int(4, 15);
    v.cells('BUS_ENGAGED', 'BUSINESS_SECTOR', rng.split(businesses, [4, 2, 3, 1, 2, 3, 1, 0.2]), true);
    v.set('BUS_STAFF_TRAINED', z * rng.int(15, 80));
    v.set('BUS_INTEL_SUBMISSIONS', z * rng.int(0, 6));
  }
  if (issues.has('PI-SOCIAL-MEDIA')) {
    const reports = z * rng.int(3, 25);
    v.set('SOC_REPORTS_TO_PLATFORMS', reports);
    v.set('SOC_CONTENT_REMOVED', rng.binomial(reports, 0.6));
    v.set('SOC_MEDIAN_RESPONSE_DAYS', noActivity ? 0 : rng.int(2, 14));
  }
  if (issues.has('PI-TRAFFICKING')) {
    v.set('TRF_CCE_CSE_OVERLAP', z * rng.int(1, 7));
    v.set('TRF_NRM_REFERRALS', z * rng.int(0, 5));
    v.set('TRF_COUNTY_LINES_CASES', z * rng.int(1, 9));
  }
  if (issues.has('PI-ONLINE')) {
    const onlineSessions = z * rng.int(4, 20);
    v.set('ONL_AWARENESS_SESSIONS', onlineSessions);
    v.cells('ONL_PEOPLE_REACHED', 'AUDIENCE', rng.split(onlineSessions * rng.int(12, 30), [60, 20, 18, 2]), true);
    v.set('ONL_HARM_REFERRALS', z * rng.int(1, 10));
  }

  // Explanations the SOFT checks ask for.
  const result: GeneratedReturn = { values: v, noActivity };
  generated.set(cacheKey, result);
  addSoftCheckComments(service, period, result);
  return result;
}

function addSoftCheckComments(service: ServiceDefinition, period: Period, current: GeneratedReturn): void {
  const v = current.values;
  const previous = previousPeriod(period);
  if (serviceHasPeriod(service, previous) && RETURN_PERIODS.some((p) => p.financialYear === previous.financialYear && p.quarter === previous.quarter)) {
    const before = generateReturn(service, previous as Period).values;
    for (const measure of ['REF_RECEIVED', 'REF_ACCEPTED', 'NEW_USERS', 'CASELOAD_OPEN', 'CLOSED_TOTAL', 'SESSIONS_DELIVERED']) {
      const now = v.get(measure);
      const then = before.get(measure);
      const change = Math.abs(now - then);
      if (change > 10 && (then === 0 || change > then * 0.5)) {
        v.comment(
          measure,
          now > then
            ? 'Higher than last quarter: delivery was fully staffed again and referrals rose after our awareness work with schools.'
            : 'Lower than last quarter: a practitioner was on long-term leave and the summer holidays reduced referrals.',
        );
      }
    }
  }
  const closed = v.get('CLOSED_TOTAL');
  if (closed > 0 && v.get('CLOSED_WITH_OUTCOME') / closed < 0.8) {
    v.comment('CLOSED_WITH_OUTCOME', 'Some young people ended support before their exit review could be completed; we are trying shorter exit questionnaires.');
  }
  for (const measure of new Set(targetsFor(service).map((target) => target.measure))) {
    const target = quarterTarget(service, measure, period.financialYear, period.quarter);
    if (target === undefined) continue;
    const value = v.get(measure);
    const direction = MEASURE_DIRECTION.get(measure);
    const missed = direction === 'HIGHER_IS_BETTER' ? value < target : direction === 'LOWER_IS_BETTER' ? value > target : false;
    if (missed) {
      v.comment(
        measure,
        direction === 'LOWER_IS_BETTER'
          ? 'Waits were longer than our target because of a rise in referrals; extra sessional hours are in place.'
          : 'Below target this quarter: fewer referrals than expected and a vacancy for part of the quarter.',
      );
    }
  }
}

/** Measures a service's return includes: the core sections and the modules of its priority issues. */
function measuresOf(service: ServiceDefinition): Set<string> {
  return new Set(SECTIONS.filter((s) => !s.priorityIssue || service.issues.includes(s.priorityIssue)).flatMap((s) => s.measures));
}

const PARTIAL_SECTIONS = new Set(['ABOUT', 'REFERRALS', 'SUPPORTED']);

// =====================================================================================================================
// The workflow story of each return
// =====================================================================================================================

type ReturnStatusCode = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REOPENED';

interface Story {
  status: ReturnStatusCode;
  /** Days from the due date to submission (negative: early). */
  submitOffset?: number;
  reviewDays?: number;
  returnedReason?: string;
  reopenedReason?: string;
  /** Returned once, then resubmitted and approved. */
  returnedThenApproved?: string;
}

const Q1_2026 = '2026/27 Q1';
const Q2_2026 = '2026/27 Q2';

const STORIES: Record<string, Story> = {
  [`OPCC-CSAE-2024-008:${Q1_2026}`]: {
    status: 'REOPENED',
    submitOffset: -2,
    reviewDays: 6,
    reopenedReason:
      'The provider has since confirmed the ethnicity of two young people recorded as "Not known"; reopened so the figures can be corrected.',
  },
  [`OPCC-CSAE-2024-001:${Q2_2026}`]: { status: 'SUBMITTED', submitOffset: -2 },
  [`OPCC-CSAE-2024-002:${Q2_2026}`]: {
    status: 'RETURNED',
    submitOffset: -1,
    reviewDays: 6,
    returnedReason:
      'Please check the waiting list figure against your case system (it has risen again), and add a comment explaining the vacancy and what you are doing to cover it.',
  },
  [`OPCC-CSAE-2024-003:${Q2_2026}`]: { status: 'APPROVED', submitOffset: -5, reviewDays: 7 },
  [`OPCC-CSAE-2024-004:${Q2_2026}`]: { status: 'IN_PROGRESS' },
  [`OPCC-CSAE-2024-005:${Q2_2026}`]: { status: 'SUBMITTED', submitOffset: 0 },
  [`OPCC-CSAE-2024-006:${Q2_2026}`]: { status: 'NOT_STARTED' },
  [`OPCC-CSAE-2024-007:${Q2_2026}`]: { status: 'SUBMITTED', submitOffset: 7 },
  [`OPCC-CSAE-2024-008:${Q2_2026}`]: { status: 'IN_PROGRESS' },
  [`OPCC-CSAE-2024-009:${Q2_2026}`]: { status: 'APPROVED', submitOffset: -3, reviewDays: 9 },
  [`OPCC-CSAE-2024-010:${Q2_2026}`]: { status: 'SUBMITTED', submitOffset: -6 },
  [`OPCC-CSAE-2025-001:${Q2_2026}`]: {
    status: 'RETURNED',
    submitOffset: 1,
    reviewDays: 5,
    returnedReason:
      'Spend in the year to date does not match the Home Office grant claim for the same period: please check the split by funding source and add a comment on any difference.',
  },
  [`OPCC-CSAE-2024-005:2025/26 Q2`]: {
    status: 'APPROVED',
    submitOffset: -1,
    reviewDays: 4,
    returnedThenApproved:
      'Most new service users are recorded with ethnicity "Not known": please check your case system, which should hold most of these.',
  },
  [`OPCC-CSAE-2024-009:2025/26 Q3`]: { status: 'APPROVED', submitOffset: 4, reviewDays: 8 },
};

function storyOf(service: ServiceDefinition, period: Period): Story {
  const label = periodLabel(period.financialYear, period.quarter);
  const story = STORIES[`${service.reference}:${label}`];
  if (story) return story;
  const rng = new Rng(`story:${service.reference}:${label}`);
  return { status: 'APPROVED', submitOffset: rng.int(-9, 1), reviewDays: rng.int(2, 12) };
}

// =====================================================================================================================
// Seeding
// =====================================================================================================================

/** True when the demo data is there (the demo admin exists). */
export async function hasDemoData(prisma: Pick<PrismaClient, 'user'>): Promise<boolean> {
  return (await prisma.user.count({ where: { email: DEMO_ADMIN_EMAIL } })) > 0;
}

/** Loads the demo data. Does nothing when it is there already. Needs seedReferenceData first. */
export async function seedDemoData(prisma: PrismaClient, options: { password: string }): Promise<{ created: boolean }> {
  if (await hasDemoData(prisma)) return { created: false };
  // scrypt is slow: hash once, share the hash between the demo users.
  const passwordHash = await hashPassword(options.password);
  return prisma.$transaction(
    async (tx) => {
      // The same lock as seedReferenceData: a second process waits, then sees the data and does nothing.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${72707370}), set_config('app.audit', 'off', true)`;
      if (await hasDemoData(tx)) return { created: false };
      await seedDemoDataIn(tx, passwordHash);
      return { created: true };
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

async function createInBatches<T>(rows: T[], create: (batch: T[]) => Promise<unknown>, size = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await create(rows.slice(i, i + size));
}

async function seedDemoDataIn(db: SeedDb, passwordHash: string): Promise<void> {
  // Reference data, by code.
  const [issues, harms, forums, areas, initiatives, periods, measures, template] = await Promise.all([
    db.priorityIssue.findMany({ select: { id: true, code: true } }),
    db.harmType.findMany({ select: { id: true, code: true } }),
    db.partnershipForum.findMany({ select: { id: true, code: true } }),
    db.area.findMany({ select: { id: true, code: true } }),
    db.initiative.findMany({ select: { id: true, name: true } }),
    db.reportingPeriod.findMany({ select: { id: true, label: true, opensOn: true, dueDate: true, locksOn: true } }),
    db.measure.findMany({ select: { id: true, code: true } }),
    db.returnTemplate.findUnique({
      where: { code_version: { code: DEFAULT_TEMPLATE.code, version: DEFAULT_TEMPLATE.version } },
      select: { id: true },
    }),
  ]);
  if (!template) throw new Error('The DEFAULT return template is missing: run seedReferenceData before seedDemoData.');
  const lookup = <T extends { id: string }>(rows: T[], key: (row: T) => string, what: string) => {
    const map = new Map(rows.map((row) => [key(row), row]));
    return (code: string): T => {
      const row = map.get(code);
      if (!row) throw new Error(`Demo data needs the ${what} ${code}: run seedReferenceData first.`);
      return row;
    };
  };
  const issue = lookup(issues, (r) => r.code, 'priority issue');
  const harm = lookup(harms, (r) => r.code, 'harm type');
  const forum = lookup(forums, (r) => r.code, 'partnership forum');
  const area = lookup(areas, (r) => r.code, 'area');
  const initiative = lookup(initiatives, (r) => r.name, 'initiative');
  const periodRow = lookup(periods, (r) => r.label, 'reporting period');
  const measure = lookup(measures, (r) => r.code, 'measure');

  const created = at('2024-02-01');

  // Organisations -------------------------------------------------------------------------------------------------
  await db.organisation.createMany({
    data: [
      {
        id: orgId(OPCC.slug),
        kind: 'OPCC',
        type: 'OTHER',
        name: OPCC.name,
        slug: OPCC.slug,
        email: 'info@opcc.example',
        phone: '0191 498 0000',
        address: 'Police Headquarters, Aykley Heads, Durham',
        website: 'https://opcc.example',
        createdAt: created,
        updatedAt: created,
      },
      ...PROVIDERS.map((p) => ({
        id: orgId(p.slug),
        kind: 'PROVIDER' as const,
        type: p.type,
        name: p.name,
        slug: p.slug,
        registeredNumber: p.registeredNumber,
        email: `enquiries@${p.slug}.example`,
        phone: p.phone,
        address: p.address,
        website: `https://${p.slug}.example`,
        createdAt: created,
        updatedAt: created,
      })),
    ],
  });
  await db.organisationContact.createMany({
    data: PROVIDERS.flatMap((p) =>
      p.contacts.map((c, i) => ({
        id: demoId(`contact:${p.slug}:${i}`),
        organisationId: orgId(p.slug),
        name: c.name,
        jobTitle: c.jobTitle,
        email: `${c.name.toLowerCase().replace(/^dr /, '').replace(/[^a-z]+/g, '.')}@${p.slug}.example`,
        phone: p.phone,
        isPrimary: c.primary ?? false,
        createdAt: created,
      })),
    ),
  });
  await db.organisationArea.createMany({
    data: PROVIDERS.flatMap((p) => p.areas.map((code) => ({ organisationId: orgId(p.slug), areaId: area(code).id }))),
  });

  // Users ---------------------------------------------------------------------------------------------------------
  await db.user.createMany({
    data: [
      ...STAFF.map((s) => ({
        id: userId(s.email),
        email: s.email,
        name: s.name,
        role: s.role,
        organisationId: orgId(OPCC.slug),
        passwordHash,
        // The administrator has two-factor sign-in (required for the role), with the demo's published key.
        ...(s.role === 'ADMIN' ? { totpSecret: sealTotpSecret(DEMO_ADMIN_TOTP_SECRET), totpEnabledAt: created } : {}),
        createdAt: created,
        updatedAt: created,
      })),
      ...PROVIDERS.map((p) => ({
        id: userId(providerEmail(p.slug)),
        email: providerEmail(p.slug),
        name: p.user,
        role: 'PROVIDER' as const,
        organisationId: orgId(p.slug),
        passwordHash,
        createdAt: created,
        updatedAt: created,
      })),
    ],
  });
  const staffId = (key: string) => userId(STAFF.find((s) => s.key === key)!.email);
  const officerId = staffId('officer');
  const adminId = staffId('admin');

  // Services ------------------------------------------------------------------------------------------------------
  await db.commissionedService.createMany({
    data: SERVICES.map((s) => {
      const months = contractMonths(s, s.startDate, s.endDate);
      const awarded = at(addDays(s.startDate, -75), '10:00');
      return {
        id: serviceId(s.reference),
        reference: s.reference,
        title: s.title,
        description: s.description,
        providerId: orgId(s.provider),
        leadOfficerId: staffId(s.lead),
        status: s.status,
        startDate: toUtcDate(s.startDate),
        endDate: toUtcDate(s.endDate),
        annualValue: pounds(s.annual * 100),
        totalValue: pounds(Math.round((s.annual * months) / 12) * 100),
        cohortMinAge: s.cohort?.[0] ?? null,
        cohortMaxAge: s.cohort?.[1] ?? null,
        riskRating: s.risk?.rating ?? 'GREEN',
        riskReason: s.risk?.reason ?? null,
        createdAt: awarded,
        updatedAt: awarded,
      };
    }),
  });
  await db.servicePriorityIssue.createMany({
    data: SERVICES.flatMap((s) => s.issues.map((code) => ({ serviceId: serviceId(s.reference), priorityIssueId: issue(code).id }))),
  });
  await db.serviceHarmType.createMany({
    data: SERVICES.flatMap((s) => s.harms.map((code) => ({ serviceId: serviceId(s.reference), harmTypeId: harm(code).id }))),
  });
  await db.serviceForum.createMany({
    data: SERVICES.flatMap((s) => s.forums.map((code) => ({ serviceId: serviceId(s.reference), forumId: forum(code).id }))),
  });
  await db.serviceArea.createMany({
    data: SERVICES.flatMap((s) => s.areas.map((code) => ({ serviceId: serviceId(s.reference), areaId: area(code).id }))),
  });
  await db.serviceFunding.createMany({
    data: SERVICES.flatMap((s) =>
      FUNDED_YEARS.flatMap((financialYear) =>
        fundingFor(s, financialYear).map(({ source, pence }) => ({
          id: demoId(`funding:${s.reference}:${financialYear}:${source}`),
          serviceId: serviceId(s.reference),
          financialYear,
          source,
          amount: pounds(pence),
        })),
      ),
    ),
  });
  await db.serviceInitiative.createMany({
    data: SERVICE_INITIATIVES.map((link) => ({
      serviceId: serviceId(link.service),
      initiativeId: initiative(link.initiative).id,
      createdAt: at(SERVICES.find((s) => s.reference === link.service)!.startDate),
    })),
  });
  await db.initiativeFunding.createMany({
    data: SERVICE_INITIATIVES.flatMap((link) => {
      const service = SERVICES.find((s) => s.reference === link.service)!;
      return FUNDED_YEARS.flatMap((financialYear) => {
        const yearPence = fundingFor(service, financialYear).reduce((sum, f) => sum + f.pence, 0);
        if (yearPence === 0) return [];
        // Whole pounds, a share of (never more than) the service's funding that year.
        const amount = Math.floor((yearPence * link.share) / 100) * 100;
        return [
          {
            id: demoId(`initiative-funding:${link.service}:${link.initiative}:${financialYear}`),
            serviceId: serviceId(link.service),
            initiativeId: initiative(link.initiative).id,
            financialYear,
            amount: pounds(amount),
          },
        ];
      });
    }),
  });

  // Status history ------------------------------------------------------------------------------------------------
  await db.serviceStatusChange.createMany({
    data: SERVICES.flatMap((s) => {
      const id = serviceId(s.reference);
      const rows: Prisma.ServiceStatusChangeCreateManyInput[] = [
        {
          id: demoId(`status:${s.reference}:planned`),
          serviceId: id,
          fromStatus: null,
          toStatus: 'PLANNED',
          reason: 'Contract awarded after the commissioning panel.',
          changedById: officerId,
          createdAt: at(addDays(s.startDate, -75), '10:00'),
        },
      ];
      if (s.status === 'PLANNED') return rows;
      rows.push({
        id: demoId(`status:${s.reference}:active`),
        serviceId: id,
        fromStatus: 'PLANNED',
        toStatus: 'ACTIVE',
        reason: 'Service started.',
        changedById: officerId,
        createdAt: at(s.startDate),
      });
      if (s.status === 'EXTENDED') {
        rows.push({
          id: demoId(`status:${s.reference}:extended`),
          serviceId: id,
          fromStatus: 'ACTIVE',
          toStatus: 'EXTENDED',
          reason: 'Extended by direct award while the service is re-commissioned; performance is good.',
          newEndDate: toUtcDate(s.endDate),
          changedById: officerId,
          createdAt: at(addDays(s.originalEndDate!, -70), '14:00'),
        });
      }
      if (s.status === 'ENDED') {
        rows.push({
          id: demoId(`status:${s.reference}:ended`),
          serviceId: id,
          fromStatus: 'ACTIVE',
          toStatus: 'ENDED',
          reason: s.reference.endsWith('011') ? 'Pilot completed; findings taken into the online harms service.' : 'Contract ended as planned.',
          changedById: officerId,
          createdAt: at(addDays(s.endDate, 1)),
        });
      }
      return rows;
    }),
  });

  // Targets -------------------------------------------------------------------------------------------------------
  await db.target.createMany({
    data: SERVICES.flatMap(targetsFor).map((t) => ({
      id: demoId(`target:${t.service}:${t.measure}:${t.financialYear}:${t.quarter}`),
      serviceId: serviceId(t.service),
      measureId: measure(t.measure).id,
      financialYear: t.financialYear,
      quarter: t.quarter,
      value: t.value.toFixed(2),
      createdAt: at(`${t.financialYear}-03-20`),
      updatedAt: at(`${t.financialYear}-03-20`),
    })),
  });

  // Returns -------------------------------------------------------------------------------------------------------
  const returnRows: Prisma.PerformanceReturnCreateManyInput[] = [];
  const versionRows: Prisma.ReturnVersionCreateManyInput[] = [];
  const valueRows: Prisma.ReturnValueCreateManyInput[] = [];
  const returnIdOf = (reference: string, label: string) => demoId(`return:${reference}:${label}`);

  for (const service of SERVICES) {
    if (service.status === 'PLANNED') continue;
    const included = measuresOf(service);
    const providerUserId = userId(providerEmail(service.provider));
    const provider = PROVIDERS.find((p) => p.slug === service.provider)!;
    const reviewerId = staffId(service.lead);
    for (const period of RETURN_PERIODS) {
      if (!serviceHasPeriod(service, period)) continue;
      const label = periodLabel(period.financialYear, period.quarter);
      const row = periodRow(label);
      const returnId = returnIdOf(service.reference, label);
      const story = storyOf(service, period);
      const { values, noActivity } = generateReturn(service, period);
      const dueIso = row.dueDate.toISOString().slice(0, 10);
      const opened = at(row.opensOn.toISOString().slice(0, 10), '07:00');
      const submitted = story.submitOffset === undefined ? null : at(addDays(dueIso, story.submitOffset), '15:30');
      const reviewed = submitted && story.reviewDays !== undefined && story.status !== 'SUBMITTED' ? new Date(submitted.getTime() + story.reviewDays * 86_400_000 - 5 * 3_600_000) : null;

      let list = [...values.values.values()].filter((value) => included.has(value.measureCode));
      if (story.status === 'IN_PROGRESS') {
        const partial = new Set(SECTIONS.filter((s) => PARTIAL_SECTIONS.has(s.code)).flatMap((s) => s.measures));
        list = list.filter((value) => partial.has(value.measureCode));
      }
      if (story.status === 'NOT_STARTED') list = [];
      list = list.map((e) => ({ ...e }));
      if (story.status === 'REOPENED') {
        // As approved: at least two young people with ethnicity "Not known" (corrected after reopening, below).
        const cell = (key: string) => list.find((e) => e.measureCode === 'NEW_USERS_ETHNICITY' && e.breakdownKey === key)!;
        const shortBy = Math.max(0, 2 - (cell('NOT_KNOWN').value ?? 0));
        const moved = Math.min(shortBy, cell('WHITE').value ?? 0);
        cell('WHITE').value = (cell('WHITE').value ?? 0) - moved;
        cell('NOT_KNOWN').value = (cell('NOT_KNOWN').value ?? 0) + moved;
      }

      const snapshot = (status: ReturnStatusCode, entries: Value[]): Prisma.InputJsonValue => ({
        schema: 1,
        service: service.reference,
        period: label,
        status,
        noActivity,
        declarationName: provider.user,
        values: entries.map((e) => ({ measureCode: e.measureCode, breakdownKey: e.breakdownKey, value: e.value, text: e.text, comment: e.comment })),
      });
      const version = (number: number, status: ReturnStatusCode, entries: Value[], by: string, when: Date) =>
        versionRows.push({
          id: demoId(`version:${returnId}:${number}`),
          returnId,
          number,
          status,
          snapshot: snapshot(status, entries),
          declarationName: status === 'SUBMITTED' ? provider.user : null,
          createdById: by,
          createdAt: when,
        });

      let current = list;
      let lastChange = opened;
      let writes = 1;
      if (story.status === 'IN_PROGRESS') {
        lastChange = at(addDays(dueIso, -3), '11:15');
        writes = 3;
      }
      if (submitted) {
        if (story.returnedThenApproved) {
          // First submission: the ethnicity breakdown with most people "Not known"; returned; corrected; approved.
          const first = list.map((e) => ({ ...e }));
          const total = first.filter((e) => e.measureCode === 'NEW_USERS_ETHNICITY').reduce((sum, e) => sum + (e.value ?? 0), 0);
          for (const e of first) if (e.measureCode === 'NEW_USERS_ETHNICITY') e.value = e.breakdownKey === 'NOT_KNOWN' ? total : 0;
          const firstSubmitted = new Date(submitted.getTime() - 9 * 86_400_000);
          version(1, 'SUBMITTED', first, providerUserId, firstSubmitted);
          version(2, 'SUBMITTED', list, providerUserId, submitted);
          version(3, 'APPROVED', list, reviewerId, reviewed!);
          writes = 9;
        } else {
          version(1, 'SUBMITTED', list, providerUserId, submitted);
          writes = 4;
          if (story.status === 'APPROVED' || story.status === 'REOPENED') {
            version(2, 'APPROVED', list, reviewerId, reviewed!);
            writes = 5;
          }
          if (story.status === 'RETURNED') writes = 5;
        }
        lastChange = reviewed ?? submitted;
      }
      if (story.status === 'REOPENED') {
        // Reopened by the admin; the provider has already corrected the ethnicity of two young people.
        current = list.map((e) => ({ ...e }));
        const cell = (key: string) => current.find((e) => e.measureCode === 'NEW_USERS_ETHNICITY' && e.breakdownKey === key)!;
        const moved = Math.min(2, cell('NOT_KNOWN').value ?? 0);
        cell('NOT_KNOWN').value = (cell('NOT_KNOWN').value ?? 0) - moved;
        cell('WHITE').value = (cell('WHITE').value ?? 0) + moved;
        lastChange = at('2026-10-12', '10:40');
        writes = 8;
      }

      returnRows.push({
        id: returnId,
        serviceId: serviceId(service.reference),
        periodId: row.id,
        templateId: template.id,
        status: story.status,
        version: writes,
        noActivity,
        declarationName: submitted ? provider.user : null,
        submittedAt: submitted,
        submittedById: submitted ? providerUserId : null,
        reviewedAt: reviewed,
        reviewedById: reviewed ? reviewerId : null,
        returnedReason: story.returnedReason ?? null,
        reopenedReason: story.reopenedReason ?? null,
        createdAt: opened,
        updatedAt: lastChange,
      });
      for (const e of current) {
        valueRows.push({
          returnId,
          measureId: measure(e.measureCode).id,
          breakdownKey: e.breakdownKey,
          numericValue: e.value === null ? null : String(e.value),
          textValue: e.text,
          comment: e.comment,
          updatedById: providerUserId,
          updatedAt: story.status === 'REOPENED' && e.measureCode === 'NEW_USERS_ETHNICITY' ? lastChange : (submitted ?? lastChange),
        });
      }
    }
  }
  await createInBatches(returnRows, (batch) => db.performanceReturn.createMany({ data: batch }));
  await createInBatches(versionRows, (batch) => db.returnVersion.createMany({ data: batch }), 200);
  await createInBatches(valueRows, (batch) => db.returnValue.createMany({ data: batch }), 4000);

  // Queries, a lock exception, notifications ---------------------------------------------------------------------
  const r = (reference: string, label: string) => returnIdOf(reference, label);
  const provider = (reference: string) => userId(providerEmail(SERVICES.find((s) => s.reference === reference)!.provider));
  const queries: {
    key: string;
    returnId: string;
    measure: string | null;
    breakdownKey: string | null;
    status: 'OPEN' | 'ANSWERED' | 'RESOLVED';
    raisedBy: string;
    resolvedAt?: Date;
    messages: { author: string; body: string; at: Date }[];
  }[] = [
    {
      key: 'isva-police-referrals',
      returnId: r('OPCC-CSAE-2024-001', Q2_2026),
      measure: 'REF_RECEIVED',
      breakdownKey: 'POLICE',
      status: 'OPEN',
      raisedBy: officerId,
      messages: [
        {
          author: officerId,
          body: 'Police referrals look higher than in previous quarters. Is this the new MASH pathway coming through? It would help to know for the briefing pack.',
          at: at('2026-10-22', '10:05'),
        },
      ],
    },
    {
      key: 'beyond18-waiting-list',
      returnId: r('OPCC-CSAE-2024-002', Q2_2026),
      measure: 'REF_WAITING_LIST',
      breakdownKey: '',
      status: 'ANSWERED',
      raisedBy: staffId('officer2'),
      messages: [
        { author: staffId('officer2'), body: 'The waiting list has grown for three quarters. How long is the longest wait now, and is anyone waiting who is at high risk?', at: at('2026-10-26', '14:20') },
        {
          author: provider('OPCC-CSAE-2024-002'),
          body: 'The longest wait is 9 weeks. Everyone waiting has a named contact and a safety plan; nobody assessed as high risk is waiting. The vacant post is advertised again and interviews are on 20 November.',
          at: at('2026-10-27', '09:45'),
        },
      ],
    },
    {
      key: 'therapy-median-wait',
      returnId: r('OPCC-CSAE-2024-003', Q1_2026),
      measure: 'REF_MEDIAN_DAYS_TO_FIRST_SESSION',
      breakdownKey: '',
      status: 'RESOLVED',
      raisedBy: officerId,
      resolvedAt: at('2026-07-30', '16:00'),
      messages: [
        { author: officerId, body: 'Is the median wait measured from referral or from assessment? It looks different from the NHS dashboard.', at: at('2026-07-24', '11:00') },
        {
          author: provider('OPCC-CSAE-2024-003'),
          body: 'From referral, as the help text says. The NHS dashboard measures from assessment, which is why it is shorter.',
          at: at('2026-07-27', '15:10'),
        },
        { author: officerId, body: 'Thank you, that explains it. Resolving.', at: at('2026-07-30', '16:00') },
      ],
    },
    {
      key: 'eyes-open-late',
      returnId: r('OPCC-CSAE-2024-007', Q2_2026),
      measure: null,
      breakdownKey: null,
      status: 'OPEN',
      raisedBy: officerId,
      messages: [
        {
          author: officerId,
          body: 'This return arrived a week after the due date. Please let us know if the reporting timetable is causing problems so that we can help.',
          at: at('2026-11-02', '09:30'),
        },
      ],
    },
  ];
  await db.returnQuery.createMany({
    data: queries.map((q) => ({
      id: demoId(`query:${q.key}`),
      returnId: q.returnId,
      measureId: q.measure ? measure(q.measure).id : null,
      breakdownKey: q.breakdownKey,
      status: q.status,
      raisedById: q.raisedBy,
      createdAt: q.messages[0]!.at,
      resolvedAt: q.resolvedAt ?? null,
    })),
  });
  await db.returnQueryMessage.createMany({
    data: queries.flatMap((q) =>
      q.messages.map((m, i) => ({ id: demoId(`query:${q.key}:${i}`), queryId: demoId(`query:${q.key}`), authorId: m.author, body: m.body, createdAt: m.at })),
    ),
  });

  await db.lockException.create({
    data: {
      id: demoId('lock-exception:hsb-2026-q2'),
      returnId: r('OPCC-CSAE-2024-004', Q2_2026),
      reason: "The trust's move to a new patient record system delayed the data extract; extension agreed with the commissioning lead.",
      endsAt: at('2026-12-11', '17:00'),
      grantedById: adminId,
      createdAt: at('2026-11-05', '09:15'),
    },
  });
  // Beyond 18's return was sent back after the due date; the OPCC gave Harbour Lights time to correct it, so the demo
  // provider has a return to work on today.
  await db.lockException.create({
    data: {
      id: demoId('lock-exception:beyond18-2026-q2'),
      returnId: r('OPCC-CSAE-2024-002', Q2_2026),
      reason: 'Returned for changes on 26 October; the provider needs time to reconcile the waiting list with its case system.',
      endsAt: at('2026-12-18', '17:00'),
      grantedById: adminId,
      createdAt: at('2026-11-06', '10:00'),
    },
  });

  const notifications = [
    {
      key: 'overdue:safe-clubs:2026-q2',
      user: provider('OPCC-CSAE-2024-006'),
      kind: 'RETURN_OVERDUE',
      subject: 'Your 2026/27 Q2 return for Safe Clubs is overdue',
      body: 'The return for Safe Clubs: Safeguarding in Out-of-School Settings was due on 21 October 2026 and has not been started. Please contact the OPCC if you need help.',
      returnId: r('OPCC-CSAE-2024-006', Q2_2026),
      at: at('2026-10-22', '07:00'),
      readAt: null,
    },
    {
      key: 'returned:beyond18:2026-q2',
      user: provider('OPCC-CSAE-2024-002'),
      kind: 'RETURN_RETURNED',
      subject: 'Your 2026/27 Q2 return for Beyond 18 needs changes',
      body: 'Sam Okafor returned the return for changes. Please read the reason, update the return and submit it again.',
      returnId: r('OPCC-CSAE-2024-002', Q2_2026),
      at: at('2026-10-26', '10:31'),
      readAt: at('2026-10-26', '12:02'),
    },
    {
      key: 'submitted:isva:2026-q2',
      user: officerId,
      kind: 'RETURN_SUBMITTED',
      subject: "Harbour Lights Children's Trust submitted the 2026/27 Q2 return for the ISVA service",
      body: "The return for Children and Young People's ISVA Service is ready for review.",
      returnId: r('OPCC-CSAE-2024-001', Q2_2026),
      at: at('2026-10-19', '15:31'),
      readAt: null,
    },
    {
      key: 'query-answered:beyond18:2026-q2',
      user: staffId('officer2'),
      kind: 'QUERY_ANSWERED',
      subject: 'Your query on the Beyond 18 return has been answered',
      body: "Harbour Lights Children's Trust answered your query about the waiting list.",
      returnId: r('OPCC-CSAE-2024-002', Q2_2026),
      at: at('2026-10-27', '09:46'),
      readAt: null,
    },
    {
      key: 'lock-exception:hsb:2026-q2',
      user: provider('OPCC-CSAE-2024-004'),
      kind: 'LOCK_EXCEPTION_GRANTED',
      subject: 'You can finish your 2026/27 Q2 return until 11 December 2026',
      body: 'The period is locked, but the OPCC has allowed changes to this return until 11 December 2026 at 5pm.',
      returnId: r('OPCC-CSAE-2024-004', Q2_2026),
      at: at('2026-11-05', '09:16'),
      readAt: at('2026-11-05', '13:40'),
    },
  ];
  await db.notification.createMany({
    data: notifications.map((n) => ({
      id: demoId(`notification:${n.key}`),
      userId: n.user,
      kind: n.kind,
      subject: n.subject,
      body: n.body,
      returnId: n.returnId,
      dedupeKey: `demo:${n.key}`,
      createdAt: n.at,
      readAt: n.readAt,
    })),
  });

  // The e-mails the reminders job sent with them (the admin reads them under "E-mail outbox"): every one was sent a
  // minute later except the newest, which is still waiting, and one whose server refused it.
  const recipients = await db.user.findMany({
    where: { id: { in: [...new Set(notifications.map((n) => n.user))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(recipients.map((u) => [u.id, u.email]));
  const newest = notifications.reduce((a, b) => (b.at > a.at ? b : a));
  await db.emailOutbox.createMany({
    data: notifications.map((n) => ({
      id: demoId(`email:${n.key}`),
      toAddress: emailOf.get(n.user)!,
      subject: n.subject,
      body: n.body,
      dedupeKey: `demo:email:${n.key}`,
      createdAt: n.at,
      sentAt: n === newest || n.key.startsWith('query-answered') ? null : new Date(n.at.getTime() + 60_000),
      error: n.key.startsWith('query-answered') ? '550 5.1.1 Mailbox unavailable (demo)' : null,
    })),
  });
}
