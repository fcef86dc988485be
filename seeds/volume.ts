// The volume dataset (issue 6): a large force area's portfolio over many years, generated into a database to measure
// the portal at that size (bench/run.ts) - by default 200 services over the 10 financial years before the current
// one plus the current year's ended quarters: about 40 providers, 7,000 returns and 1.3 million return values.
//
// - Realistic: every service status (PLANNED, ACTIVE, EXTENDED, ENDED) with start and end dates spread over the
//   years, providers of every type with skewed portfolios, 1 to 3 priority issues each (so the return has their
//   modules), funding per financial year and source, initiatives, targets, status history; returns for every
//   service x ended quarter of its life in every workflow state (mostly APPROVED; the latest quarters SUBMITTED,
//   RETURNED, IN_PROGRESS, NOT_STARTED, REOPENED), submitted around their due dates, some late, with the versions
//   a submission freezes; values for every measure of the return (core sections + the modules of the service's
//   priority issues, with their breakdowns) with many small counts (Poisson), generated to pass every HARD check of
//   the template (breakdowns sum to totals, accepted <= received, improved <= assessed, ...) and with a comment
//   wherever a SOFT check fails, as a provider must write one. The generator runs the portal's own check engine
//   (graphql/domain/checks.ts) on every return and stops if a HARD check fails.
// - Deterministic: for the same parameters (years, services, seed, as-of date) the same rows come out (values,
//   dates, texts and ids; return_value ids are the database's). Every random choice comes from a seeded PRNG keyed by
//   what it is for; dates come from the as-of date (default: today in England), never from the clock.
// - Fast: PostgreSQL COPY (seeds/pg-copy.ts) in ONE transaction; generation overlaps the database's work. Not a
//   user action, so not audited: app.audit = 'off' for the transaction and, when the role owns the tables, the
//   audit triggers of the tables written are disabled inside the transaction (re-enabled before COMMIT).
// - Marked: a row in volume.dataset (a schema of its own, outside the Prisma schema) records the parameters, so a
//   re-run with the same parameters does nothing and bench/run.ts reuses the data.
// - Safe: it refuses a database that holds anything but reference data (or a volume dataset of other parameters)
//   unless `force` is given; with force it writes beside what is there (reusing an OPCC organisation and the staff
//   accounts when they exist).
// - Sign-in: OPCC staff with the demo accounts' addresses (admin@, officer@, officer2@, commissioner@opcc.example,
//   plus officer3@ and officer4@) and one PROVIDER user per provider (provider@<slug>.example), all with the given
//   password (DEMO_PASSWORD). Because admin@opcc.example exists, server.ts does not add the demo data on top.
// - The history starts before the DEFAULT template's effective quarter (2024/25 Q3): the generator moves that
//   template's effective date back to the first generated quarter, as if the portal had collected every return, and
//   adds the reporting periods the reference data does not have (working days before 2024 use the standing
//   England and Wales bank-holiday rules and the one-off holidays of 2011-2023).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../graphql/auth/password';
import { blockingFailures, runChecks, valuesFrom, type CheckDefinition, type MeasureInfo, type ValueRow } from '../graphql/domain/checks';
import { easterSunday } from '../graphql/domain/bank-holidays';
import {
  addDays,
  financialYearOf,
  periodLabel,
  periodSchedule,
  quarterDates,
  todayInLondon,
  type PeriodSchedule,
  type Quarter,
} from '../graphql/domain/periods';
import { createPrismaClient } from '../prisma/client';
import { migrate } from '../prisma/migrator';
import { DEMO_ADMIN_EMAIL } from './demo';
import { breakdownKey, breakdownOptions, CHECKS, DEFAULT_TEMPLATE, MEASURES, OUTCOME_DOMAINS, SECTIONS } from './measures';
import { CopyBuffer, copyFrom } from './pg-copy';
import { AREAS, HARM_TYPES, INITIATIVES, PARTNERSHIP_FORUMS, PRIORITY_ISSUES, seedReferenceData } from './reference';

/** Bump when the generator's output changes: a dataset of another version is not reused. */
export const VOLUME_GENERATOR_VERSION = 1;

export interface VolumeParams {
  /** Complete financial years before the current one (the current year's ended quarters are always included). */
  years: number;
  services: number;
  seed: number;
  /** The day the dataset is "as of", ISO: quarters ended before it have returns; nothing is dated after it. */
  asOf: string;
}

export const DEFAULT_VOLUME: Omit<VolumeParams, 'asOf'> = { years: 10, services: 200, seed: 42 };

export interface TableStat {
  table: string;
  rows: number;
  /** Time the database spent on this table's COPY statements. */
  ms: number;
}

export interface VolumeSummary {
  params: VolumeParams;
  tables: TableStat[];
  rows: number;
  ms: number;
  auditTriggers: 'disabled' | 'app.audit off';
  counts: { providers: number; services: number; returns: number; values: number; versions: number };
  statuses: Record<string, number>;
  firstPeriod: string;
  lastPeriod: string;
}

// =====================================================================================================================
// Determinism
// =====================================================================================================================

function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32 keyed by (seed, purpose): each purpose has its own reproducible stream, whatever the order. */
export class Rng {
  private state: number;
  constructor(seed: number, key: string) {
    this.state = hash32(`${seed}:${key}`);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
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
  /** `count` distinct items, in the list's order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      if (r < w) return item;
      r -= w;
    }
    return items[items.length - 1]![0];
  }
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i += 1) if (this.next() < p) k += 1;
    return k;
  }
  /** Poisson(lambda): small counts for small services, many zeros. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Shares `total` out unit by unit in proportion to `weights`: the parts always add up to `total`. */
  split(total: number, weights: readonly number[]): number[] {
    const parts = weights.map(() => 0);
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum <= 0) {
      if (total > 0) parts[parts.length - 1]! += total;
      return parts;
    }
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

/** A name-based UUID (version 5 layout) for the volume of a seed: the same name and seed, the same id. */
export function volumeId(seed: number, name: string): string {
  const hash = createHash('sha1').update(`pcc-portal-volume:${seed}:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Splits a whole number (pence) in proportion to shares; the parts add up exactly. */
function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum === 0) return shares.map(() => 0);
  const exact = shares.map((share) => (total * share) / sum);
  const parts = exact.map(Math.floor);
  let remainder = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    parts[index]! += 1;
    remainder -= 1;
  }
  return parts;
}

const pounds = (pence: number) => (pence / 100).toFixed(2);
const at = (isoDate: string, minutes = 9 * 60) =>
  new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + minutes * 60_000).toISOString();

// =====================================================================================================================
// The reporting calendar
// =====================================================================================================================

const ONE_OFF_BANK_HOLIDAYS: Record<number, { add: string[]; remove: string[] }> = {
  2011: { add: ['2011-04-29'], remove: [] },
  2012: { add: ['2012-06-04', '2012-06-05'], remove: ['2012-05-28'] },
  2020: { add: ['2020-05-08'], remove: ['2020-05-04'] },
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] },
  2023: { add: ['2023-05-08'], remove: [] },
};

/** England and Wales bank holidays of a year before 2024 (graphql/domain/bank-holidays.ts starts in 2024). */
export function historicBankHolidays(year: number): Set<string> {
  const day = (month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const weekday = (date: Date) => date.getUTCDay();
  const firstMonday = (month: number) => {
    const d = day(month, 1);
    return day(month, 1 + ((8 - weekday(d)) % 7));
  };
  const lastMonday = (month: number) => {
    const d = day(month + 1, 0);
    return day(month, d.getUTCDate() - ((weekday(d) + 6) % 7));
  };
  const holidays = new Set<string>();
  const newYear = day(1, 1);
  holidays.add(iso(weekday(newYear) === 6 ? day(1, 3) : weekday(newYear) === 0 ? day(1, 2) : newYear));
  const easter = easterSunday(year);
  holidays.add(addDays(easter, -2));
  holidays.add(addDays(easter, 1));
  holidays.add(iso(firstMonday(5)));
  holidays.add(iso(lastMonday(5)));
  holidays.add(iso(lastMonday(8)));
  const christmas = weekday(day(12, 25));
  if (christmas === 6) holidays.add(`${year}-12-27`).add(`${year}-12-28`);
  else if (christmas === 0) holidays.add(`${year}-12-26`).add(`${year}-12-27`);
  else if (christmas === 5) holidays.add(`${year}-12-25`).add(`${year}-12-28`);
  else holidays.add(`${year}-12-25`).add(`${year}-12-26`);
  const oneOff = ONE_OFF_BANK_HOLIDAYS[year];
  for (const date of oneOff?.remove ?? []) holidays.delete(date);
  for (const date of oneOff?.add ?? []) holidays.add(date);
  return holidays;
}

const historicCache = new Map<number, Set<string>>();
function isHistoricWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = historicCache.get(year);
  if (!holidays) historicCache.set(year, (holidays = historicBankHolidays(year)));
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

function addHistoricWorkingDays(date: string, n: number): string {
  let current = date;
  for (let remaining = n; remaining > 0; ) {
    current = addDays(current, 1);
    if (isHistoricWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** The portal's schedule (graphql/domain/periods.ts); before 2024, the same rule on the historic bank holidays. */
export function volumeSchedule(financialYear: number, quarter: Quarter): PeriodSchedule {
  if (financialYear >= 2024) return periodSchedule(financialYear, quarter);
  const { startDate, endDate } = quarterDates(financialYear, quarter);
  const dueDate = addHistoricWorkingDays(endDate, 15);
  return { startDate, endDate, opensOn: addDays(endDate, 1), dueDate, locksOn: addHistoricWorkingDays(dueDate, 10) };
}

interface PeriodPlan extends PeriodSchedule {
  financialYear: number;
  quarter: Quarter;
  label: string;
  /** Position from the first quarter of the window. */
  index: number;
  /** Quarters before the latest ended quarter (0: the latest); -1 when it has not ended. */
  age: number;
}

function planPeriods(params: VolumeParams): PeriodPlan[] {
  const currentYear = financialYearOf(params.asOf);
  const periods: PeriodPlan[] = [];
  for (let financialYear = currentYear - params.years; financialYear <= currentYear; financialYear += 1) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const schedule = volumeSchedule(financialYear, quarter);
      periods.push({ ...schedule, financialYear, quarter, label: periodLabel(financialYear, quarter), index: periods.length, age: -1 });
    }
  }
  const ended = periods.filter((p) => p.endDate < params.asOf);
  ended.forEach((p, i) => (p.age = ended.length - 1 - i));
  return periods;
}

// =====================================================================================================================
// People and providers
// =====================================================================================================================

const FIRST_NAMES = [
  'Amira', 'Ben', 'Catherine', 'Daniel', 'Eleanor', 'Farhan', 'Grace', 'Harry', 'Imogen', 'Jamal', 'Karen', 'Liam',
  'Maya', 'Nathan', 'Olivia', 'Patrick', 'Rachel', 'Samuel', 'Tara', 'Usman', 'Victoria', 'William', 'Yasmin', 'Zoe',
];
const LAST_NAMES = [
  'Armstrong', 'Bell', 'Charlton', 'Dodds', 'Elliott', 'Forster', 'Gibson', 'Hall', 'Iqbal', 'Johnson', 'Kerr',
  'Lambton', 'Milburn', 'Nixon', 'Oliver', 'Pattinson', 'Robson', 'Stephenson', 'Taylor', 'Walton', 'Young',
];
const PLACES = [
  'Wear Valley', 'Tees', 'Durham City', 'Derwentside', 'Easington', 'Sedgefield', 'Chester-le-Street', 'Teesdale',
  'Weardale', 'Darlington', 'Consett', 'Stanley', 'Seaham', 'Peterlee', 'Newton Aycliffe', 'Spennymoor',
  'Bishop Auckland', 'Crook', 'Shildon', 'Barnard Castle', 'Brandon', 'Ferryhill', 'Horden', 'Lanchester',
];
type OrganisationType = 'CHARITY' | 'NHS' | 'LOCAL_AUTHORITY' | 'CIC' | 'OTHER';
const PROVIDER_KINDS: Record<OrganisationType, string[]> = {
  CHARITY: ["Children's Trust", "Young People's Project", 'Rape and Sexual Abuse Support Centre', 'Family Support Charity', 'Youth Trust', 'Survivors Network'],
  CIC: ['Safeguarding CIC', 'Youth Voice CIC', 'Online Safety CIC', 'Community Interest Partnership CIC'],
  NHS: ['Community NHS Trust', 'Mental Health NHS Trust', "Children's Health Partnership (NHS)"],
  LOCAL_AUTHORITY: ['Early Help Service', 'Youth Service', 'Family Hub'],
  OTHER: ['Therapy Partnership', 'Sports Safeguarding Network', 'Faith Communities Partnership'],
};
const PROVIDER_TYPES: [OrganisationType, number][] = [
  ['CHARITY', 45],
  ['CIC', 20],
  ['LOCAL_AUTHORITY', 13],
  ['NHS', 10],
  ['OTHER', 12],
];

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

interface ProviderPlan {
  id: string;
  userId: string;
  name: string;
  slug: string;
  type: OrganisationType;
  areas: string[];
  userName: string;
  email: string;
  contacts: { id: string; name: string; jobTitle: string; primary: boolean }[];
}

interface StaffPlan {
  key: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'POLICY_OFFICER' | 'COMMISSIONER';
}

const STAFF: StaffPlan[] = [
  { key: 'admin', email: DEMO_ADMIN_EMAIL, name: 'Alex Admin', role: 'ADMIN' },
  { key: 'officer', email: 'officer@opcc.example', name: 'Verna Fee', role: 'POLICY_OFFICER' },
  { key: 'officer2', email: 'officer2@opcc.example', name: 'Sam Okafor', role: 'POLICY_OFFICER' },
  { key: 'officer3', email: 'officer3@opcc.example', name: 'Priya Nair', role: 'POLICY_OFFICER' },
  { key: 'officer4', email: 'officer4@opcc.example', name: 'Tom Hedley', role: 'POLICY_OFFICER' },
  { key: 'commissioner', email: 'commissioner@opcc.example', name: 'Casey Commissioner', role: 'COMMISSIONER' },
];
const OFFICERS = STAFF.filter((s) => s.role === 'POLICY_OFFICER').map((s) => s.key);
const OPCC_NAME = 'Office of the Durham Police and Crime Commissioner';

function planProviders(params: VolumeParams): ProviderPlan[] {
  const count = Math.min(params.services, Math.max(2, Math.round(params.services / 5)));
  const names = new Set<string>();
  const slugs = new Set<string>();
  const providers: ProviderPlan[] = [];
  for (let i = 0; i < count; i += 1) {
    const rng = new Rng(params.seed, `provider:${i}`);
    const type = rng.weighted(PROVIDER_TYPES);
    let name = `${rng.pick(PLACES)} ${rng.pick(PROVIDER_KINDS[type])}`;
    for (let n = 2; names.has(name); n += 1) name = `${rng.pick(PLACES)} ${rng.pick(PROVIDER_KINDS[type])}${n > 6 ? ` ${n}` : ''}`;
    names.add(name);
    let slug = `vol-${slugify(name)}`.slice(0, 72).replace(/-+$/, '');
    if (slugs.has(slug)) slug = `${slug}-${i}`;
    slugs.add(slug);
    const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const userName = person();
    providers.push({
      id: volumeId(params.seed, `organisation:${i}`),
      userId: volumeId(params.seed, `provider-user:${i}`),
      name,
      slug,
      type,
      areas: rng.chance(0.55) ? AREAS.map((a) => a.code) : [rng.weighted([['COUNTY-DURHAM', 3], ['DARLINGTON', 1]] as const)],
      userName,
      email: `provider@${slug}.example`,
      contacts: [
        { id: volumeId(params.seed, `contact:${i}:0`), name: userName, jobTitle: 'Service Manager', primary: true },
        ...(rng.chance(0.5) ? [{ id: volumeId(params.seed, `contact:${i}:1`), name: person(), jobTitle: 'Finance Officer', primary: false }] : []),
      ],
    });
  }
  return providers;
}

// =====================================================================================================================
// Services
// =====================================================================================================================

type Source = 'PCC_CORE_GRANT' | 'MOJ_VICTIMS_GRANT' | 'HOME_OFFICE' | 'PARTNER_CONTRIBUTION' | 'OTHER';
type ServiceStatus = 'PLANNED' | 'ACTIVE' | 'EXTENDED' | 'ENDED';
const SERVICE_STATUS_SHARES: [ServiceStatus, number][] = [
  ['ACTIVE', 45],
  ['EXTENDED', 33],
  ['ENDED', 16],
  ['PLANNED', 6],
];
const SOURCES: Source[] = ['PCC_CORE_GRANT', 'MOJ_VICTIMS_GRANT', 'HOME_OFFICE', 'PARTNER_CONTRIBUTION', 'OTHER'];

const TITLES: Record<string, string[]> = {
  'PI-TRANSITION': ['Young Adults Transition Support', 'Beyond 18 Advocacy', 'Moving On: 16 to 25 Support'],
  'PI-THERAPEUTIC': ['Trauma-Informed Therapy for Children', "Children's Counselling Service", 'Play and Creative Therapies', "Children and Young People's ISVA Service"],
  'PI-EDUCATION': ['Outreach Beyond the Classroom', 'Consent and Relationships Education in Alternative Provision', 'Hidden Children Outreach'],
  'PI-OUT-OF-SCHOOL': ['Safe Clubs Safeguarding Programme', 'Safeguarding in Sport and Youth Groups', 'Faith and Community Settings Safeguarding'],
  'PI-BUSINESS': ['Night-Time Economy Safeguarding', 'Hotels and Transport Awareness', 'Eyes Open: Business Awareness'],
  'PI-SOCIAL-MEDIA': ['Platform Reporting Liaison', 'Social Media Safety Advocacy'],
  'PI-TRAFFICKING': ['Child Exploitation Navigators', 'County Lines Intervention', 'Trafficking and Exploitation Advocacy'],
  'PI-ONLINE': ['Online Harms Awareness', 'Parents and Carers Online Safety', 'Online Grooming Prevention'],
};
const HARMS_FOR_ISSUE: Record<string, string[]> = {
  'PI-TRANSITION': ['HARM-CONTACT', 'HARM-TRAFFICKING'],
  'PI-THERAPEUTIC': ['HARM-CONTACT', 'HARM-GROOMING', 'HARM-PORNOGRAPHY'],
  'PI-EDUCATION': ['HARM-SEXTING', 'HARM-CYBERBULLYING', 'HARM-PORNOGRAPHY'],
  'PI-OUT-OF-SCHOOL': ['HARM-CONTACT', 'HARM-GROOMING'],
  'PI-BUSINESS': ['HARM-TRAFFICKING', 'HARM-CONTACT'],
  'PI-SOCIAL-MEDIA': ['HARM-STREAMING', 'HARM-SEXTING'],
  'PI-TRAFFICKING': ['HARM-TRAFFICKING', 'HARM-COUNTY-LINES'],
  'PI-ONLINE': ['HARM-GROOMING', 'HARM-GAMING', 'HARM-STREAMING'],
};
const RISK_REASONS = {
  AMBER: [
    'A practitioner post has been vacant for more than a quarter; interim cover is in place.',
    'Caseload is above funded capacity and the waiting list is growing.',
    'Referrals are below the level the contract was sized for; the provider has a plan to raise awareness.',
  ],
  RED: [
    'Forecast overspend this year and two vacant posts; a recovery plan has been agreed with the OPCC.',
    'Returns have been late for three quarters and data quality concerns are unresolved.',
  ],
};

interface ServicePlan {
  index: number;
  id: string;
  reference: string;
  title: string;
  description: string;
  provider: ProviderPlan;
  lead: string;
  status: ServiceStatus;
  startDate: string;
  endDate: string;
  originalEndDate: string | null;
  annualPence: number;
  cohort: [number, number] | null;
  areas: string[];
  issues: string[];
  harms: string[];
  forums: string[];
  risk: { rating: 'AMBER' | 'RED'; reason: string } | null;
  funding: [Source, number][];
  /** Typical new service users per quarter. */
  base: number;
  /** Funded FTE in tenths by STAFF_ROLE option. */
  staff: Record<string, number>;
  sessions: number[];
  contexts: number[];
  boyShare: number;
  onlineShare: number;
  initiatives: { name: string; share: number }[];
  targets: boolean;
  awardedAt: string;
}

/** Month arithmetic on ISO dates: the first day of the month `months` after `date`'s month. */
function monthStart(date: string, months = 0): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}
const monthEnd = (date: string, months = 0) => addDays(monthStart(date, months + 1), -1);
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/** Whole months of the contract inside [from, to] (contracts start on a 1st and end on a month's last day). */
function contractMonths(service: Pick<ServicePlan, 'startDate' | 'endDate'>, from: string, to: string): number {
  const start = service.startDate > from ? service.startDate : monthStart(from);
  const end = service.endDate < to ? service.endDate : to;
  if (start > end) return 0;
  return Math.max(0, monthsBetween(start, end) + 1);
}

function planServices(params: VolumeParams, providers: ProviderPlan[], windowStart: string): ServicePlan[] {
  const span = monthsBetween(windowStart, params.asOf); // months from the window's start to the as-of month
  const zipf = providers.map((p, i) => [p, 1 / Math.pow(i + 1, 0.7)] as const);
  const perYear = new Map<number, number>();
  const services: ServicePlan[] = [];
  const statuses = byQuota(params.seed, 'service-statuses', params.services, SERVICE_STATUS_SHARES);
  for (let index = 0; index < params.services; index += 1) {
    const rng = new Rng(params.seed, `service:${index}`);
    let status = statuses[index]!;
    // Start: most services have run for years (the portfolio is mature); some started recently.
    const startMonth = (() => {
      if (status === 'PLANNED') return span + rng.int(1, 8);
      const early = status === 'ENDED' ? 0.8 : 0.85;
      const month = rng.chance(early) ? rng.weighted([[0, 6], [3, 2], [6, 1], [9, 1]] as const) : rng.int(0, Math.max(0, span - 4));
      return Math.min(month, Math.max(0, span - 2));
    })();
    const startDate = monthStart(windowStart, startMonth);
    let endDate: string;
    let originalEndDate: string | null = null;
    if (status === 'ENDED') {
      const lastMonth = span - 1;
      const endMonth = Math.max(startMonth + 5, lastMonth - rng.int(0, Math.min(36, Math.max(0, lastMonth - startMonth - 5))));
      endDate = monthEnd(windowStart, Math.min(endMonth, lastMonth));
    } else if (status === 'PLANNED') {
      endDate = monthEnd(startDate, rng.int(24, 47));
    } else {
      // Running: some end within 6 months (contracts ending), most later.
      const ahead = rng.chance(0.2) ? rng.int(0, 5) : rng.int(6, 36);
      endDate = monthEnd(params.asOf, ahead);
      if (status === 'EXTENDED') {
        // The original end date: before today, at least 6 months after the start (else it is simply ACTIVE).
        const room = monthsBetween(startDate, params.asOf) - 7;
        if (room < 0) status = 'ACTIVE';
        else originalEndDate = monthEnd(params.asOf, -rng.int(1, Math.min(18, room + 1)));
      }
    }
    const issueCount = rng.weighted([[1, 40], [2, 35], [3, 25]] as const);
    const issues = rng.sample(PRIORITY_ISSUES.map((p) => p.code), issueCount);
    const primary = rng.pick(issues);
    const startYear = financialYearOf(startDate);
    const seq = (perYear.get(startYear) ?? 0) + 1;
    perYear.set(startYear, seq);
    const size = rng.weighted([['small', 55], ['medium', 30], ['large', 15]] as const);
    const base = size === 'small' ? rng.int(1, 5) : size === 'medium' ? rng.int(6, 15) : rng.int(16, 40);
    const annual = Math.max(15_000, Math.round((base * rng.between(3_500, 6_500)) / 500) * 500);
    const cohortMin = rng.pick([0, 4, 5, 8, 10, 11, 12, 13, 16]);
    const cohort: [number, number] | null = rng.chance(0.12) ? null : [cohortMin, Math.min(25, cohortMin + rng.int(5, 13))];
    const sourceCount = rng.weighted([[1, 35], [2, 45], [3, 20]] as const);
    const sources = rng.sample(SOURCES, sourceCount);
    const provider = rng.weighted(zipf);
    const therapy = issues.includes('PI-THERAPEUTIC');
    const staffRoles = ['PRACTITIONER', 'ISVA', 'THERAPIST', 'MANAGER', 'ADMIN', 'OTHER'];
    const fte = Math.max(5, Math.round(base * rng.between(1.2, 2.2)));
    const staff: Record<string, number> = Object.fromEntries(staffRoles.map((role) => [role, 0]));
    staff[therapy ? 'THERAPIST' : 'PRACTITIONER'] = Math.max(5, Math.round(fte * 0.7));
    staff.MANAGER = Math.max(1, Math.round(fte * 0.15));
    if (rng.chance(0.5)) staff.ADMIN = Math.max(1, Math.round(fte * 0.1));
    if (rng.chance(0.3)) staff.ISVA = rng.int(5, 20);
    const risk = rng.chance(0.04)
      ? { rating: 'RED' as const, reason: rng.pick(RISK_REASONS.RED) }
      : rng.chance(0.12)
        ? { rating: 'AMBER' as const, reason: rng.pick(RISK_REASONS.AMBER) }
        : null;
    const place = provider.areas.length === 1 ? (provider.areas[0] === 'DARLINGTON' ? 'Darlington' : 'County Durham') : rng.pick(['County Durham', 'Durham and Darlington', 'Darlington']);
    const title = `${rng.pick(TITLES[primary]!)} (${place})`;
    services.push({
      index,
      id: volumeId(params.seed, `service:${index}`),
      reference: `VOL-CSAE-${startYear}-${String(seq).padStart(3, '0')}`,
      title,
      description: `${title}: commissioned by the OPCC from ${provider.name} against ${issues.length} of the Commissioner's priority issues.`,
      provider,
      lead: rng.pick(OFFICERS),
      status,
      startDate,
      endDate,
      originalEndDate,
      annualPence: annual * 100,
      cohort,
      areas: provider.areas.length === 1 ? provider.areas : rng.chance(0.6) ? provider.areas : [rng.pick(provider.areas)],
      issues,
      harms: [...new Set(issues.flatMap((i) => HARMS_FOR_ISSUE[i] ?? []))].slice(0, 4),
      forums: rng.sample(PARTNERSHIP_FORUMS.map((f) => f.code), rng.int(1, 3)),
      risk,
      funding: sources.map((source) => [source, rng.between(0.2, 1)] as [Source, number]),
      base,
      staff,
      sessions: therapy ? [1, 0.6, 1, 0.3, 6, 0.2] : [5, rng.between(0.5, 4), rng.between(0.3, 2), rng.between(0, 4), 0, 0.5],
      contexts: [rng.between(0.3, 5), rng.between(1, 5), rng.between(0.3, 5), rng.between(0.1, 3)],
      boyShare: rng.between(0.2, 0.6),
      onlineShare: rng.between(0.15, 0.95),
      initiatives: rng.chance(0.3)
        ? rng.sample(INITIATIVES.map((i) => i.name), rng.int(1, 2)).map((name) => ({ name, share: rng.between(0.04, 0.12) }))
        : [],
      targets: status !== 'PLANNED' && rng.chance(0.35),
      awardedAt: at(addDays(startDate, -rng.int(45, 120)), 10 * 60),
    });
  }
  return services;
}

const fyStart = (fy: number) => `${fy}-04-01`;
const fyEnd = (fy: number) => `${fy + 1}-03-31`;

/** Funding in pence by source for a financial year (pro rata for part years). */
function fundingFor(service: ServicePlan, financialYear: number): { source: Source; pence: number }[] {
  const months = contractMonths(service, fyStart(financialYear), fyEnd(financialYear));
  if (months === 0) return [];
  const total = Math.round((service.annualPence * months) / 12 / 100) * 100;
  const parts = apportion(total / 100, service.funding.map(([, share]) => share)).map((p) => p * 100);
  return service.funding.map(([source], i) => ({ source, pence: parts[i]! }));
}

interface TargetPlan {
  measure: string;
  financialYear: number;
  quarter: number;
  value: number;
}

function targetsFor(service: ServicePlan, firstYear: number, lastYear: number): TargetPlan[] {
  if (!service.targets) return [];
  const list: TargetPlan[] = [];
  for (let financialYear = firstYear; financialYear <= lastYear; financialYear += 1) {
    if (contractMonths(service, fyStart(financialYear), fyEnd(financialYear)) === 0) continue;
    const year = service.base * 4;
    const add = (measure: string, value: number, quarter = 0) => list.push({ measure, financialYear, quarter, value });
    add('NEW_USERS', Math.max(1, Math.round(year)));
    add('CLOSED_WITH_OUTCOME', Math.max(1, Math.round(year * 0.7)));
    add('OUT_COPE_RECOVER_ASSESSED', Math.max(1, Math.round(year * 0.65)));
    add('OUT_COPE_RECOVER_IMPROVED', Math.max(1, Math.round(year * 0.5)));
    add('OUT_FEEL_SAFER_IMPROVED', Math.max(1, Math.round(year * 0.5)));
    add('REF_MEDIAN_DAYS_TO_FIRST_SESSION', service.issues.includes('PI-THERAPEUTIC') ? 35 : 20);
  }
  return list;
}

// =====================================================================================================================
// Return values
// =====================================================================================================================

interface Value {
  measure: string;
  key: string;
  /** Numeric value as decimal text, or null for a TEXT measure. */
  value: string | null;
  text: string | null;
  comment: string | null;
}

class ValueSet {
  readonly entries = new Map<string, Value>();
  private put(measure: string, key: string, value: string | null, text: string | null) {
    this.entries.set(`${measure}\u0000${key}`, { measure, key, value, text, comment: null });
  }
  set(measure: string, value: number, key = ''): void {
    this.put(measure, key, String(value), null);
  }
  decimal(measure: string, text: string, key = ''): void {
    this.put(measure, key, text, null);
  }
  text(measure: string, text: string): void {
    this.put(measure, '', null, text);
  }
  get(measure: string, key = ''): number {
    const value = this.entries.get(`${measure}\u0000${key}`)?.value;
    return value ? Number(value) : 0;
  }
  comment(measure: string, comment: string): void {
    const value = this.entries.get(`${measure}\u0000`);
    if (value && !value.comment) value.comment = comment;
  }
  /** Every option's cell (zeros included) and, unless breakdown-only, the total at ''. */
  cells(measure: string, breakdown: string, parts: readonly number[], withTotal: boolean): void {
    breakdownOptions(breakdown).forEach((option, index) => this.set(measure, parts[index] ?? 0, option.code));
    if (withTotal) this.set(measure, parts.reduce((a, b) => a + b, 0));
  }
  rows(): ValueRow[] {
    return [...this.entries.values()].map((v) => ({ measureCode: v.measure, breakdownKey: v.key, value: v.value, comment: v.comment }));
  }
}

const AGE_BANDS: [number, number][] = [
  [0, 4],
  [5, 9],
  [10, 12],
  [13, 15],
  [16, 17],
  [18, 24],
  [25, 120],
];

function ageWeights(service: ServicePlan): number[] {
  const [min, max] = service.cohort ?? [5, 17];
  const weights = AGE_BANDS.map(([low, high]) => {
    const overlap = Math.min(high, max) - Math.max(low, min) + 1;
    if (overlap <= 0) return 0;
    return overlap * (low >= 13 && low <= 17 ? 2.2 : 1);
  });
  return [...weights, 0.25];
}

const HARM_OPTION = (code: string) => code.replace(/^HARM-/, '').replaceAll('-', '_');

const NARRATIVE = {
  achievements: [
    'Referrals through the MASH now arrive with consent recorded, and first contact is quicker.',
    'A closed group for teenage girls finished this quarter; every participant completed it.',
    'We trained frontline staff from partner agencies to recognise signs of exploitation.',
    'Young people helped to write a leaflet about what happens after a disclosure.',
    'Waiting times fell after a sessional worker joined the team.',
    'Joint visits with the exploitation team helped us engage young people who had refused support before.',
    'Schools that had not referred before made their first referrals after our briefings.',
  ],
  barriers: [
    'Staff sickness reduced capacity for several weeks.',
    'Court delays mean some young people have waited more than a year for trial.',
    'Rural transport remains a barrier in the west of the county; we offer more outreach.',
    'Some schools were slow to release young people for sessions during exams.',
    'Our case management system was unavailable for a week.',
    'No significant barriers this quarter.',
  ],
  themes: [
    'More referrals involve image-based abuse shared through messaging apps.',
    'Younger children are being groomed through online gaming chat.',
    'Several referrals link sexual exploitation with county lines activity.',
    'More young men aged 16 to 19 are being referred.',
    'More young people disclose abuse from some years ago after sessions on consent.',
  ],
  risks: [
    'Recruitment to a vacant post: interim cover is in place.',
    'Demand is above funded capacity; we are managing a waiting list with the OPCC.',
    'Funding beyond the current contract is not confirmed, which makes retention harder.',
    'No new risks this quarter.',
  ],
  caseStudies: [
    'A teenager referred by the police after online abuse was supported through interview and court, and returned to full-time education.',
    "A primary-age child referred by children's social care was helped by weekly play therapy; the non-abusing parent now feels confident keeping them safe.",
    'A young adult exploited since their early teens stayed with the same worker through the move to adult services and now has stable housing.',
    'A teenager not attending school was engaged through detached youth work, disclosed pressure to share images, and now attends alternative provision.',
  ],
  help: [
    'Please raise court delays with the Local Criminal Justice Board.',
    'Help to promote the service with schools that have not yet referred would be welcome.',
    'An introduction to the adult mental health commissioners would help with transitions.',
  ],
};

const SOFT_COMMENTS: Record<string, string> = {
  changeUp: 'Higher than last quarter: the team was fully staffed again and referrals rose after awareness work with schools.',
  changeDown: 'Lower than last quarter: a practitioner was on leave and the school holidays reduced referrals.',
  coverage: 'Some young people ended support before their exit review; we are trying a shorter exit questionnaire.',
  targetUp: 'Below target this quarter: fewer referrals than expected and a vacancy for part of the quarter.',
  targetDown: 'Waits were longer than our target because referrals rose; extra sessional hours are in place.',
};

/** The measures of a service's return (core sections + its modules) as the check engine sees them. */
const measureInfoCache = new Map<string, Map<string, MeasureInfo>>();
function measuresOf(issues: readonly string[]): Map<string, MeasureInfo> {
  const key = [...issues].sort().join(',');
  let map = measureInfoCache.get(key);
  if (!map) {
    const included = new Set(SECTIONS.filter((s) => !s.priorityIssue || issues.includes(s.priorityIssue)).flatMap((s) => s.measures));
    map = new Map(
      MEASURES.filter((m) => included.has(m.code)).map((m) => [
        m.code,
        { code: m.code, unit: m.unit, direction: m.direction ?? 'NEUTRAL', totalMeasure: m.totalMeasure ?? null },
      ]),
    );
    measureInfoCache.set(key, map);
  }
  return map;
}

const PARTIAL_SECTIONS = new Set(['ABOUT', 'REFERRALS', 'SUPPORTED']);
const PARTIAL_MEASURES = new Set(SECTIONS.filter((s) => PARTIAL_SECTIONS.has(s.code)).flatMap((s) => s.measures));
const CHECK_DEFINITIONS: CheckDefinition[] = CHECKS.map((c) => ({ ...c }));

/** Spend in pence for a quarter by FUNDING_SOURCE option (NOT_KNOWN last, 0). */
function quarterSpend(seed: number, service: ServicePlan, period: { financialYear: number; quarter: Quarter }): number[] {
  const { startDate, endDate } = quarterDates(period.financialYear, period.quarter);
  const months = contractMonths(service, startDate, endDate);
  const sources = fundingFor(service, period.financialYear);
  const shares = breakdownOptions('FUNDING_SOURCE').map((option) => sources.find((s) => s.source === option.code)?.pence ?? 0);
  if (months === 0) return shares.map(() => 0);
  const rng = new Rng(seed, `spend:${service.index}:${period.financialYear}:${period.quarter}`);
  const overspend = service.risk?.rating === 'RED' ? 1.1 : 1;
  const total = Math.round(((service.annualPence * months) / 12) * rng.between(0.86, 1.04) * overspend);
  return apportion(total, shares);
}

interface GeneratedValues {
  values: ValueSet;
  noActivity: boolean;
}

/** The values of a complete return for a service and quarter, consistent with every HARD check. */
function generateValues(seed: number, service: ServicePlan, period: PeriodPlan, quarterOfLife: number): GeneratedValues {
  const rng = new Rng(seed, `values:${service.index}:${period.index}`);
  const v = new ValueSet();
  // A first quarter of mobilisation, now and then; and a rare quiet quarter.
  const noActivity = (quarterOfLife === 0 && rng.chance(0.25)) || rng.chance(0.005);
  const z = noActivity ? 0 : 1;
  const years = (period.index - 0) / 4;
  const season = period.quarter === 2 ? 0.9 : period.quarter === 3 ? 1.1 : 1;
  const ramp = quarterOfLife === 0 ? 0.6 : quarterOfLife === 1 ? 0.85 : 1;

  // 1. About this return
  v.text('ABOUT_CONTACT_NAME', service.provider.userName);
  v.text('ABOUT_CONTACT_EMAIL', service.provider.email);
  const roles = breakdownOptions('STAFF_ROLE').map((o) => o.code);
  const funded = roles.map((role) => service.staff[role] ?? 0);
  const vacancy = rng.chance(0.12) ? rng.int(0, 1) : -1;
  const inPost = funded.map((tenths, i) => (i === vacancy ? Math.max(0, tenths - 10) : tenths));
  const tenths = (t: number) => (t / 10).toFixed(1);
  roles.forEach((role, i) => v.decimal('STAFF_FTE_FUNDED', tenths(funded[i] ?? 0), role));
  v.decimal('STAFF_FTE_FUNDED', tenths(funded.reduce((a, b) => a + b, 0)));
  roles.forEach((role, i) => v.decimal('STAFF_FTE_IN_POST', tenths(inPost[i] ?? 0), role));
  v.decimal('STAFF_FTE_IN_POST', tenths(inPost.reduce((a, b) => a + b, 0)));
  v.set('STAFF_VACANCIES', inPost.some((t, i) => t < funded[i]!) ? 1 : 0);

  // 2. Referrals and access
  const newUsers = z * rng.poisson(service.base * (1 + 0.03 * years) * season * ramp);
  const accepted = newUsers + z * rng.poisson(0.8);
  const notTakenUp = z * rng.poisson(Math.max(0.3, accepted * 0.2));
  const received = accepted + notTakenUp;
  v.cells('REF_RECEIVED', 'REFERRAL_SOURCE', rng.split(received, [30, 25, 12, 12, 6, 8, 3, 4]), true);
  v.set('REF_ACCEPTED', accepted);
  v.cells('REF_NOT_TAKEN_UP', 'NOT_TAKEN_UP_REASON', rng.split(notTakenUp, [35, 25, 30, 5, 5]), true);
  v.set('REF_CONTACTED_2WD', received - rng.binomial(received, 0.1));
  v.set('REF_WAITING_LIST', z * rng.poisson(service.base * 0.3));
  const therapy = service.issues.includes('PI-THERAPEUTIC');
  const median = noActivity ? 0 : therapy ? rng.int(18, 50) : rng.int(4, 26);
  v.set('REF_MEDIAN_DAYS_TO_FIRST_SESSION', median);
  v.set('REF_LONGEST_DAYS_TO_FIRST_SESSION', noActivity ? 0 : median + rng.int(3, 70));

  // 3. Children and young people supported
  v.set('NEW_USERS', newUsers);
  const ages = rng.split(newUsers, ageWeights(service));
  const genderWeights = [1 - service.boyShare - 0.04, service.boyShare, 0.025, 0.015];
  const genders = breakdownOptions('GENDER').map((o) => o.code);
  breakdownOptions('AGE_BAND').forEach((age, i) => {
    const split = rng.split(ages[i] ?? 0, genderWeights);
    genders.forEach((gender, g) => v.set('NEW_USERS_AGE_GENDER', split[g]!, breakdownKey(age.code, gender)));
  });
  v.cells('NEW_USERS_ETHNICITY', 'ETHNICITY', rng.split(newUsers, [2.5, 1, 3.5, 84, 1, 8]), false);
  v.cells('NEW_USERS_DISABILITY', 'DISABILITY', rng.split(newUsers, [20, 62, 18]), false);
  v.set('NEW_USERS_LOOKED_AFTER', rng.binomial(newUsers, 0.14));
  v.set('NEW_USERS_CP_CIN', rng.binomial(newUsers, 0.3));
  v.set('NEW_USERS_MISSING', rng.binomial(newUsers, service.contexts[2]! > 3 ? 0.4 : 0.12));
  v.set('NEW_USERS_SEND', rng.binomial(newUsers, 0.22));
  v.set('NEW_USERS_NOT_IN_EDUCATION', rng.binomial(newUsers, service.issues.includes('PI-EDUCATION') ? 0.55 : 0.12));
  const caseload = z * Math.round(newUsers * rng.between(2.1, 2.8) + rng.int(0, 3));
  v.set('CASELOAD_OPEN', caseload);
  v.set('FAMILY_MEMBERS_SUPPORTED', z * (rng.binomial(newUsers, 0.6) + rng.poisson(1)));

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
  v.set('ONWARD_REFERRALS', z * rng.poisson(newUsers / 4));

  // 6. Cases closed and outcomes
  const closed = z * Math.round(newUsers * rng.between(0.7, 1.1));
  v.cells('CLOSED_TOTAL', 'CLOSURE_REASON', rng.split(closed, [60, 15, 12, 5, 4, 4]), true);
  const withOutcome = closed - rng.binomial(closed, 0.12);
  v.set('CLOSED_WITH_OUTCOME', withOutcome);
  for (const domain of OUTCOME_DOMAINS) {
    const assessed = domain.code === 'CJS_PARTICIPATION' ? rng.binomial(withOutcome, 0.35) : withOutcome - rng.int(0, Math.min(2, withOutcome));
    v.set(`${domain.prefix}_ASSESSED`, assessed);
    v.set(`${domain.prefix}_IMPROVED`, rng.binomial(assessed, rng.between(0.6, 0.9)));
  }

  // 7. Narrative
  if (noActivity) {
    v.text('NARR_ACHIEVEMENTS', 'A quarter without direct delivery: staff recruited and trained, partnership agreements signed.');
    v.text('NARR_BARRIERS', 'None: no delivery was planned this quarter.');
    v.text('NARR_EMERGING_THEMES', 'None yet.');
    v.text('NARR_RISKS', 'Engagement may be slow to build; we will work through partners.');
    v.text('NARR_CASE_STUDY', 'Not applicable: no direct delivery this quarter.');
  } else {
    v.text('NARR_ACHIEVEMENTS', rng.pick(NARRATIVE.achievements));
    v.text('NARR_BARRIERS', rng.pick(NARRATIVE.barriers));
    v.text('NARR_EMERGING_THEMES', rng.pick(NARRATIVE.themes));
    v.text('NARR_RISKS', rng.pick(NARRATIVE.risks));
    v.text('NARR_CASE_STUDY', rng.pick(NARRATIVE.caseStudies));
    if (rng.chance(0.3)) v.text('NARR_HELP_NEEDED', rng.pick(NARRATIVE.help));
  }

  // 8. Finance
  const quarterPence = quarterSpend(seed, service, period);
  const ytdPence = quarterPence.map(() => 0);
  for (let q = 1; q <= period.quarter; q += 1) {
    quarterSpend(seed, service, { financialYear: period.financialYear, quarter: q as Quarter }).forEach((p, i) => (ytdPence[i]! += p));
  }
  const sourcesOrder = breakdownOptions('FUNDING_SOURCE').map((o) => o.code);
  sourcesOrder.forEach((code, i) => v.decimal('FIN_SPEND_QUARTER', pounds(quarterPence[i]!), code));
  v.decimal('FIN_SPEND_QUARTER', pounds(quarterPence.reduce((a, b) => a + b, 0)));
  sourcesOrder.forEach((code, i) => v.decimal('FIN_SPEND_YTD', pounds(ytdPence[i]!), code));
  v.decimal('FIN_SPEND_YTD', pounds(ytdPence.reduce((a, b) => a + b, 0)));
  const remaining = contractMonths(service, addDays(period.endDate, 1), fyEnd(period.financialYear));
  const forecast = ytdPence.reduce((a, b) => a + b, 0) + Math.round(((service.annualPence * remaining) / 12) * rng.between(0.97, 1.03));
  v.decimal('FIN_FORECAST_OUTTURN', pounds(forecast));

  // Modules
  const issues = new Set(service.issues);
  if (issues.has('PI-TRANSITION')) {
    const turned18 = z * rng.poisson(1.2);
    const weights = ageWeights(service);
    const adultShare = (weights[5]! + weights[6]!) / weights.reduce((a, b) => a + b, 0);
    v.set('TRN_YOUNG_ADULTS_SUPPORTED', z * Math.max(rng.int(0, 3), Math.round(caseload * adultShare)));
    v.set('TRN_TURNED_18', turned18);
    v.set('TRN_PLANS_AGREED', rng.binomial(turned18, 0.75));
    v.set('TRN_ADULT_SERVICES_HANDOVERS', z * rng.poisson(0.8));
  }
  if (issues.has('PI-THERAPEUTIC')) {
    const therapySessions = v.get('SESSIONS_DELIVERED', 'THERAPY') + v.get('SESSIONS_DELIVERED', 'FAMILY');
    const practitioners = Math.ceil(((service.staff.THERAPIST ?? 0) + (service.staff.PRACTITIONER ?? 0) + (service.staff.ISVA ?? 0)) / 10) + rng.int(0, 1);
    v.set('THR_CYP_IN_THERAPY', Math.min(caseload, Math.round(therapySessions / rng.between(4, 7))));
    v.set('THR_SESSIONS', therapySessions);
    v.set('THR_MEDIAN_WAIT_DAYS', noActivity ? 0 : rng.int(10, 60));
    v.set('THR_PRACTITIONERS', practitioners);
    v.set('THR_PRACTITIONERS_TRAINED', practitioners - rng.int(0, Math.min(1, practitioners)));
  }
  if (issues.has('PI-EDUCATION')) {
    const reached = z * rng.poisson(8);
    v.set('EDU_CYP_REACHED', reached);
    v.set('EDU_RSE_SESSIONS', z * rng.poisson(5));
    v.set('EDU_RSE_PARTICIPANTS', rng.binomial(reached, 0.7));
  }
  if (issues.has('PI-OUT-OF-SCHOOL')) {
    const settings = z * rng.poisson(8);
    const headcount = settings * rng.int(5, 15);
    v.cells('OOS_SETTINGS_ENGAGED', 'SETTING_TYPE', rng.split(settings, [5, 2, 2, 3, 3, 1, 1, 0.2]), true);
    v.set('OOS_STAFF_HEADCOUNT', headcount);
    v.set('OOS_STAFF_TRAINED', Math.round(headcount * rng.between(0.3, 0.65)));
    v.set('OOS_CONFIDENCE_IMPROVED_PCT', noActivity ? 0 : rng.int(65, 97));
  }
  if (issues.has('PI-BUSINESS')) {
    const businesses = z * rng.poisson(7);
    v.cells('BUS_ENGAGED', 'BUSINESS_SECTOR', rng.split(businesses, [4, 2, 3, 1, 2, 3, 1, 0.2]), true);
    v.set('BUS_STAFF_TRAINED', z * rng.int(5, 60));
    v.set('BUS_INTEL_SUBMISSIONS', z * rng.poisson(2));
  }
  if (issues.has('PI-SOCIAL-MEDIA')) {
    const reports = z * rng.poisson(9);
    v.set('SOC_REPORTS_TO_PLATFORMS', reports);
    v.set('SOC_CONTENT_REMOVED', rng.binomial(reports, 0.6));
    v.set('SOC_MEDIAN_RESPONSE_DAYS', noActivity ? 0 : rng.int(1, 15));
  }
  if (issues.has('PI-TRAFFICKING')) {
    v.set('TRF_CCE_CSE_OVERLAP', z * rng.poisson(3));
    v.set('TRF_NRM_REFERRALS', z * rng.poisson(1.5));
    v.set('TRF_COUNTY_LINES_CASES', z * rng.poisson(4));
  }
  if (issues.has('PI-ONLINE')) {
    const onlineSessions = z * rng.poisson(9);
    v.set('ONL_AWARENESS_SESSIONS', onlineSessions);
    v.cells('ONL_PEOPLE_REACHED', 'AUDIENCE', rng.split(onlineSessions * rng.int(8, 25), [60, 20, 18, 2]), true);
    v.set('ONL_HARM_REFERRALS', z * rng.poisson(3));
  }
  return { values: v, noActivity };
}

/**
 * Runs the template's checks (the portal's own engine) on a generated return; writes the comment a provider must
 * write for each failed SOFT check; throws if a HARD check fails (a bug in the generator).
 */
function settleChecks(
  service: ServicePlan,
  period: PeriodPlan,
  current: ValueSet,
  previous: ValueSet | null,
  targets: TargetPlan[],
): void {
  const measures = measuresOf(service.issues);
  const context = {
    measures,
    previous: previous ? valuesFrom(previous.rows()) : null,
    targets: targets
      .filter((t) => t.financialYear === period.financialYear)
      .map((t) => ({ measureCode: t.measure, quarter: t.quarter, value: t.value })),
    quarter: period.quarter,
  };
  const results = runChecks(CHECK_DEFINITIONS, { ...context, values: valuesFrom(current.rows()) });
  const hard = results.filter((r) => r.severity === 'HARD' && r.status === 'failed');
  if (hard.length) {
    throw new Error(`Volume generator bug: ${service.reference} ${period.label} fails ${hard.map((r) => r.code).join(', ')}`);
  }
  for (const result of results) {
    if (result.severity !== 'SOFT' || result.status !== 'failed') continue;
    const check = CHECK_DEFINITIONS.find((c) => c.code === result.code)!;
    const rule = check.rule;
    if (rule.type === 'changeVsLastQuarter') {
      const up = current.get(rule.measure) > (previous?.get(rule.measure) ?? 0);
      current.comment(rule.measure, up ? SOFT_COMMENTS.changeUp! : SOFT_COMMENTS.changeDown!);
    } else if (rule.type === 'minRatio') {
      current.comment(typeof rule.numerator === 'string' ? rule.numerator : rule.numerator.measure, SOFT_COMMENTS.coverage!);
    } else if (rule.type === 'targetMet') {
      for (const code of result.measures) {
        current.comment(code, measures.get(code)?.direction === 'LOWER_IS_BETTER' ? SOFT_COMMENTS.targetDown! : SOFT_COMMENTS.targetUp!);
      }
    } else if (result.explainedBy) {
      current.comment(result.explainedBy, 'Checked with our case management system: the figure is correct.');
    }
  }
  const after = runChecks(CHECK_DEFINITIONS, { ...context, values: valuesFrom(current.rows()) });
  const blocking = blockingFailures(after);
  if (blocking.length) {
    throw new Error(`Volume generator bug: ${service.reference} ${period.label} still blocked by ${blocking.map((r) => r.code).join(', ')}`);
  }
}

// =====================================================================================================================
// The workflow of each return
// =====================================================================================================================

type ReturnStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REOPENED';
export const RETURN_STATUSES: readonly ReturnStatus[] = ['APPROVED', 'SUBMITTED', 'RETURNED', 'IN_PROGRESS', 'NOT_STARTED', 'REOPENED'];

/** Shares of each status by how many quarters ago the period ended (0: the latest ended quarter). */
const STATUS_SHARES: Record<'latest' | 'previous' | 'older', [ReturnStatus, number][]> = {
  latest: [
    ['APPROVED', 58],
    ['SUBMITTED', 14],
    ['RETURNED', 7],
    ['IN_PROGRESS', 9],
    ['NOT_STARTED', 7],
    ['REOPENED', 5],
  ],
  previous: [
    ['APPROVED', 91],
    ['SUBMITTED', 3],
    ['RETURNED', 2],
    ['IN_PROGRESS', 1],
    ['NOT_STARTED', 1],
    ['REOPENED', 2],
  ],
  older: [
    ['APPROVED', 98.6],
    ['SUBMITTED', 0.3],
    ['RETURNED', 0.2],
    ['IN_PROGRESS', 0.1],
    ['NOT_STARTED', 0.1],
    ['REOPENED', 0.7],
  ],
};

/**
 * `count` items dealt by quota (so every kind is there once there are as many items as kinds): shares rounded by
 * largest remainder, at least one of each, in a seeded order.
 */
function byQuota<T>(seed: number, key: string, count: number, shares: readonly (readonly [T, number])[]): T[] {
  const total = shares.reduce((a, [, w]) => a + w, 0);
  const quota = apportion(count, shares.map(([, w]) => (count * w) / total));
  if (count >= shares.length) {
    for (let i = 0; i < quota.length; i += 1) {
      if (quota[i] === 0) {
        quota[i] = 1;
        quota[quota.indexOf(Math.max(...quota))]! -= 1;
      }
    }
  }
  const items = shares.flatMap(([item], i) => Array<T>(quota[i]!).fill(item));
  const rng = new Rng(seed, key);
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const RETURNED_REASONS = [
  'Please check the waiting list figure against your case system and add a comment explaining the change.',
  'Spend by funding source does not match the grant claim for the same period: please check the split.',
  'Most new service users are recorded with ethnicity "Not known": please check your case system.',
];
const REOPENED_REASONS = [
  'The provider has since confirmed the ethnicity of young people recorded as "Not known"; reopened so the figures can be corrected.',
  'Reopened at the provider\'s request: closed cases were counted twice in the case system extract.',
];

// =====================================================================================================================
// Loading
// =====================================================================================================================

const TABLES_WRITTEN = [
  'organisation',
  'organisation_contact',
  'organisation_area',
  'app_user',
  'commissioned_service',
  'service_status_change',
  'service_priority_issue',
  'service_harm_type',
  'service_forum',
  'service_area',
  'service_funding',
  'service_initiative',
  'initiative_funding',
  'target',
  'reporting_period',
  'return_template',
  'performance_return',
  'return_version',
  'return_value',
] as const;

/**
 * A bulk load into an EMPTY table is much faster without its indexes and foreign keys, built once at the end
 * (what pg_restore does). For the big tables, when they are empty and the role owns them: remember the definitions,
 * drop them, and recreate them after the load - in the same transaction, so a failure leaves the schema as it was.
 */
const DEFERRED_TABLES = ['performance_return', 'return_version', 'return_value'] as const;

interface DeferredDefinitions {
  constraints: { table: string; name: string; definition: string; foreign: boolean }[];
  indexes: { name: string; definition: string }[];
}

async function deferIndexes(client: pg.Client): Promise<DeferredDefinitions | null> {
  const empty = await client.query<{ empty: boolean }>(
    `SELECT ${DEFERRED_TABLES.map((t) => `NOT EXISTS (SELECT 1 FROM "${t}")`).join(' AND ')} AS empty`,
  );
  if (!empty.rows[0]?.empty) return null;
  const tables = [...DEFERRED_TABLES];
  // Constraints of these tables (primary keys, foreign keys) and foreign keys of other tables that point at them.
  const constraints = (
    await client.query<{ table: string; name: string; definition: string; type: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.contype AS type
         FROM pg_constraint c
        WHERE c.contype IN ('p', 'f')
          AND (c.conrelid::regclass::text = ANY($1) OR (c.contype = 'f' AND c.confrelid::regclass::text = ANY($1)))`,
      [tables.map((t) => `"${t}"`).concat(tables)],
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [tables.map((t) => `"${t}"`).concat(tables)],
    )
  ).rows;
  const foreign = constraints.filter((c) => c.type === 'f');
  const primary = constraints.filter((c) => c.type === 'p');
  for (const c of foreign) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  for (const c of primary) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  return {
    constraints: [...primary, ...foreign].map((c) => ({ table: c.table, name: c.name, definition: c.definition, foreign: c.type === 'f' })),
    indexes,
  };
}

async function restoreIndexes(client: pg.Client, deferred: DeferredDefinitions): Promise<void> {
  await client.query("SELECT set_config('maintenance_work_mem', '256MB', true)");
  for (const c of deferred.constraints.filter((c) => !c.foreign)) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition}`);
  for (const i of deferred.indexes) await client.query(i.definition);
  for (const c of deferred.constraints.filter((c) => c.foreign)) await client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition}`);
}

class Loader {
  readonly stats = new Map<string, TableStat>();
  private pending: Promise<unknown>[] = [];
  /** COPY statements run one after the other: each is sent when the one before it is done (pg 9 will refuse a
   *  query sent while another is running), while the caller carries on generating the next rows. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.Client) {}

  /** Queues the buffer's rows for COPY. */
  send(buffer: CopyBuffer): void {
    const { data, rows } = buffer.take();
    if (rows === 0) return;
    const stat = this.stats.get(buffer.table) ?? { table: buffer.table, rows: 0, ms: 0 };
    this.stats.set(buffer.table, stat);
    const copy = this.tail.then(() => copyFrom(this.client, buffer.table, buffer.columns, data)).then((result) => {
      stat.rows += result.rows;
      stat.ms += result.ms;
    });
    copy.catch(() => {}); // reported by drain(); not an unhandled rejection meanwhile
    this.tail = copy;
    this.pending.push(copy);
  }

  /** Waits until at most `keep` COPY statements are still queued (bounds memory). */
  async drain(keep = 0): Promise<void> {
    while (this.pending.length > keep) await this.pending.shift();
  }
}

interface ReferenceIds {
  measure: Map<string, string>;
  issue: Map<string, string>;
  harm: Map<string, string>;
  forum: Map<string, string>;
  area: Map<string, string>;
  initiative: Map<string, string>;
  period: Map<string, string>;
  templateId: string;
}

async function referenceIds(client: pg.Client): Promise<ReferenceIds> {
  const map = async (sql: string) => new Map((await client.query<{ k: string; id: string }>(sql)).rows.map((r) => [r.k, r.id]));
  const template = await client.query<{ id: string }>('SELECT id FROM return_template WHERE code = $1 AND version = $2', [
    DEFAULT_TEMPLATE.code,
    DEFAULT_TEMPLATE.version,
  ]);
  if (!template.rows[0]) throw new Error('The DEFAULT return template is missing: the reference data was not loaded.');
  return {
    measure: await map('SELECT code AS k, id FROM measure'),
    issue: await map('SELECT code AS k, id FROM priority_issue'),
    harm: await map('SELECT code AS k, id FROM harm_type'),
    forum: await map('SELECT code AS k, id FROM partnership_forum'),
    area: await map('SELECT code AS k, id FROM area'),
    initiative: await map('SELECT name AS k, id FROM initiative'),
    period: await map("SELECT financial_year || '-' || quarter AS k, id FROM reporting_period"),
    templateId: template.rows[0].id,
  };
}

const need = (map: Map<string, string>, key: string, what: string) => {
  const id = map.get(key);
  if (!id) throw new Error(`The volume dataset needs the ${what} ${key}: load the reference data first.`);
  return id;
};

/**
 * Generates the dataset into the database (migrated, with the reference data), in one transaction, and records it in
 * volume.dataset. Use ensureVolume: it checks the database first.
 */
export async function generateVolume(
  connectionString: string,
  params: VolumeParams,
  options: { password: string; log?: (line: string) => void },
): Promise<VolumeSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const periods = planPeriods(params);
  const ended = periods.filter((p) => p.age >= 0);
  const latest = ended[ended.length - 1];
  const providers = planProviders(params);
  const windowStart = periods[0]!.startDate;
  const services = planServices(params, providers, windowStart);
  const firstYear = periods[0]!.financialYear;
  const lastYear = periods[periods.length - 1]!.financialYear;
  const passwordHash = await hashPassword(options.password);

  const client = new pg.Client({ connectionString });
  await client.connect();
  const loader = new Loader(client);
  let auditTriggers: VolumeSummary['auditTriggers'] = 'app.audit off';
  const statuses: Record<string, number> = Object.fromEntries(RETURN_STATUSES.map((s) => [s, 0]));
  let returnCount = 0;
  let valueCount = 0;
  let versionCount = 0;
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.audit', 'off', true), set_config('synchronous_commit', 'off', true)");
    // Row triggers still fire with app.audit off (and build each row's JSON first): switch them off for this
    // transaction when the role may (it owns the tables: the embedded database's role does).
    try {
      await client.query('SAVEPOINT triggers');
      for (const table of TABLES_WRITTEN) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_audit"`);
      await client.query('RELEASE SAVEPOINT triggers');
      auditTriggers = 'disabled';
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT triggers');
    }
    let deferred: DeferredDefinitions | null = null;
    try {
      await client.query('SAVEPOINT indexes');
      deferred = await deferIndexes(client);
      await client.query('RELEASE SAVEPOINT indexes');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT indexes');
    }
    if (deferred) log(`indexes: ${deferred.indexes.length} indexes and ${deferred.constraints.length} keys of ${DEFERRED_TABLES.join(', ')} built after the load`);
    log(
      auditTriggers === 'disabled'
        ? 'audit: a volume load is not a user action - audit triggers disabled for this transaction (app.audit = off)'
        : 'audit: a volume load is not a user action - app.audit = off for this transaction (the role cannot disable triggers)',
    );

    // Reporting periods the reference data does not have; the template's effective date.
    const periodBuffer = new CopyBuffer('reporting_period', ['financial_year', 'quarter', 'label', 'start_date', 'end_date', 'opens_on', 'due_date', 'locks_on']);
    const existing = new Set((await client.query<{ k: string }>("SELECT financial_year || '-' || quarter AS k FROM reporting_period")).rows.map((r) => r.k));
    for (const p of periods) {
      if (!existing.has(`${p.financialYear}-${p.quarter}`)) {
        periodBuffer.add(p.financialYear, p.quarter, p.label, p.startDate, p.endDate, p.opensOn, p.dueDate, p.locksOn);
      }
    }
    loader.send(periodBuffer);
    await loader.drain();
    const ids = await referenceIds(client);
    const periodId = (p: PeriodPlan) => need(ids.period, `${p.financialYear}-${p.quarter}`, 'reporting period');
    const moved = await client.query(
      `UPDATE return_template t SET effective_from_id = $1
         FROM reporting_period current, reporting_period first
        WHERE t.id = $2 AND current.id = t.effective_from_id AND first.id = $1
          AND (first.financial_year, first.quarter) < (current.financial_year, current.quarter)`,
      [periodId(periods[0]!), ids.templateId],
    );
    if (moved.rowCount) log(`template: DEFAULT v${DEFAULT_TEMPLATE.version} now effective from ${periods[0]!.label} (the start of the history)`);

    // The OPCC and its staff (reused when there), providers and their users.
    await client.query(
      `INSERT INTO organisation (id, kind, name, slug, type, email, updated_at, created_at)
       SELECT $1::uuid, 'OPCC'::"OrganisationKind", $2::text, 'opcc', 'OTHER'::"OrganisationType", 'info@opcc.example', $3::timestamptz, $3::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM organisation WHERE kind = 'OPCC')
       ON CONFLICT DO NOTHING`,
      [volumeId(params.seed, 'organisation:opcc'), OPCC_NAME, at(addDays(windowStart, -60))],
    );
    const opccId = (await client.query<{ id: string }>("SELECT id FROM organisation WHERE kind = 'OPCC' ORDER BY created_at, id LIMIT 1")).rows[0]?.id;
    if (!opccId) throw new Error('Could not create or find the OPCC organisation (its name or slug is taken by another organisation).');
    await client.query(
      `INSERT INTO app_user (id, email, name, role, organisation_id, password_hash, created_at, updated_at)
       SELECT id, email, name, role::"Role", $5::uuid, $6::text, $7::timestamptz, $7::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, email, name, role)
       ON CONFLICT (email) DO NOTHING`,
      [
        STAFF.map((s) => volumeId(params.seed, `user:${s.email}`)),
        STAFF.map((s) => s.email),
        STAFF.map((s) => s.name),
        STAFF.map((s) => s.role),
        opccId,
        passwordHash,
        at(addDays(windowStart, -60)),
      ],
    );
    const staffId = new Map(
      (await client.query<{ email: string; id: string }>('SELECT email, id FROM app_user WHERE email = ANY($1)', [STAFF.map((s) => s.email)])).rows.map(
        (r) => [r.email, r.id],
      ),
    );
    const staff = (key: string) => staffId.get(STAFF.find((s) => s.key === key)!.email)!;

    const created = at(addDays(windowStart, -90));
    const org = new CopyBuffer('organisation', ['id', 'kind', 'name', 'slug', 'type', 'registered_number', 'email', 'phone', 'address', 'website', 'created_at', 'updated_at']);
    const contacts = new CopyBuffer('organisation_contact', ['id', 'organisation_id', 'name', 'job_title', 'email', 'phone', 'is_primary', 'created_at']);
    const orgAreas = new CopyBuffer('organisation_area', ['organisation_id', 'area_id']);
    const users = new CopyBuffer('app_user', ['id', 'email', 'name', 'role', 'organisation_id', 'password_hash', 'created_at', 'updated_at']);
    providers.forEach((p, i) => {
      const phone = `0191 498 ${String(1000 + i).slice(-4)}`;
      org.add(p.id, 'PROVIDER', p.name, p.slug, p.type, String(1_100_000 + i * 37), `enquiries@${p.slug}.example`, phone, `${i + 1} Market Street, Durham`, `https://${p.slug}.example`, created, created);
      for (const c of p.contacts) {
        contacts.add(c.id, p.id, c.name, c.jobTitle, `${slugify(c.name).replaceAll('-', '.')}@${p.slug}.example`, phone, c.primary, created);
      }
      for (const code of p.areas) orgAreas.add(p.id, need(ids.area, code, 'area'));
      users.add(p.userId, p.email, p.userName, 'PROVIDER', p.id, passwordHash, created, created);
    });
    for (const buffer of [org, contacts, orgAreas, users]) loader.send(buffer);

    // Services and what hangs off them.
    const svc = new CopyBuffer('commissioned_service', [
      'id', 'reference', 'title', 'description', 'provider_id', 'lead_officer_id', 'status', 'start_date', 'end_date',
      'annual_value', 'total_value', 'cohort_min_age', 'cohort_max_age', 'risk_rating', 'risk_reason', 'created_at', 'updated_at',
    ]);
    const statusChanges = new CopyBuffer('service_status_change', ['id', 'service_id', 'from_status', 'to_status', 'reason', 'new_end_date', 'changed_by_id', 'created_at']);
    const links = {
      issue: new CopyBuffer('service_priority_issue', ['service_id', 'priority_issue_id']),
      harm: new CopyBuffer('service_harm_type', ['service_id', 'harm_type_id']),
      forum: new CopyBuffer('service_forum', ['service_id', 'forum_id']),
      area: new CopyBuffer('service_area', ['service_id', 'area_id']),
    };
    const funding = new CopyBuffer('service_funding', ['id', 'service_id', 'financial_year', 'source', 'amount']);
    const serviceInitiatives = new CopyBuffer('service_initiative', ['service_id', 'initiative_id', 'created_at']);
    const initiativeFunding = new CopyBuffer('initiative_funding', ['id', 'service_id', 'initiative_id', 'financial_year', 'amount']);
    const targetBuffer = new CopyBuffer('target', ['id', 'service_id', 'measure_id', 'financial_year', 'quarter', 'value', 'created_at', 'updated_at']);
    const targetsOf = new Map<number, TargetPlan[]>();
    for (const s of services) {
      const months = monthsBetween(s.startDate, s.endDate) + 1;
      const lastChange = s.status === 'ENDED' ? at(addDays(s.endDate, 1)) : s.status === 'PLANNED' ? s.awardedAt : at(s.startDate);
      svc.add(
        s.id, s.reference, s.title, s.description, s.provider.id, staff(s.lead), s.status, s.startDate, s.endDate,
        pounds(s.annualPence), pounds(Math.round((s.annualPence * months) / 12 / 100) * 100), s.cohort?.[0] ?? null, s.cohort?.[1] ?? null,
        s.risk?.rating ?? 'GREEN', s.risk?.reason ?? null, s.awardedAt, lastChange,
      );
      const officer = staff(s.lead);
      statusChanges.add(volumeId(params.seed, `status:${s.index}:planned`), s.id, null, 'PLANNED', 'Contract awarded after the commissioning panel.', null, officer, s.awardedAt);
      if (s.status !== 'PLANNED') {
        statusChanges.add(volumeId(params.seed, `status:${s.index}:active`), s.id, 'PLANNED', 'ACTIVE', 'Service started.', null, officer, at(s.startDate));
      }
      if (s.status === 'EXTENDED') {
        statusChanges.add(
          volumeId(params.seed, `status:${s.index}:extended`), s.id, 'ACTIVE', 'EXTENDED',
          'Extended by direct award while the service is re-commissioned; performance is good.', s.endDate, officer,
          at(addDays(s.originalEndDate!, -60), 14 * 60),
        );
      }
      if (s.status === 'ENDED') {
        statusChanges.add(volumeId(params.seed, `status:${s.index}:ended`), s.id, 'ACTIVE', 'ENDED', 'Contract ended as planned.', null, officer, at(addDays(s.endDate, 1)));
      }
      for (const code of s.issues) links.issue.add(s.id, need(ids.issue, code, 'priority issue'));
      for (const code of s.harms) links.harm.add(s.id, need(ids.harm, code, 'harm type'));
      for (const code of s.forums) links.forum.add(s.id, need(ids.forum, code, 'partnership forum'));
      for (const code of s.areas) links.area.add(s.id, need(ids.area, code, 'area'));
      const lastFundedYear = financialYearOf(s.endDate);
      for (let fy = Math.max(firstYear, financialYearOf(s.startDate)); fy <= lastFundedYear; fy += 1) {
        const rows = fundingFor(s, fy);
        for (const { source, pence } of rows) funding.add(volumeId(params.seed, `funding:${s.index}:${fy}:${source}`), s.id, fy, source, pounds(pence));
        const yearPence = rows.reduce((sum, r) => sum + r.pence, 0);
        for (const link of s.initiatives) {
          if (yearPence === 0) continue;
          const amount = Math.floor((yearPence * link.share) / 100) * 100;
          initiativeFunding.add(volumeId(params.seed, `initiative-funding:${s.index}:${link.name}:${fy}`), s.id, need(ids.initiative, link.name, 'initiative'), fy, pounds(amount));
        }
      }
      for (const link of s.initiatives) serviceInitiatives.add(s.id, need(ids.initiative, link.name, 'initiative'), at(s.startDate));
      const targets = targetsFor(s, Math.max(firstYear, financialYearOf(s.startDate)), lastYear);
      targetsOf.set(s.index, targets);
      for (const t of targets) {
        const when = at(`${t.financialYear}-03-20`);
        targetBuffer.add(volumeId(params.seed, `target:${s.index}:${t.measure}:${t.financialYear}:${t.quarter}`), s.id, need(ids.measure, t.measure, 'measure'), t.financialYear, t.quarter, t.value.toFixed(2), when, when);
      }
    }
    for (const buffer of [svc, statusChanges, ...Object.values(links), funding, serviceInitiatives, initiativeFunding, targetBuffer]) loader.send(buffer);

    // Returns, their versions and values: generated service by service, sent in chunks while the next is generated.
    const returns = new CopyBuffer('performance_return', [
      'id', 'service_id', 'period_id', 'template_id', 'status', 'version', 'no_activity', 'declaration_name',
      'submitted_at', 'submitted_by_id', 'reviewed_at', 'reviewed_by_id', 'returned_reason', 'reopened_reason', 'created_at', 'updated_at',
    ]);
    const versions = new CopyBuffer('return_version', ['id', 'return_id', 'number', 'status', 'snapshot', 'declaration_name', 'created_by_id', 'created_at']);
    const values = new CopyBuffer('return_value', ['return_id', 'measure_id', 'breakdown_key', 'numeric_value', 'text_value', 'comment', 'updated_by_id', 'updated_at']);
    const latestStatuses = latest
      ? byQuota(params.seed, 'latest-statuses', services.filter((s) => s.status !== 'PLANNED' && s.startDate <= latest.endDate && s.endDate >= latest.startDate).length, STATUS_SHARES.latest)
      : [];
    let latestNext = 0;
    const asOfMinus1 = addDays(params.asOf, -1);
    const lastMoment = Date.parse(`${asOfMinus1}T18:00:00.000Z`);

    for (const s of services) {
      if (s.status === 'PLANNED') continue;
      const included = measuresOf(s.issues);
      let previous: ValueSet | null = null;
      let quarterOfLife = 0;
      const reviewer = staff(s.lead);
      for (const p of ended) {
        if (!(s.startDate <= p.endDate && s.endDate >= p.startDate)) continue;
        const rng = new Rng(params.seed, `return:${s.index}:${p.index}`);
        const generated = generateValues(params.seed, s, p, quarterOfLife);
        settleChecks(s, p, generated.values, previous, targetsOf.get(s.index) ?? []);
        previous = generated.values;
        quarterOfLife += 1;

        let status: ReturnStatus =
          p.age === 0 ? latestStatuses[latestNext++]! : rng.weighted(p.age === 1 ? STATUS_SHARES.previous : STATUS_SHARES.older);
        // Dates: submitted around the due date (some late), reviewed a few days later; nothing after the as-of date.
        const late = rng.chance(p.age === 0 ? 0.12 : 0.16);
        let submitDate = addDays(p.dueDate, late ? rng.int(1, 25) : -rng.int(0, 12));
        if (submitDate < p.opensOn) submitDate = p.opensOn;
        const submittedMs = Date.parse(at(submitDate, rng.int(9 * 60, 17 * 60)));
        const reviewedMs = submittedMs + rng.int(1, 12) * 86_400_000 - rng.int(0, 5) * 3_600_000;
        const submitted = status !== 'NOT_STARTED' && status !== 'IN_PROGRESS';
        if (submitted && submittedMs > lastMoment) status = 'IN_PROGRESS';
        if ((status === 'APPROVED' || status === 'RETURNED' || status === 'REOPENED') && reviewedMs > lastMoment) status = 'SUBMITTED';
        statuses[status] = (statuses[status] ?? 0) + 1;

        const returnId = volumeId(params.seed, `return:${s.index}:${p.index}`);
        const opened = at(p.opensOn, 7 * 60);
        const isSubmitted = status !== 'NOT_STARTED' && status !== 'IN_PROGRESS';
        const isReviewed = status === 'APPROVED' || status === 'RETURNED' || status === 'REOPENED';
        const resubmitted = status === 'APPROVED' && rng.chance(0.05);
        const submittedAt = isSubmitted ? new Date(submittedMs).toISOString() : null;
        const reviewedAt = isReviewed ? new Date(reviewedMs).toISOString() : null;
        const reopenedMs = Math.min(lastMoment, reviewedMs + rng.int(5, 60) * 86_400_000);
        const inProgressMs = Math.min(lastMoment, Date.parse(opened) + rng.int(1, 20) * 86_400_000);
        const updatedAt =
          status === 'REOPENED' ? new Date(reopenedMs).toISOString()
          : reviewedAt ?? submittedAt ?? (status === 'IN_PROGRESS' ? new Date(inProgressMs).toISOString() : opened);
        const writes = { NOT_STARTED: 1, IN_PROGRESS: 3, SUBMITTED: 4, RETURNED: 5, APPROVED: resubmitted ? 9 : 5, REOPENED: 8 }[status];

        let list = [...generated.values.entries.values()].filter((e) => included.has(e.measure));
        if (status === 'IN_PROGRESS') list = list.filter((e) => PARTIAL_MEASURES.has(e.measure));
        if (status === 'NOT_STARTED') list = [];

        returns.add(
          returnId, s.id, periodId(p), ids.templateId, status, writes, generated.noActivity,
          isSubmitted ? s.provider.userName : null, submittedAt, isSubmitted ? s.provider.userId : null,
          reviewedAt, isReviewed ? reviewer : null,
          status === 'RETURNED' ? rng.pick(RETURNED_REASONS) : null, status === 'REOPENED' ? rng.pick(REOPENED_REASONS) : null,
          opened, updatedAt,
        );
        returnCount += 1;

        if (isSubmitted) {
          const snapshot = (versionStatus: ReturnStatus) =>
            JSON.stringify({
              schema: 1,
              service: s.reference,
              period: p.label,
              status: versionStatus,
              noActivity: generated.noActivity,
              declarationName: s.provider.userName,
              values: list.map((e) => ({ measureCode: e.measure, breakdownKey: e.key, value: e.value === null ? null : Number(e.value), text: e.text, comment: e.comment })),
            });
          const version = (number: number, versionStatus: ReturnStatus, by: string, when: string) => {
            versions.add(volumeId(params.seed, `version:${s.index}:${p.index}:${number}`), returnId, number, versionStatus, snapshot(versionStatus), versionStatus === 'SUBMITTED' ? s.provider.userName : null, by, when);
            versionCount += 1;
          };
          if (resubmitted) {
            version(1, 'SUBMITTED', s.provider.userId, new Date(submittedMs - rng.int(8, 12) * 86_400_000).toISOString());
            version(2, 'SUBMITTED', s.provider.userId, submittedAt!);
            version(3, 'APPROVED', reviewer, reviewedAt!);
          } else {
            version(1, 'SUBMITTED', s.provider.userId, submittedAt!);
            if (status === 'APPROVED' || status === 'REOPENED') version(2, 'APPROVED', reviewer, reviewedAt!);
          }
        }
        const valueTime = submittedAt ?? updatedAt;
        for (const e of list) {
          values.add(returnId, need(ids.measure, e.measure, 'measure'), e.key, e.value, e.text, e.comment, s.provider.userId, valueTime);
        }
        valueCount += list.length;
      }
      // Let the connection's messages through between services: the next COPY starts as soon as the last ends,
      // and each COPY's time is the database's, not the time spent generating meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      if (values.count >= 60_000) {
        loader.send(returns);
        loader.send(versions);
        loader.send(values);
        // Keep one chunk in flight while the next is generated.
        await loader.drain(3);
      }
    }
    loader.send(returns);
    loader.send(versions);
    loader.send(values);
    await loader.drain();
    if (deferred) {
      const building = performance.now();
      await restoreIndexes(client, deferred);
      log(`indexes: built in ${Math.round(performance.now() - building)} ms`);
    }

    if (auditTriggers === 'disabled') {
      for (const table of TABLES_WRITTEN) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${table}_audit"`);
    }
    await client.query('CREATE SCHEMA IF NOT EXISTS volume');
    await client.query(`CREATE TABLE IF NOT EXISTS volume.dataset (
      id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      generator_version int NOT NULL, seed int NOT NULL, years int NOT NULL, services int NOT NULL, as_of date NOT NULL,
      summary jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const tables = [...loader.stats.values()];
    const summary: VolumeSummary = {
      params,
      tables,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      ms: 0,
      auditTriggers,
      counts: { providers: providers.length, services: services.length, returns: returnCount, values: valueCount, versions: versionCount },
      statuses,
      firstPeriod: periods[0]!.label,
      lastPeriod: latest?.label ?? periods[0]!.label,
    };
    summary.ms = Math.round(performance.now() - started);
    await client.query(
      'INSERT INTO volume.dataset (generator_version, seed, years, services, as_of, summary) VALUES ($1, $2, $3, $4, $5, $6)',
      [VOLUME_GENERATOR_VERSION, params.seed, params.years, params.services, params.asOf, JSON.stringify(summary)],
    );
    await client.query('COMMIT');
    summary.ms = Math.round(performance.now() - started);
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// =====================================================================================================================
// What the database holds, and the one entry point
// =====================================================================================================================

export interface VolumeMarker {
  generatorVersion: number;
  seed: number;
  years: number;
  services: number;
  asOf: string;
}

export interface DatabaseContents {
  marker: VolumeMarker | null;
  organisations: number;
  services: number;
  returns: number;
}

export async function databaseContents(connectionString: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const hasMarker = (await client.query("SELECT to_regclass('volume.dataset') IS NOT NULL AS ok")).rows[0]?.ok === true;
    const marker = hasMarker
      ? (
          await client.query<VolumeMarker>(
            `SELECT generator_version AS "generatorVersion", seed, years, services, to_char(as_of, 'YYYY-MM-DD') AS "asOf" FROM volume.dataset`,
          )
        ).rows[0] ?? null
      : null;
    const migrated = (await client.query("SELECT to_regclass('public.organisation') IS NOT NULL AS ok")).rows[0]?.ok === true;
    if (!migrated) return { marker, organisations: 0, services: 0, returns: 0 };
    const counts = await client.query<{ organisations: string; services: string; returns: string }>(
      `SELECT (SELECT count(*) FROM organisation) AS organisations, (SELECT count(*) FROM commissioned_service) AS services,
              (SELECT count(*) FROM performance_return) AS returns`,
    );
    const row = counts.rows[0]!;
    return { marker, organisations: Number(row.organisations), services: Number(row.services), returns: Number(row.returns) };
  } finally {
    await client.end();
  }
}

export const sameParams = (marker: VolumeMarker, params: VolumeParams) =>
  marker.generatorVersion === VOLUME_GENERATOR_VERSION &&
  marker.seed === params.seed &&
  marker.years === params.years &&
  marker.services === params.services &&
  marker.asOf === params.asOf;

export class VolumeRefusedError extends Error {}

/** Migrations and the reference data (the portal's own code), as at every start-up. */
export async function prepareDatabase(connectionString: string, log: (line: string) => void = () => {}): Promise<void> {
  const { applied } = await migrate(connectionString, { log });
  if (applied.length) log(`migrations: applied ${applied.length}`);
  const prisma = createPrismaClient(connectionString, { max: 2 });
  try {
    await seedReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export function validateParams(params: VolumeParams): void {
  const problems: string[] = [];
  if (!Number.isInteger(params.years) || params.years < 0 || params.years > 20) problems.push('--years must be a whole number from 0 to 20');
  if (!Number.isInteger(params.services) || params.services < 1 || params.services > 5000) problems.push('--services must be a whole number from 1 to 5000');
  if (!Number.isInteger(params.seed) || params.seed < 0 || params.seed > 2 ** 31 - 1) problems.push('--seed must be a whole number from 0 to 2147483647');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(params.asOf) || Number.isNaN(Date.parse(params.asOf))) problems.push('--as-of must be a date, YYYY-MM-DD');
  else if (financialYearOf(params.asOf) - params.years < 2000) problems.push('--years reaches back before 2000/01');
  else if (financialYearOf(params.asOf) > 2032) problems.push('--as-of must be before April 2033 (the bank holidays the portal knows end in 2032)');
  if (problems.length) throw new VolumeRefusedError(problems.join('; '));
}

/** The as-of date when none is given: today in England. */
export const defaultAsOf = () => todayInLondon();

/**
 * Makes sure the database holds the volume dataset of these parameters: migrates and loads the reference data, then
 * generates unless it is there already. Refuses a database with other data (organisations, services or returns that
 * are not this volume dataset) unless `force`, and always refuses one holding a volume dataset of other parameters.
 */
export async function ensureVolume(
  connectionString: string,
  params: VolumeParams,
  options: { password: string; force?: boolean; log?: (line: string) => void },
): Promise<{ created: boolean; summary: VolumeSummary | null }> {
  validateParams(params);
  const log = options.log ?? (() => {});
  await prepareDatabase(connectionString, log);
  const contents = await databaseContents(connectionString);
  if (contents.marker) {
    if (sameParams(contents.marker, params)) return { created: false, summary: null };
    const m = contents.marker;
    throw new VolumeRefusedError(
      `This database already holds a volume dataset of other parameters (years ${m.years}, services ${m.services}, seed ${m.seed}, ` +
        `as of ${m.asOf}, generator v${m.generatorVersion}). Use another database (for the embedded one: --reset).`,
    );
  }
  if ((contents.organisations > 0 || contents.services > 0 || contents.returns > 0) && !options.force) {
    throw new VolumeRefusedError(
      `This database already holds data that is not a volume dataset (${contents.organisations} organisations, ${contents.services} services, ` +
        `${contents.returns} returns). Refusing to add 1 million rows to it. Use an empty database, or --force to write beside that data.`,
    );
  }
  const summary = await generateVolume(connectionString, params, options);
  await analyse(connectionString, log);
  return { created: true, summary };
}

/** VACUUM ANALYZE the tables written: the planner needs statistics, and a real database would have been vacuumed. */
export async function analyse(connectionString: string, log: (line: string) => void = () => {}): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`VACUUM (ANALYZE) ${TABLES_WRITTEN.map((t) => `"${t}"`).join(', ')}`);
  } finally {
    await client.end();
  }
  log(`vacuum analyze: ${Math.round(performance.now() - started)} ms`);
}

// =====================================================================================================================
// Helpers for the CLI and the benchmark
// =====================================================================================================================

const perSecond = (rows: number, ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms).toLocaleString('en-GB') : '-');

/** What a load did, for a terminal: counts, statuses, rows per second per table and overall. */
export function summaryLines(summary: VolumeSummary): string[] {
  const { counts, params } = summary;
  const lines = [
    `volume: ${counts.providers} providers, ${counts.services} services, ${counts.returns.toLocaleString('en-GB')} returns, ` +
      `${counts.values.toLocaleString('en-GB')} values, ${counts.versions.toLocaleString('en-GB')} versions ` +
      `(${summary.firstPeriod} to ${summary.lastPeriod}; seed ${params.seed}, as of ${params.asOf})`,
    `returns by status: ${Object.entries(summary.statuses).map(([status, n]) => `${status} ${n}`).join(', ')}`,
  ];
  const width = Math.max(5, ...summary.tables.map((t) => t.table.length));
  lines.push(`${'table'.padEnd(width)}  ${'rows'.padStart(10)}  ${'COPY ms'.padStart(8)}  ${'rows/s'.padStart(10)}`);
  for (const t of [...summary.tables].sort((a, b) => b.rows - a.rows)) {
    lines.push(
      `${t.table.padEnd(width)}  ${t.rows.toLocaleString('en-GB').padStart(10)}  ${Math.round(t.ms).toString().padStart(8)}  ${perSecond(t.rows, t.ms).padStart(10)}`,
    );
  }
  lines.push(
    `overall: ${summary.rows.toLocaleString('en-GB')} rows in ${(summary.ms / 1000).toFixed(1)} s = ${perSecond(summary.rows, summary.ms)} rows/s ` +
      '(generation, checks and COPY in one transaction)',
  );
  return lines;
}

/** The maintenance database ("postgres") on the same server as `url`. */
export function adminUrlOf(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

const quoteIdentifier = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Drops (with FORCE) and creates a database. Only for databases this tooling owns (embedded, bench). */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
