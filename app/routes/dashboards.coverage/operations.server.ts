// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardCoverageQuery = graphql(`
  query DashboardCoverage($filter: DashboardFilter) {
    dashboardCoverage(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      disclosure
      gapCount
      totalInvestment
      issues {
        code
        title
        gap
        investment
        services {
          id
          reference
          title
          providerName
          investment
        }
      }
    }
  }
`);
