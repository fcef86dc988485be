// What each dashboard's export holds: ONE table definition per dashboard, made from the dashboard's own answer (the
// object its GraphQL root field resolves to, computed by the same function), so an export has the tables the page
// shows, with the same columns and the same figures. Nothing is worked out again here: a figure about people is the
// answer's `exportValue` (a number, or `[c]` when disclosure control suppressed or hid it, or blank when there is
// none); money is the answer's exact amount; the rest are the answer's whole numbers, dates and words.
// Pure: no Prisma, no GraphQL (the answers' types only).
import type { contractsEnding, coverage, headline, initiatives, timeliness } from '../types/dashboard-portfolio';
import type { dashboardOutcomes, dashboardReach, dashboardValueForMoney } from '../types/dashboard-outcomes';
import { DISCLOSURE_RULE_TEXT, ROUNDING_FOOTNOTE, SUPPRESSED_EXPORT } from './disclosure';
import { formatPounds } from './format';
import type { ExportCell, ExportColumn, ExportNote, ExportTable, ExportValue } from './export-files';

export type HeadlineAnswer = Awaited<ReturnType<typeof headline>>;
export type CoverageAnswer = Awaited<ReturnType<typeof coverage>>;
export type TimelinessAnswer = Awaited<ReturnType<typeof timeliness>>;
export type ContractsEndingAnswer = Awaited<ReturnType<typeof contractsEnding>>;
export type InitiativesAnswer = Awaited<ReturnType<typeof initiatives>>;
export type OutcomesAnswer = Awaited<ReturnType<typeof dashboardOutcomes>>;
export type ReachAnswer = Awaited<ReturnType<typeof dashboardReach>>;
export type ValueForMoneyAnswer = Awaited<ReturnType<typeof dashboardValueForMoney>>;

export const DASHBOARD_NAMES = [
  'HEADLINE',
  'COVERAGE',
  'TIMELINESS',
  'CONTRACTS_ENDING',
  'INITIATIVES',
  'OUTCOMES',
  'REACH',
  'VALUE_FOR_MONEY',
] as const;
export type DashboardName = (typeof DASHBOARD_NAMES)[number];

/** Each dashboard's page title (its h1) and the start of its file names ("reach-2025-26.csv"). */
export const DASHBOARD_EXPORTS: Record<DashboardName, { title: string; slug: string }> = {
  HEADLINE: { title: 'Portfolio headline', slug: 'headline' },
  COVERAGE: { title: 'Coverage of priority issues', slug: 'coverage' },
  TIMELINESS: { title: 'Timeliness of returns', slug: 'timeliness' },
  CONTRACTS_ENDING: { title: 'Contracts ending in the next 6 months', slug: 'contracts-ending' },
  INITIATIVES: { title: 'What initiatives delivered', slug: 'initiatives' },
  OUTCOMES: { title: 'Outcomes by domain', slug: 'outcomes' },
  REACH: { title: 'Reach: who the services supported', slug: 'reach' },
  VALUE_FOR_MONEY: { title: 'Value for money', slug: 'value-for-money' },
};

/** A dashboard's tables and the notes that belong to its figures (what the page says under "About these figures"). */
export interface DashboardTables {
  tables: ExportTable[];
  notes: ExportNote[];
}

// ---------------------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------------------

/** An answer's exportValue ("29", "[c]", "") as a cell: a number, the text [c], or blank. */
export function figure(exportValue: string): ExportValue {
  if (exportValue === '') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(exportValue)) return Number(exportValue);
  return exportValue;
}

/** An amount (exact: Prisma Decimal or Money text) as a money cell: decimal text, never a float. */
const pounds = (amount: { toFixed(digits: number): string } | string | null | undefined): ExportValue =>
  amount === null || amount === undefined ? null : typeof amount === 'string' ? amount : amount.toFixed(2);

/** A cost per person's exportValue: decimal text, `[c]`, or blank. */
const costFigure = (exportValue: string): ExportValue => (exportValue === '' ? null : exportValue);

const isoDate = (date: Date | string) => (date instanceof Date ? date.toISOString().slice(0, 10) : date.slice(0, 10));
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

const DATE_WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateInWords = (date: Date | string) => DATE_WORDS.format(new Date(`${isoDate(date)}T00:00:00Z`));

const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const count = (header: string): ExportColumn => ({ header, kind: 'count' });
const number = (header: string): ExportColumn => ({ header, kind: 'number' });
const money = (header: string): ExportColumn => ({ header, kind: 'money' });
const percent = (header: string): ExportColumn => ({ header, kind: 'percentage' });
const date = (header: string): ExportColumn => ({ header, kind: 'date' });

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
const note = (label: string, words: string | null | undefined): ExportNote[] => (words ? [{ label, text: words }] : []);

// ---------------------------------------------------------------------------------------------------------------
// One definition per dashboard
// ---------------------------------------------------------------------------------------------------------------

/** The headline's summary and the returns on time per quarter (the page's chart table, from dashboardTimeliness). */
export function headlineTables(answer: HeadlineAnswer, quarters: TimelinessAnswer): DashboardTables {
  const label = answer.filter.label;
  return {
    tables: [
      {
        name: 'Summary',
        caption: `Portfolio headline, ${label}`,
        columns: [
          number('Services running'),
          money('Annual investment (£)'),
          count('Children and young people supported'),
          text('Children supported: quarters covered'),
          number('Returns expected'),
          number('Returns received'),
          number('Returns on time'),
          percent('Returns on time (%)'),
        ],
        rows: [
          [
            answer.activeServices,
            pounds(answer.annualInvestment),
            figure(answer.childrenSupportedYearToDate.exportValue),
            answer.yearToDateLabel,
            answer.returnsExpected,
            answer.returnsReceived,
            answer.returnsOnTime,
            figure(answer.returnsOnTimePercentage.exportValue),
          ],
        ],
      },
      {
        name: 'Returns on time',
        caption: `Returns expected, received and on time, ${label}`,
        columns: [text('Quarter'), number('Expected'), number('Received'), number('On time')],
        rows: quarters.quarters.map((q) => [q.label, q.expected, q.received, q.onTime]),
      },
    ],
    notes: [
      {
        label: 'What is counted',
        text:
          'Services running: services in scope running at some time in the period. Annual investment: the financial ' +
          "year's funding of those services, every source. Children and young people supported: those who started " +
          'support in the quarters covered. Returns on time: first submitted on or before the due date, out of those ' +
          'expected for quarters whose due date has passed.',
      },
    ],
  };
}

export function coverageTables(answer: CoverageAnswer): DashboardTables {
  const label = answer.filter.label;
  const serviceWords = (service: CoverageAnswer['issues'][number]['services'][number]) =>
    `${service.reference}: ${service.title} (${service.providerName}, ${formatPounds(service.investment)})`;
  return {
    tables: [
      {
        name: 'Summary',
        caption: `Coverage of priority issues, ${label}`,
        columns: [money('Total investment (£)'), number('Priority issues with no service')],
        rows: [[pounds(answer.totalInvestment), answer.gapCount]],
      },
      {
        name: 'Priority issues',
        caption: `Priority issues and the services addressing them, ${label}`,
        columns: [text('Priority issue'), text('Code'), text('Services'), number('Number of services'), money('Investment (£)')],
        rows: answer.issues.map((issue) => [
          issue.title,
          issue.code,
          issue.gap ? 'No service' : issue.services.map(serviceWords).join('; '),
          issue.services.length,
          pounds(issue.investment),
        ]),
      },
      {
        name: 'Services by issue',
        caption: `Each service addressing each priority issue, ${label}`,
        columns: [text('Priority issue code'), text('Service reference'), text('Service title'), text('Provider'), money('Investment (£)')],
        rows: answer.issues.flatMap((issue) =>
          issue.services.map((service) => [issue.code, service.reference, service.title, service.providerName, pounds(service.investment)]),
        ),
      },
    ],
    notes: [
      {
        label: 'Investment',
        text:
          "Investment is each service's funding for the year from every source. A service addressing two priority issues " +
          "counts in both, so the issues' investment can add up to more than the total, which counts each service once.",
      },
    ],
  };
}

export function timelinessTables(answer: TimelinessAnswer): DashboardTables {
  return {
    tables: [
      {
        name: 'Timeliness',
        caption: `Completeness and timeliness of returns, ${answer.filter.label}`,
        columns: [
          text('Quarter'),
          date('Due date'),
          text('Due date passed'),
          number('Expected'),
          number('Received'),
          percent('Received (%)'),
          number('On time'),
          percent('On time (%)'),
          number('Late'),
          number('Not received'),
          number('Approved'),
          percent('Approved (%)'),
        ],
        rows: answer.quarters.map((q) => [
          q.label,
          isoDate(q.dueDate),
          yesNo(q.dueDatePassed),
          q.expected,
          q.received,
          figure(q.receivedPercentage.exportValue),
          q.onTime,
          figure(q.onTimePercentage.exportValue),
          q.late,
          q.notReceived,
          q.approved,
          figure(q.approvedPercentage.exportValue),
        ]),
      },
    ],
    notes: [
      {
        label: 'What is counted',
        text:
          'A return is expected from each service running in the quarter. On time: first submitted on or before the due ' +
          'date. Late: received, but first submitted after it. Percentages are out of the returns expected.',
      },
    ],
  };
}

const CONTRACT_STATUS: Record<string, string> = { ACTIVE: 'Active', EXTENDED: 'Extended' };

export function contractsEndingTables(answer: ContractsEndingAnswer): DashboardTables {
  const rows: ExportCell[][] = answer.contracts.map((c) => [
    c.reference,
    c.title,
    c.providerName,
    CONTRACT_STATUS[c.status] ?? c.status,
    isoDate(c.endDate),
    c.monthsLeft,
    c.daysLeft,
    pounds(c.annualValue),
  ]);
  rows.push(['Total', null, null, null, null, null, null, pounds(answer.totalAnnualValue)]);
  return {
    tables: [
      {
        name: 'Contracts ending',
        caption: `Contracts ending from ${dateInWords(answer.today)} to ${dateInWords(answer.until)}`,
        columns: [
          text('Service reference'),
          text('Service title'),
          text('Provider'),
          text('Status'),
          date('End date'),
          number('Months left'),
          number('Days left'),
          money('Annual value (£)'),
        ],
        rows,
        totalRows: 1,
      },
    ],
    notes: [
      {
        label: 'What is listed',
        text:
          'Active and extended services whose end date is from today to 6 months from today. The area, priority issue ' +
          'and provider in the filter apply; the financial year and quarter do not. Months left: whole calendar months ' +
          '(0: under a month).',
      },
    ],
  };
}

const INITIATIVE_STATUS: Record<string, string> = { ACTIVE: 'Active', PLANNED: 'Planned', CLOSED: 'Closed', PAUSED: 'Paused' };

export function initiativesTables(answer: InitiativesAnswer): DashboardTables {
  const label = answer.filter.label;
  return {
    tables: [
      {
        name: 'Initiatives',
        caption: `Initiatives, ${label}`,
        columns: [
          text('Initiative'),
          text('Status'),
          number('Services funded'),
          money('Funding (£)'),
          number('Sessions delivered'),
          count('New service users'),
        ],
        rows: answer.initiatives.map((i) => [
          i.name,
          INITIATIVE_STATUS[i.status] ?? i.status,
          i.services.length,
          pounds(i.funding),
          i.sessionsDelivered,
          figure(i.newServiceUsers.exportValue),
        ]),
      },
      {
        name: 'Services funded',
        caption: `Services funded by each initiative, ${label}`,
        columns: [
          text('Initiative'),
          text('Service reference'),
          text('Service title'),
          text('Provider'),
          money('Funding (£)'),
          number('Sessions delivered'),
          count('New service users'),
        ],
        rows: answer.initiatives.flatMap((i) =>
          i.services.map((s) => [
            i.name,
            s.reference,
            s.title,
            s.providerName,
            pounds(s.funding),
            s.sessionsDelivered,
            figure(s.newServiceUsers.exportValue),
          ]),
        ),
      },
    ],
    notes: [
      {
        label: 'What is counted',
        text:
          "Funding is the initiative's funding for the year. A service funded by two initiatives shows its whole delivery " +
          "under each. An initiative's total of new service users is worked out from the exact figures and then " +
          "controlled on its own, so it may not be the sum of its services' rows.",
      },
    ],
  };
}

export function outcomesTables(answer: OutcomesAnswer, targetsNote: string): DashboardTables {
  type Figures = OutcomesAnswer['domains'][number]['selection'];
  const row = (domain: string, period: string, f: Figures): ExportCell[] => [
    domain,
    period,
    yesNo(f.selected),
    figure(f.assessed.exportValue),
    figure(f.improved.exportValue),
    figure(f.percentImproved.exportValue),
    f.target?.assessed ?? null,
    f.target?.improved ?? null,
    f.target?.percentImproved ?? null,
  ];
  return {
    tables: [
      {
        name: 'Outcomes',
        caption: `People assessed and improved by outcome domain and quarter, ${answer.filter.label}`,
        columns: [
          text('Outcome domain'),
          text('Quarter'),
          text('Within the selection'),
          count('People assessed'),
          count('People improved'),
          percent('Improved (%)'),
          number('Target: people assessed'),
          number('Target: people improved'),
          percent('Target: improved (%)'),
        ],
        rows: answer.domains.flatMap((d) => [
          ...d.quarters.map((q) => row(capitalise(d.label), q.label, q)),
          row(capitalise(d.label), `Total, ${d.selection.label}`, d.selection),
        ]),
      },
    ],
    notes: [
      {
        label: 'What is counted',
        text:
          'For each outcome domain, the children assessed in the counted returns and those whose outcome improved. The ' +
          'trend shows the selected quarters and the 4 quarters before them that have ended ("Within the selection": No). ' +
          '% improved is people improved out of people assessed; a blank % has no one assessed, or more improved than assessed.',
      },
      { label: 'Targets', text: targetsNote },
    ],
  };
}

export function reachTables(answer: ReachAnswer): DashboardTables {
  const tables = [answer.byAge, answer.byGender, answer.byEthnicity];
  return {
    tables: tables.map((table) => ({
      name: table.characteristic,
      caption: table.title,
      columns: [text(table.characteristic), count('New service users')],
      rows: [...table.rows.map((r) => [r.label, figure(r.count.exportValue)]), ['Total', figure(table.total.exportValue)]],
      totalRows: 1,
    })),
    notes: [
      {
        label: 'What is counted',
        text:
          'New service users in the counted returns, by one protected characteristic at a time. Ages are grouped into ' +
          'the published bands (under 13, 13 to 17, 18 and over, not known); ethnicity uses the 2021 Census high-level ' +
          'groups. Each table and its total are worked out on their own.',
      },
      ...tables.flatMap((table) => note(`${table.characteristic} table`, table.disclosure ?? table.footnote)),
    ],
  };
}

const COST_BASIS: Record<string, string> = {
  SPEND: 'Spend reported in returns',
  FUNDING: "The year's funding (no spend reported)",
  NONE: 'No spend or funding to use',
  MIXED: 'Spend or funding, per service',
};

export function valueForMoneyTables(answer: ValueForMoneyAnswer, costBasisNote: string): DashboardTables {
  type Row = ValueForMoneyAnswer['total'];
  const figures = (r: Row): ExportCell[] => [
    pounds(r.costAmount as { toFixed(digits: number): string } | string | null),
    r.costAmount === null ? COST_BASIS.NONE! : (COST_BASIS[r.costBasis] ?? r.costBasis),
    figure(r.childrenSupported.exportValue),
    figure(r.improvedOutcomes.exportValue),
    costFigure(r.costPerChild.exportValue),
    costFigure(r.costPerImprovedOutcome.exportValue),
  ];
  const services = answer.services.length;
  return {
    tables: [
      {
        name: 'Value for money',
        caption: `Cost per child supported and per improved outcome, by service, ${answer.filter.label}`,
        columns: [
          text('Service reference'),
          text('Service title'),
          text('Provider'),
          money('Cost used (£)'),
          text('Cost basis'),
          count('Children supported'),
          count('Improved outcomes'),
          money('Cost per child supported (£)'),
          money('Cost per improved outcome (£)'),
        ],
        rows: [
          ...answer.services.map((r) => [r.reference, r.title, r.providerName, ...figures(r)]),
          [`Total (${services} ${services === 1 ? 'service' : 'services'})`, null, null, ...figures(answer.total)],
        ],
        totalRows: 1,
      },
    ],
    notes: [
      { label: 'Cost', text: costBasisNote },
      { label: 'Blank costs', text: 'A blank cost per person has no one to divide by, or no spend or funding to divide.' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The notes every export carries
// ---------------------------------------------------------------------------------------------------------------

export const EXACT_STATEMENT = 'Figures are exact: for OPCC officers; they must not be published without disclosure control.';
export const CONTROLLED_STATEMENT =
  `Counts of people are under disclosure control (rule CSA-SDC-1): 0 stays 0, 1 to 7 people are shown as ${SUPPRESSED_EXPORT}, ` +
  `other counts are rounded to the nearest 5. ${ROUNDING_FOOTNOTE}`;

export interface CoverNotes {
  /** What the file is: "Reach: who the services supported", "Returns data". */
  title: string;
  /** The filter as resolved, in words: [["Period", "2025/26"], ["Area", "Every area"], ...]. */
  filter: [string, string][];
  generatedAt: Date;
  generatedBy: string;
  controlled: boolean;
  /** The answer's own disclosure note (what control was applied to these figures), when any. */
  disclosure?: string | null;
  /** Notes about these figures (what the page says about them). */
  about: ExportNote[];
}

const GENERATED = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});

/** The notes sheet: what the file covers, when and by whom it was made, and the disclosure statement in words. */
export function coverNotes(cover: CoverNotes): ExportNote[] {
  const notes: ExportNote[] = [
    { label: 'File', text: cover.title },
    ...cover.filter.map(([label, words]) => ({ label, text: words })),
    { label: 'Generated', text: `${GENERATED.format(cover.generatedAt)} (UK time)` },
    { label: 'Generated by', text: cover.generatedBy },
  ];
  if (cover.controlled) {
    notes.push({ label: 'Disclosure control', text: CONTROLLED_STATEMENT });
    notes.push({ label: 'Rule CSA-SDC-1', text: DISCLOSURE_RULE_TEXT.join(' ') });
    notes.push({
      label: SUPPRESSED_EXPORT,
      text: `${SUPPRESSED_EXPORT} marks a figure withheld under disclosure control: a count of 1 to 7 people, or a percentage, average or cost per person based on too few people.`,
    });
  } else {
    notes.push({ label: 'Disclosure control', text: EXACT_STATEMENT });
  }
  notes.push(...note('About these figures', cover.disclosure));
  notes.push(...cover.about);
  notes.push({
    label: 'Numbers',
    text: 'Money is in pounds, to the penny. Percentages are whole percents (88 means 88%). A blank cell has no figure.',
  });
  return notes;
}
