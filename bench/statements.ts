// SQL statements per operation at two sizes (a database of 10 services and one of 1,000, same generator, same seed):
// the portfolio list, a return (the provider's return page and the officer's review page) and each dashboard.
// The operations run in-process through Yoga (tests/helpers/api.ts) and every statement the `pg` clients send is
// counted (tests/helpers/statements.ts, the test suite's N+1 guard). Equal counts: work does not grow with the rows.
import pg from 'pg';
import type { Viewer } from '../graphql/context';
import { DASHBOARD_OPERATIONS, PORTFOLIO, RETURN_OVERVIEW, REVIEW_RETURN } from './operations';

export interface StatementCount {
  /** Statements sent for one request (after a warm-up request). */
  statements: number;
  /** Rows the answer lists (services, values, quarters, ...), to show the sizes differ. */
  rows: number;
  error?: string;
}

export interface StatementComparison {
  operation: string;
  viewer: string;
  small: StatementCount;
  large: StatementCount;
  equal: boolean;
}

interface Scenario {
  operation: string;
  viewer: 'officer' | 'provider';
  query: string;
  variables: (returnId: string) => Record<string, unknown>;
  rows: (data: any) => number;
}

const DASHBOARD_ROWS: Record<string, (data: any) => number> = {
  dashboardHeadline: (d) => d.dashboardHeadline.activeServices,
  dashboardCoverage: (d) => d.dashboardCoverage.issues.reduce((n: number, i: any) => n + i.services.length, 0),
  dashboardTimeliness: (d) => d.dashboardTimeliness.quarters.reduce((n: number, q: any) => n + q.expected, 0),
  dashboardContractsEnding: (d) => d.dashboardContractsEnding.contracts.length,
  dashboardInitiatives: (d) => d.dashboardInitiatives.initiatives.reduce((n: number, i: any) => n + i.services.length, 0),
  dashboardOutcomes: (d) => d.dashboardOutcomes.domains.reduce((n: number, x: any) => n + x.selection.returns, 0),
  dashboardReach: (d) => d.dashboardReach.byAge.total.value ?? 0,
  dashboardValueForMoney: (d) => d.dashboardValueForMoney.services.length,
};

const SCENARIOS: Scenario[] = [
  { operation: 'services (portfolio list)', viewer: 'officer', query: PORTFOLIO.query, variables: () => PORTFOLIO.variables, rows: (d) => d.services.nodes.length },
  { operation: 'performanceReturn (return page)', viewer: 'provider', query: RETURN_OVERVIEW.query, variables: (id) => ({ id }), rows: (d) => d.performanceReturn.values.length },
  { operation: 'performanceReturn (review page)', viewer: 'officer', query: REVIEW_RETURN.query, variables: (id) => ({ id, ...REVIEW_RETURN.variables }), rows: (d) => d.performanceReturn.checks.length },
  ...DASHBOARD_OPERATIONS.map((op): Scenario => ({ operation: op.name, viewer: 'officer', query: op.query, variables: () => ({}), rows: DASHBOARD_ROWS[op.name]! })),
];

async function viewerOf(client: pg.Client, where: string, value: string): Promise<Viewer> {
  const { rows } = await client.query<{ id: string; email: string; role: Viewer['role']; organisation_id: string; kind: Viewer['organisationKind'] }>(
    `SELECT u.id, u.email, u.role, u.organisation_id, o.kind FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE ${where} = $1 LIMIT 1`,
    [value],
  );
  const user = rows[0];
  if (!user) throw new Error(`No user where ${where} = ${value}`);
  return { userId: user.id, label: user.email, role: user.role, organisationId: user.organisation_id, organisationKind: user.kind, via: 'session' };
}

/** Counts at each database; `databases` maps a label to a connection string. */
export async function countAll(small: string, large: string): Promise<StatementComparison[]> {
  process.env.LOG_LEVEL = 'silent';
  const { execute } = await import('../tests/helpers/api');
  const { countStatements } = await import('../tests/helpers/statements');
  const { disconnectPrisma } = await import('../graphql/db');

  const measure = async (url: string): Promise<Map<string, StatementCount>> => {
    process.env.DATABASE_URL = url;
    await disconnectPrisma();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const counts = new Map<string, StatementCount>();
    try {
      // The fullest submitted return, and its provider.
      const { rows } = await client.query<{ id: string; provider_id: string }>(
        `SELECT pr.id, s.provider_id FROM performance_return pr JOIN commissioned_service s ON s.id = pr.service_id
           JOIN return_value rv ON rv.return_id = pr.id
          WHERE pr.status = 'APPROVED' GROUP BY pr.id, s.provider_id ORDER BY count(*) DESC, pr.id LIMIT 1`,
      );
      const ret = rows[0];
      if (!ret) throw new Error('No approved return in the statements database');
      const viewers = {
        officer: await viewerOf(client, 'u.email', 'officer@opcc.example'),
        provider: await viewerOf(client, "u.role = 'PROVIDER' AND u.organisation_id", ret.provider_id),
      };
      for (const scenario of SCENARIOS) {
        const run = () => execute(scenario.query, scenario.variables(ret.id), { viewer: viewers[scenario.viewer] });
        await run(); // warm-up: connections, prepared types
        const { statements, result } = await countStatements(run);
        const error = result.errors?.map((e) => e.message).join('; ');
        counts.set(scenario.operation, { statements, rows: error ? 0 : scenario.rows(result.data), ...(error ? { error } : {}) });
      }
    } finally {
      await client.end();
      await disconnectPrisma();
    }
    return counts;
  };

  const [a, b] = [await measure(small), await measure(large)];
  return SCENARIOS.map((scenario) => {
    const s = a.get(scenario.operation)!;
    const l = b.get(scenario.operation)!;
    return { operation: scenario.operation, viewer: scenario.viewer, small: s, large: l, equal: !s.error && !l.error && s.statements === l.statements };
  });
}
