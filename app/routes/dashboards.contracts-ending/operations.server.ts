// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardContractsEndingQuery = graphql(`
  query DashboardContractsEnding($filter: DashboardFilter) {
    dashboardContractsEnding(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      disclosure
      today
      until
      totalAnnualValue
      contracts {
        serviceId
        reference
        title
        providerName
        status
        endDate
        daysLeft
        monthsLeft
        annualValue
      }
    }
  }
`);
