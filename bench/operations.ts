// The GraphQL operations the benchmark runs: the pages' own documents (app/gql, generated from each route's
// operations.server.ts), narrowed to one root field where a page asks for more than one (the headline page also asks
// for the timeliness figures; the timeliness page's own document is measured for those).
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import {
  DashboardContractsEndingDocument,
  DashboardCoverageDocument,
  DashboardHeadlineDocument,
  DashboardInitiativesDocument,
  DashboardOutcomesPageDocument,
  DashboardReachPageDocument,
  DashboardTimelinessDocument,
  DashboardValueForMoneyPageDocument,
  PortfolioDocument,
  ReturnOverviewDocument,
  ReviewReturnDocument,
} from '../app/gql/graphql';

/** The document with only `field` at the root (and the fragments and variables it still uses). */
export function rootFieldDocument(source: string, field: string): string {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('No operation in the document');
  const selections = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value === field);
  if (selections.length === 0) throw new Error(`The document does not ask for ${field}`);
  const narrowed: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections } };
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const used = new Set<string>();
  const variables = new Set<string>();
  const pending: DefinitionNode[] = [narrowed];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        if (!used.has(node.name.value)) {
          used.add(node.name.value);
          pending.push(fragments.get(node.name.value)!);
        }
      },
      Variable(node) {
        variables.add(node.name.value);
      },
    });
  }
  const operationOut: OperationDefinitionNode = {
    ...narrowed,
    variableDefinitions: (narrowed.variableDefinitions ?? []).filter((v) => variables.has(v.variable.name.value)),
  };
  return print({ kind: Kind.DOCUMENT, definitions: [operationOut, ...[...used].map((name) => fragments.get(name)!)] });
}

export interface DashboardOperation {
  /** The root field. */
  name: string;
  /** The page that asks for it. */
  page: string;
  query: string;
}

const dashboard = (name: string, page: string, document: { toString(): string }): DashboardOperation => ({
  name,
  page,
  query: rootFieldDocument(document.toString(), name),
});

export const DASHBOARD_OPERATIONS: DashboardOperation[] = [
  dashboard('dashboardHeadline', '/dashboards', DashboardHeadlineDocument),
  dashboard('dashboardCoverage', '/dashboards/coverage', DashboardCoverageDocument),
  dashboard('dashboardTimeliness', '/dashboards/timeliness', DashboardTimelinessDocument),
  dashboard('dashboardContractsEnding', '/dashboards/contracts-ending', DashboardContractsEndingDocument),
  dashboard('dashboardInitiatives', '/dashboards/initiatives', DashboardInitiativesDocument),
  dashboard('dashboardOutcomes', '/dashboards/outcomes', DashboardOutcomesPageDocument),
  dashboard('dashboardReach', '/dashboards/reach', DashboardReachPageDocument),
  dashboard('dashboardValueForMoney', '/dashboards/value-for-money', DashboardValueForMoneyPageDocument),
];

/** The portfolio list as its page asks for it (at the largest page size the API allows, to list the most rows). */
export const PORTFOLIO = { query: PortfolioDocument.toString(), variables: { filter: {}, orderBy: null, page: 1, pageSize: 100 } };
/** A return as the provider's return page asks for it. */
export const RETURN_OVERVIEW = { query: ReturnOverviewDocument.toString() };
/** A return as the officer's review page asks for it (no version comparison). */
export const REVIEW_RETURN = { query: ReviewReturnDocument.toString(), variables: { compareFrom: 1, compareTo: null, withComparison: false } };
