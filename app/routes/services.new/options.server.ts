// The choices the service form offers, from the API.
import { ServiceFormOptionsQuery } from './operations.server';
import type { ServiceFormOptions } from './ServiceForm';
import { gql } from '~/utils/graphql.server';

export async function serviceFormOptions(request: Request): Promise<ServiceFormOptions> {
  const data = await gql(request, ServiceFormOptionsQuery);
  return {
    providers: data.organisations.filter((o) => o.kind === 'PROVIDER' && !o.archived).map(({ id, name }) => ({ id, name })),
    officers: data.organisations
      .filter((o) => o.kind === 'OPCC')
      .flatMap((o) => o.users)
      .filter((u) => u.active && (u.role === 'POLICY_OFFICER' || u.role === 'ADMIN'))
      .map(({ id, name }) => ({ id, name })),
    areas: data.areas,
    priorityIssues: data.priorityIssues,
    harmTypes: data.harmTypes,
    forums: data.partnershipForums,
  };
}
