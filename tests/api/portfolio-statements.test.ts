// The portfolio list does not issue a query per service (N+1): the statements for 5 and for 100 services are equal.
import { describe, expect, it } from 'vitest';
import { countStatements } from '../helpers/statements';
import { execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createService, reference } from '../helpers/service-factories';

const PORTFOLIO = `query ($filter: ServiceFilter) {
  services(filter: $filter, pageSize: 100) {
    totalCount totalAnnualValue pageCount
    nodes {
      id reference title status endDate annualValue
      provider { id name }
      initiatives { initiative { id name } funding { label amount } }
      priorityIssues { code title }
      harmTypes { name }
      areas { name }
      forums { name }
      funding { label source amount }
      fundingByYear { label amount }
    }
  }
}`;

async function portfolioOf(count: number) {
  const provider = await createOrganisation();
  const { initiatives } = await reference();
  for (let i = 0; i < count; i++) {
    await createService({
      providerId: provider.id,
      funding: { 2026: '1000', 2027: '2000' },
      initiativeIds: [initiatives[i % initiatives.length]!.id],
      priorityIssueCodes: ['PI-ONLINE', 'PI-EDUCATION'],
    });
  }
  return provider.id;
}

describe('the portfolio list', () => {
  it('sends the same number of SQL statements for 5 and for 100 services', async () => {
    const small = await portfolioOf(5);
    const large = await portfolioOf(100);
    const viewer = await viewerFor('POLICY_OFFICER');
    const run = (providerId: string) => countStatements(() => execute(PORTFOLIO, { filter: { providerId } }, { viewer }));
    await run(small); // warm-up (connection, prepared types)
    const five = await run(small);
    const hundred = await run(large);
    expect(five.result.errors).toBeUndefined();
    expect(five.result.data.services.nodes).toHaveLength(5);
    expect(hundred.result.data.services.nodes).toHaveLength(100);
    expect(hundred.statements).toBe(five.statements);
    expect(five.statements).toBeLessThan(20);
  });

  it('a provider gets the same statement count', async () => {
    const providerId = await portfolioOf(5);
    const viewer = await viewerFor('PROVIDER', providerId);
    const first = await countStatements(() => execute(PORTFOLIO, {}, { viewer }));
    expect(first.result.errors).toBeUndefined();
    expect(first.result.data.services.nodes).toHaveLength(5);
  });
});
