// Disclosure control (rule CSA-SDC-1) reaches every figure of the API: this test enumerates the schema's number fields
// (every field of an object type whose type is Int, Float or BigInt, and every String field whose name says it holds a
// figure) and requires each to be classified in ONE table below, so that a new figure cannot reach the Commissioner
// without someone deciding whether it counts people:
//
// - PEOPLE_COUNT_TYPE: a part of PeopleCount, Percentage or Statistic (graphql/types/dashboard-filter.ts), the
//   dashboards' shapes, controlled by construction for the Commissioner.
// - CONTROLLED_FOR_COMMISSIONER: a figure of a return controlled by graphql/types/figure-control.ts. Each is queried
//   on a fixture approved return holding counts of people of 5 and 13: the Commissioner reads "fewer than 8" and
//   "15", the provider and OPCC officers 5 and 13.
// - NOT_FOR_COMMISSIONER: a working tool of officers and providers that quotes or reveals exact figures; the
//   Commissioner's query answers FORBIDDEN. (The table also holds such fields that the enumeration does not find:
//   comments beside figures, checks, query messages, the CSV template.)
// - NOT_ABOUT_PEOPLE: not a count of people, with the reason.
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { schema } from '../../graphql/schema';
import { peopleCount, percentage, statistic } from '../../graphql/types/dashboard-filter';
import { HIDDEN_WAITING_TIME_TEXT, RETURN_DISCLOSURE_NOTE } from '../../graphql/types/figure-control';
import { ReturnOverviewQuery } from '~/routes/returns.$id._index/operations.server';
import { ReturnCheckAnswersQuery } from '~/routes/returns.$id.check/operations.server';
import { SectionQuery } from '~/routes/returns.$id.sections.$section/operations.server';
import { ReturnCsvTemplateQuery } from '~/routes/returns.$id.template[.]csv/operations.server';
import { QueryThreadQuery } from '~/routes/queries.$id/operations.server';
import { QueriesListQuery } from '~/routes/queries._index/operations.server';
import { codes, execute, type GraphQLResponse } from '../helpers/api';
import {
  CELL_COMMENT,
  createPeopleCountFixture,
  LARGE,
  LARGE_CONTROLLED,
  PREVIOUS_COMMENT,
  QUERY_MESSAGE,
  REF_ACCEPTED_COMMENT,
  REF_RECEIVED_COMMENT,
  SMALL,
  SMALL_CONTROLLED,
  type PeopleCountFixture,
} from '../helpers/people-count-factories';

// ---------------------------------------------------------------------------------------------------------------
// The enumeration
// ---------------------------------------------------------------------------------------------------------------

const NUMBER_TYPES = new Set(['Int', 'Float', 'BigInt']);
/** String fields whose name says they hold a figure. */
const FIGURE_NAME = /value|before|after|current|previous|total|count|target/i;

/** Every "Type.field" of the schema that holds a number, or a figure as text. */
function figureFields(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const named = getNamedType(field.type).name;
      if (NUMBER_TYPES.has(named) || (named === 'String' && FIGURE_NAME.test(field.name))) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

// ---------------------------------------------------------------------------------------------------------------
// The classification: ONE table, four kinds
// ---------------------------------------------------------------------------------------------------------------

/** The dashboards' controlled shapes (graphql/types/dashboard-filter.ts): controlled by construction. */
const PEOPLE_COUNT_TYPE: Record<string, string> = {
  'PeopleCount.value': 'null when suppressed; rounded for the Commissioner (peopleCount)',
  'PeopleCount.exportValue': '"[c]" when suppressed',
  'Percentage.value': 'null when hidden; from rounded figures for the Commissioner (percentage)',
  'Percentage.exportValue': '"[c]" when hidden',
  'Statistic.value': 'null when fewer than 8 people are behind it (statistic, costPerPerson)',
  'Statistic.exportValue': '"[c]" when hidden',
};

type Shown = { value: string | null; controlled: boolean };
type Return = any;

const valueOf = (list: any[], code: string, key = ''): Shown => {
  const found = list.find((v) => v.measureCode === code && v.breakdownOption === key);
  if (!found) throw new Error(`No value ${code}[${key}]`);
  return { value: found.value, controlled: found.controlled };
};
const measureOf = (ret: Return, code: string) => {
  const found = ret.history.sections.flatMap((s: any) => s.measures).find((m: any) => m.code === code);
  if (!found) throw new Error(`No measure ${code} in the history`);
  return found;
};
const cellOf = (ret: Return, code: string, key: string): Shown => {
  const cell = measureOf(ret, code).cells.find((c: any) => c.breakdownOption === key);
  return { value: cell.value, controlled: cell.controlled };
};
const changeOf = (ret: Return, code: string) => {
  const found = ret.versionComparison.changes.find((c: any) => c.measureCode === code && c.breakdownOption === '');
  if (!found) throw new Error(`No change of ${code}`);
  return found;
};

/**
 * Figures of a return controlled for the Commissioner by graphql/types/figure-control.ts. `pick` reads, from the
 * answer to FIGURES on the fixture return, the field holding 5 and the field holding 13.
 */
const CONTROLLED_FOR_COMMISSIONER: Record<string, { pick: (ret: Return) => [Shown, Shown] }> = {
  'ReturnValue.value': {
    pick: (r) => [valueOf(r.values, 'REF_RECEIVED', 'POLICE'), valueOf(r.values, 'REF_RECEIVED', 'NOT_KNOWN')],
  },
  'ReturnVersionValue.value': {
    pick: (r) => {
      const approved = r.versions.at(-1).values;
      return [valueOf(approved, 'REF_RECEIVED', 'POLICE'), valueOf(approved, 'REF_RECEIVED', 'NOT_KNOWN')];
    },
  },
  'ReturnValueChange.before': {
    pick: (r) => {
      const change = changeOf(r, 'REF_ACCEPTED');
      return [{ value: change.before, controlled: change.controlled }, { value: change.after, controlled: change.controlled }];
    },
  },
  'ReturnValueChange.after': {
    pick: (r) => {
      const change = changeOf(r, 'REF_ACCEPTED');
      return [{ value: change.before, controlled: change.controlled }, { value: change.after, controlled: change.controlled }];
    },
  },
  'ReturnHistoryMeasure.current': {
    pick: (r) => {
      const small = measureOf(r, 'CASELOAD_OPEN');
      const large = measureOf(r, 'FAMILY_MEMBERS_SUPPORTED');
      return [{ value: small.current, controlled: small.controlled }, { value: large.current, controlled: large.controlled }];
    },
  },
  'ReturnHistoryMeasure.previous': {
    pick: (r) => {
      const small = measureOf(r, 'REF_RECEIVED');
      const large = measureOf(r, 'FAMILY_MEMBERS_SUPPORTED');
      return [
        { value: small.previous.at(-1), controlled: small.controlled },
        { value: large.previous.at(-1), controlled: large.controlled },
      ];
    },
  },
  'ReturnHistoryCell.value': {
    pick: (r) => [cellOf(r, 'REF_RECEIVED', 'POLICE'), cellOf(r, 'REF_RECEIVED', 'NOT_KNOWN')],
  },
  'ReturnFormValue.value': {
    pick: (r) => [valueOf(r.form.previousValues, 'REF_RECEIVED'), valueOf(r.form.previousValues, 'FAMILY_MEMBERS_SUPPORTED')],
  },
};

/**
 * Working tools of officers and providers that quote or reveal exact figures: the Commissioner's query answers
 * FORBIDDEN (and no value). `query` takes $id (the fixture return) or $queryId; `read` finds the field's answer.
 */
const NOT_FOR_COMMISSIONER: Record<string, { why: string; query: string; read: (data: any) => unknown }> = {
  'ReturnValueChange.commentBefore': {
    why: 'a comment beside a figure, often quoting it',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { versionComparison(from: 2, to: 1) { changes { measureCode commentBefore } } } }',
    read: (d) => d?.performanceReturn?.versionComparison?.changes.find((c: any) => c.measureCode === 'REF_ACCEPTED')?.commentBefore,
  },
  'ReturnValueChange.commentAfter': {
    why: 'a comment beside a figure, often quoting it',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { versionComparison(from: 1, to: 2) { changes { measureCode commentAfter } } } }',
    read: (d) => d?.performanceReturn?.versionComparison?.changes.find((c: any) => c.measureCode === 'REF_ACCEPTED')?.commentAfter,
  },
  'ReturnValue.comment': {
    why: 'a comment beside a figure, often quoting it (it explains soft checks)',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { values { measureCode breakdownOption comment } } }',
    read: (d) => d?.performanceReturn?.values.find((v: any) => v.measureCode === 'REF_RECEIVED' && v.breakdownOption === '')?.comment,
  },
  'ReturnVersionValue.comment': {
    why: 'a comment beside a frozen figure',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { versions { values { measureCode breakdownOption comment } } } }',
    read: (d) =>
      d?.performanceReturn?.versions.at(-1)?.values.find((v: any) => v.measureCode === 'REF_RECEIVED' && v.breakdownOption === '')?.comment,
  },
  'ReturnHistoryMeasure.comment': {
    why: "the comment on this quarter's total",
    query: 'query ($id: ID!) { performanceReturn(id: $id) { history { sections { measures { code comment } } } } }',
    read: (d) =>
      d?.performanceReturn?.history?.sections.flatMap((s: any) => s.measures).find((m: any) => m.code === 'REF_RECEIVED')?.comment,
  },
  'ReturnHistoryCell.comment': {
    why: 'a comment beside a cell of a breakdown',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { history { sections { measures { code cells { breakdownOption comment } } } } } }',
    read: (d) =>
      d?.performanceReturn?.history?.sections
        .flatMap((s: any) => s.measures)
        .find((m: any) => m.code === 'REF_RECEIVED')
        ?.cells.find((c: any) => c.breakdownOption === 'POLICE')?.comment,
  },
  'ReturnFormValue.comment': {
    why: "last quarter's comment beside a figure",
    query: 'query ($id: ID!) { performanceReturn(id: $id) { form { previousValues { measureCode breakdownOption comment } } } }',
    read: (d) =>
      d?.performanceReturn?.form?.previousValues.find((v: any) => v.measureCode === 'REF_RECEIVED' && v.breakdownOption === '')?.comment,
  },
  'PerformanceReturn.checks': {
    why: 'which checks pass reveals how exact figures compare (accepted <= received, change on last quarter, targets)',
    query: 'query ($id: ID!) { performanceReturn(id: $id) { id checks { code status } } }',
    read: (d) => d?.performanceReturn?.checks?.length,
  },
  'PerformanceReturn.csvTemplate': {
    why: "the provider's working file, with every exact figure and comment",
    query: 'query ($id: ID!) { performanceReturn(id: $id) { id csvTemplate } }',
    read: (d) => d?.performanceReturn?.csvTemplate,
  },
  'ReturnQueryMessage.body': {
    why: 'queries discuss figures and quote them exactly',
    query: 'query ($queryId: ID!) { returnQuery(id: $queryId) { id messages { body } } }',
    read: (d) => d?.returnQuery?.messages[0]?.body,
  },
};

const VERSION = 'optimistic-concurrency version of a record, not a figure';
const YEAR = 'a financial year (2026 is 2026/27)';
const QUARTER = 'a quarter number, 1 to 4 (0: the whole year)';
const SERVICES = 'a number of services: not about people (domain.md: numbers of services are not controlled)';
const RETURNS = 'a number of returns: not about people';
const TARGET =
  'a target is a planned figure set by the OPCC for a service, not a count of people who were supported: it reveals ' +
  'nothing about any child and is never controlled';
const PAGING = 'paging of a list';

/** Not counts of people: the reason for each. */
const NOT_ABOUT_PEOPLE: Record<string, string> = {
  'BriefingForum.services': SERVICES,
  'BriefingHeadline.activeServices': SERVICES,
  'BriefingHeadline.returnsExpected': RETURNS,
  'BriefingHeadline.returnsOnTime': RETURNS,
  'BriefingHeadline.returnsReceived': RETURNS,
  'BriefingInitiative.services': SERVICES,
  'BriefingIssue.number': "a priority issue's position in the briefing",
  'BriefingIssue.serviceCount': SERVICES,
  'CommissionedService.cohortMaxAge': "an age in years, a term of the contract (the target cohort's age range)",
  'CommissionedService.cohortMinAge': "an age in years, a term of the contract (the target cohort's age range)",
  'CommissionedService.version': VERSION,
  'CsvProblem.row': 'a row number of an uploaded file',
  'DashboardCoverage.gapCount': 'a number of priority issues without a service',
  'DashboardEndingContract.daysLeft': 'days until a contract ends',
  'DashboardEndingContract.monthsLeft': 'months until a contract ends',
  'DashboardFilterEcho.financialYear': YEAR,
  'DashboardFilterEcho.quarter': QUARTER,
  'DashboardHeadline.activeServices': SERVICES,
  'DashboardHeadline.returnsExpected': RETURNS,
  'DashboardHeadline.returnsOnTime': RETURNS,
  'DashboardHeadline.returnsReceived': RETURNS,
  'DashboardInitiative.sessionsDelivered': 'a number of sessions (SESSIONS_DELIVERED does not count people)',
  'DashboardInitiativeService.sessionsDelivered': 'a number of sessions (SESSIONS_DELIVERED does not count people)',
  'DashboardOutcomes.targetsNote': 'a sentence about targets, not a figure',
  'DashboardTimelinessQuarter.approved': RETURNS,
  'DashboardTimelinessQuarter.expected': RETURNS,
  'DashboardTimelinessQuarter.late': RETURNS,
  'DashboardTimelinessQuarter.notReceived': RETURNS,
  'DashboardTimelinessQuarter.onTime': RETURNS,
  'DashboardTimelinessQuarter.quarter': QUARTER,
  'DashboardTimelinessQuarter.received': RETURNS,
  'EmailOutboxPage.page': PAGING,
  'EmailOutboxPage.pageCount': PAGING,
  'EmailOutboxPage.total': 'a number of e-mails (admins only)',
  'EmailOutboxPage.unsent': 'a number of e-mails (admins only)',
  'ExportFile.rowCount': 'the number of rows in an export file',
  'FieldChange.after': "a service's audited field after a change (contract, funding, links): no return figures",
  'FieldChange.before': "a service's audited field before a change (contract, funding, links): no return figures",
  'FundingExceeded.financialYear': YEAR,
  'Initiative.version': VERSION,
  'InitiativeYearFunding.financialYear': YEAR,
  'InvalidTransition.currentStatus': "a service's status, not a figure",
  'MarkNotificationsReadResult.marked': "a number of the caller's own notifications",
  'MarkNotificationsReadResult.unread': "a number of the caller's own notifications",
  'Organisation.version': VERSION,
  'OutcomeFigures.financialYear': YEAR,
  'OutcomeFigures.quarter': QUARTER,
  'OutcomeFigures.returns': RETURNS,
  'OutcomeTarget.assessed': TARGET,
  'OutcomeTarget.assessedServices': SERVICES,
  'OutcomeTarget.improved': TARGET,
  'OutcomeTarget.improvedServices': SERVICES,
  'OutcomeTarget.percentImproved': `${TARGET} (the improved target over the assessed target)`,
  'PerformanceReturn.version': VERSION,
  'PriorityIssue.sortOrder': 'a position in a list',
  'PriorityIssue.version': VERSION,
  'Query.unreadNotificationCount': "a number of the caller's own notifications",
  'ReportingPeriod.financialYear': YEAR,
  'ReportingPeriod.quarter': QUARTER,
  'ReturnComparison.fromVersion': 'a version number of a return',
  'ReturnComparison.toVersion': 'a version number of a return',
  'ReturnCsvImport.changed': 'a number of rows of a CSV file (the provider only: importReturnCsv)',
  'ReturnCsvImport.imported': 'a number of rows of a CSV file (the provider only: importReturnCsv)',
  'ReturnForm.financialYear': YEAR,
  'ReturnForm.previousPeriodLabel': 'a period label ("2026/27 Q1")',
  'ReturnForm.quarter': QUARTER,
  'ReturnFormMeasure.totalMeasure': 'a measure code',
  'ReturnFormTarget.quarter': QUARTER,
  'ReturnFormTarget.value': TARGET,
  'ReturnHistory.financialYear': YEAR,
  'ReturnHistory.quarter': QUARTER,
  'ReturnHistoryMeasure.annualTarget': TARGET,
  'ReturnHistoryMeasure.quarterTarget': TARGET,
  'ReturnHistoryMeasure.target': `${TARGET} (the quarter's target, or a quarter's worth of the annual one)`,
  'ReturnHistoryPeriod.financialYear': YEAR,
  'ReturnHistoryPeriod.quarter': QUARTER,
  'ReturnHistoryTarget.financialYear': YEAR,
  'ReturnHistoryTarget.quarter': QUARTER,
  'ReturnHistoryTarget.value': TARGET,
  'ReturnQuery.messageCount': 'a number of messages in a query thread',
  'ReturnVersion.number': 'a version number of a return',
  'ServiceConnection.page': PAGING,
  'ServiceConnection.pageCount': PAGING,
  'ServiceConnection.pageSize': PAGING,
  'ServiceConnection.totalCount': SERVICES,
  'ServiceFunding.financialYear': YEAR,
  'Target.financialYear': YEAR,
  'Target.quarter': QUARTER,
  'Target.value': TARGET,
  'Target.version': VERSION,
  'User.version': VERSION,
  'ValueForMoneyRow.returns': RETURNS,
  'VersionConflict.currentVersion': VERSION,
  'YearAmount.financialYear': YEAR,
};

const TABLES = { PEOPLE_COUNT_TYPE, CONTROLLED_FOR_COMMISSIONER, NOT_FOR_COMMISSIONER, NOT_ABOUT_PEOPLE } as const;

describe('the classification of figure fields', () => {
  it('covers every number field of the schema, and every String field named like a figure', () => {
    const classified = new Set(Object.values(TABLES).flatMap((table) => Object.keys(table)));
    const missing = figureFields().filter((field) => !classified.has(field));
    expect(
      missing,
      `Classify each of these fields in tests/api/people-count-fields.test.ts: PEOPLE_COUNT_TYPE (a part of PeopleCount, ` +
        'Percentage or Statistic), CONTROLLED_FOR_COMMISSIONER (a count of people, controlled for the Commissioner with ' +
        'graphql/types/figure-control.ts and probed on the fixture), NOT_FOR_COMMISSIONER (refused to the Commissioner) or ' +
        'NOT_ABOUT_PEOPLE (with the reason). A count of people that reaches the Commissioner must go through disclosure ' +
        'control (CSA-SDC-1, ../shared/docs/domain.md).',
    ).toEqual([]);
  });

  it('has no stale entries: every classified field exists, and is classified once', () => {
    const stale: string[] = [];
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, table] of Object.entries(TABLES)) {
      for (const key of Object.keys(table)) {
        const [typeName, fieldName] = key.split('.');
        const type = schema.getType(typeName!);
        if (!type || !isObjectType(type) || !type.getFields()[fieldName!]) stale.push(`${name}: ${key}`);
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${name})`);
        seen.set(key, name);
      }
    }
    expect(stale, 'Remove these entries (the field no longer exists) from tests/api/people-count-fields.test.ts').toEqual([]);
    expect(twice).toEqual([]);
  });

  it("gives PEOPLE_COUNT_TYPE fields only to the dashboards' controlled shapes", () => {
    expect(new Set(Object.keys(PEOPLE_COUNT_TYPE).map((key) => key.split('.')[0]))).toEqual(new Set(['PeopleCount', 'Percentage', 'Statistic']));
    const fields = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields()).sort();
    expect(fields('PeopleCount')).toEqual(['display', 'exportValue', 'rounded', 'suppressed', 'value']);
    expect(fields('Percentage')).toEqual(['display', 'exportValue', 'hidden', 'value']);
    expect(fields('Statistic')).toEqual(['display', 'exportValue', 'hidden', 'value']);
  });

  it('has a reason for every field that is not about people', () => {
    for (const [key, reason] of Object.entries({ ...NOT_ABOUT_PEOPLE, ...PEOPLE_COUNT_TYPE })) expect(reason.length, key).toBeGreaterThan(5);
    for (const [key, entry] of Object.entries(NOT_FOR_COMMISSIONER)) expect(entry.why.length, key).toBeGreaterThan(5);
  });
});

describe("the dashboards' shapes control counts of people by construction", () => {
  it('suppresses 1-7 and rounds 8+ for the Commissioner, and is exact otherwise', () => {
    expect(peopleCount(5, true)).toMatchObject({ value: null, display: SMALL_CONTROLLED, suppressed: true, exportValue: '[c]' });
    expect(peopleCount(13, true)).toMatchObject({ value: 15, display: LARGE_CONTROLLED, rounded: true, exportValue: '15' });
    expect(peopleCount(0, true)).toMatchObject({ value: 0, display: '0', suppressed: false, rounded: false });
    expect(peopleCount(5, false)).toMatchObject({ value: 5, suppressed: false });
    expect(peopleCount(13, false)).toMatchObject({ value: 13, rounded: false, exportValue: '13' });
    expect(percentage(5, 13, true)).toMatchObject({ value: null, hidden: true, exportValue: '[c]' });
    expect(percentage(5, 13, false)).toMatchObject({ value: 38, hidden: false });
    expect(statistic('12.5', 5, true)).toMatchObject({ value: null, hidden: true, exportValue: '[c]' });
    expect(statistic('12.5', 5, false)).toMatchObject({ value: '12.5', hidden: false });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The fixture return, as each viewer reads it
// ---------------------------------------------------------------------------------------------------------------

const FIGURES = `query ($id: ID!) { performanceReturn(id: $id) {
  id status disclosure
  values { measureCode breakdownOption value controlled }
  versions { number status values { measureCode breakdownOption value controlled } }
  versionComparison(from: 1, to: 2) { changes { measureCode breakdownOption kind before after controlled valueChanged } }
  changesSinceApproval { changes { measureCode } }
  history { sections { measures { code current previous controlled targetMet target cells { breakdownOption value controlled } } } }
  form { previousValues { measureCode breakdownOption value controlled } }
} }`;

let fixture: PeopleCountFixture;
const read: Record<string, Return> = {};
const answers: Record<string, GraphQLResponse> = {};

beforeAll(async () => {
  fixture = await createPeopleCountFixture();
  const viewers: Record<string, Viewer> = {
    commissioner: fixture.commissioner,
    officer: fixture.officer,
    admin: fixture.admin,
    provider: fixture.provider,
  };
  for (const [name, viewer] of Object.entries(viewers)) {
    answers[name] = await execute(FIGURES, { id: fixture.returnId }, { viewer });
    read[name] = answers[name]!.data?.performanceReturn;
  }
});

describe('figures of a return controlled for the Commissioner', () => {
  it('answers every viewer without an error', () => {
    for (const [name, response] of Object.entries(answers)) {
      expect(response.errors, name).toBeUndefined();
      expect(read[name]!.status, name).toBe('APPROVED');
    }
  });

  it.each(Object.keys(CONTROLLED_FOR_COMMISSIONER))('%s: "fewer than 8" and "15" for the Commissioner, 5 and 13 for everyone else', (field) => {
    const { pick } = CONTROLLED_FOR_COMMISSIONER[field]!;
    const [small, large] = pick(read.commissioner);
    expect([small.value, large.value]).toEqual([SMALL_CONTROLLED, LARGE_CONTROLLED]);
    expect([small.controlled, large.controlled]).toEqual([true, true]);
    for (const name of ['officer', 'admin', 'provider']) {
      const [exactSmall, exactLarge] = pick(read[name]);
      expect([exactSmall.value, exactLarge.value], name).toEqual([SMALL, LARGE]);
      expect([exactSmall.controlled, exactLarge.controlled], name).toEqual([false, false]);
    }
  });

  it('controls a total on its own, from the exact figures (18 -> 20), and keeps 0 as 0', () => {
    expect(valueOf(read.commissioner.values, 'REF_RECEIVED')).toEqual({ value: '20', controlled: true });
    expect(valueOf(read.officer.values, 'REF_RECEIVED')).toEqual({ value: '18', controlled: false });
    expect(measureOf(read.commissioner, 'REF_RECEIVED').current).toBe('20');
    expect(valueOf(read.commissioner.values, 'NEW_USERS')).toEqual({ value: '0', controlled: false });
    expect(valueOf(read.commissioner.values, 'REF_RECEIVED', 'SELF_FAMILY')).toEqual({ value: '0', controlled: false });
  });

  it('hides medians and waiting times in days from the Commissioner (the people behind them are not known)', () => {
    for (const code of ['REF_MEDIAN_DAYS_TO_FIRST_SESSION', 'REF_LONGEST_DAYS_TO_FIRST_SESSION']) {
      expect(valueOf(read.commissioner.values, code), code).toEqual({ value: HIDDEN_WAITING_TIME_TEXT, controlled: true });
      expect(measureOf(read.commissioner, code), code).toMatchObject({ current: HIDDEN_WAITING_TIME_TEXT, controlled: true });
      expect(valueOf(read.commissioner.versions.at(-1).values, code), code).toEqual({ value: HIDDEN_WAITING_TIME_TEXT, controlled: true });
    }
    expect(valueOf(read.officer.values, 'REF_MEDIAN_DAYS_TO_FIRST_SESSION')).toEqual({ value: '12', controlled: false });
    expect(valueOf(read.provider.values, 'REF_LONGEST_DAYS_TO_FIRST_SESSION')).toEqual({ value: '30', controlled: false });
  });

  it('never controls money, staff counts or text answers', () => {
    for (const name of ['commissioner', 'officer']) {
      const values = read[name].values;
      expect(valueOf(values, 'STAFF_VACANCIES'), name).toEqual({ value: '3', controlled: false });
      expect(valueOf(values, 'FIN_SPEND_QUARTER'), name).toEqual({ value: '1250.50', controlled: false });
      const text = values.find((v: any) => v.value === 'Nothing to report.');
      expect(text, name).toBeDefined();
      expect(text.controlled, name).toBe(false);
    }
  });

  it('tells the Commissioner in words what control does, and no one else', () => {
    expect(read.commissioner.disclosure).toBe(RETURN_DISCLOSURE_NOTE);
    expect(RETURN_DISCLOSURE_NOTE).toContain('"fewer than 8"');
    expect(RETURN_DISCLOSURE_NOTE).toContain('Figures are rounded and may not sum.');
    for (const name of ['officer', 'admin', 'provider']) expect(read[name].disclosure, name).toBeNull();
  });

  it('still shows the Commissioner that a figure changed, with the controlled figures only', () => {
    const change = changeOf(read.commissioner, 'REF_ACCEPTED');
    expect(change).toMatchObject({ kind: 'CHANGED', valueChanged: true, before: SMALL_CONTROLLED, after: LARGE_CONTROLLED });
    expect(read.commissioner.changesSinceApproval.changes).toEqual([]);
  });

  it("compares a target with the figure the Commissioner sees: the rounded one, none when it is suppressed", async () => {
    // This quarter: REF_ACCEPTED 13 against a target of 14. Exact: missed; the Commissioner's 15: met.
    expect(measureOf(read.officer, 'REF_ACCEPTED')).toMatchObject({ current: LARGE, target: '14', targetMet: false });
    expect(measureOf(read.commissioner, 'REF_ACCEPTED')).toMatchObject({ current: LARGE_CONTROLLED, target: '14', targetMet: true });
    // Last quarter's return: REF_ACCEPTED 5 against 4. Exact: met; the Commissioner's "fewer than 8": not compared.
    const HISTORY = `query ($id: ID!) { performanceReturn(id: $id) { history { sections { measures { code current target targetMet } } } } }`;
    const officer = await execute(HISTORY, { id: fixture.previousReturnId }, { viewer: fixture.officer });
    const commissioner = await execute(HISTORY, { id: fixture.previousReturnId }, { viewer: fixture.commissioner });
    expect(measureOf(officer.data!.performanceReturn, 'REF_ACCEPTED')).toMatchObject({ current: SMALL, target: '4', targetMet: true });
    expect(measureOf(commissioner.data!.performanceReturn, 'REF_ACCEPTED')).toMatchObject({
      current: SMALL_CONTROLLED,
      target: '4',
      targetMet: null,
    });
  });
});

describe('working tools refused to the Commissioner', () => {
  it.each(Object.keys(NOT_FOR_COMMISSIONER))('%s: FORBIDDEN for the Commissioner, answered for officers and the provider', async (field) => {
    const { query, read: readField } = NOT_FOR_COMMISSIONER[field]!;
    const variables = { id: fixture.returnId, queryId: fixture.queryId };
    const refused = await execute(query, variables, { viewer: fixture.commissioner });
    expect(codes(refused)).toContain('FORBIDDEN');
    expect(readField(refused.data) ?? null).toBeNull();
    for (const viewer of [fixture.officer, fixture.provider]) {
      const answered = await execute(query, variables, { viewer });
      expect(answered.errors, viewer.role).toBeUndefined();
      expect(readField(answered.data) ?? null, viewer.role).not.toBeNull();
    }
  });

  it('gives officers and the provider the exact comments and messages', async () => {
    const read = (field: string, data: unknown) => NOT_FOR_COMMISSIONER[field]!.read(data);
    const run = async (field: string) =>
      (await execute(NOT_FOR_COMMISSIONER[field]!.query, { id: fixture.returnId, queryId: fixture.queryId }, { viewer: fixture.officer })).data;
    expect(read('ReturnValue.comment', await run('ReturnValue.comment'))).toBe(REF_RECEIVED_COMMENT);
    expect(read('ReturnValueChange.commentAfter', await run('ReturnValueChange.commentAfter'))).toBe(REF_ACCEPTED_COMMENT);
    expect(read('ReturnValueChange.commentBefore', await run('ReturnValueChange.commentBefore'))).toBe(REF_ACCEPTED_COMMENT);
    expect(read('ReturnQueryMessage.body', await run('ReturnQueryMessage.body'))).toBe(QUERY_MESSAGE);
    expect(read('ReturnVersionValue.comment', await run('ReturnVersionValue.comment'))).toBe(REF_RECEIVED_COMMENT);
    expect(read('ReturnHistoryMeasure.comment', await run('ReturnHistoryMeasure.comment'))).toBe(REF_RECEIVED_COMMENT);
    expect(read('ReturnHistoryCell.comment', await run('ReturnHistoryCell.comment'))).toBe(CELL_COMMENT);
    expect(read('ReturnFormValue.comment', await run('ReturnFormValue.comment'))).toBe(PREVIOUS_COMMENT);
    expect((read('PerformanceReturn.checks', await run('PerformanceReturn.checks')) as number) > 0).toBe(true);
    expect(read('PerformanceReturn.csvTemplate', await run('PerformanceReturn.csvTemplate'))).toContain(REF_RECEIVED_COMMENT);
  });

  it("leaves the Commissioner the rest of a query: who asked about which figure, without the messages", async () => {
    const LIST = `query ($id: ID!) { returnQueries(filter: { returnId: $id }) { id status measureCode messageCount raisedBy } }`;
    const seen = await execute(LIST, { id: fixture.returnId }, { viewer: fixture.commissioner });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.returnQueries.map((q: any) => q.id)).toEqual([fixture.queryId]);
  });

  it("answers the provider's pages FORBIDDEN for the Commissioner (a 403 page, never a figure or a crash)", async () => {
    const pages = [
      [ReturnOverviewQuery, { id: fixture.returnId }],
      [ReturnCheckAnswersQuery, { id: fixture.returnId }],
      [SectionQuery, { id: fixture.returnId }],
      [ReturnCsvTemplateQuery, { id: fixture.returnId }],
      [QueryThreadQuery, { id: fixture.queryId }],
      [QueriesListQuery, {}],
    ] as const;
    for (const [document, variables] of pages) {
      const refused = await execute(document.toString(), variables, { viewer: fixture.commissioner });
      expect(codes(refused), document.toString().slice(0, 60)).toContain('FORBIDDEN');
      const answered = await execute(document.toString(), variables, { viewer: fixture.provider });
      expect(answered.errors, document.toString().slice(0, 60)).toBeUndefined();
    }
  });
});
