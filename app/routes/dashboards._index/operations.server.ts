// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardHeadlineQuery = graphql(`
  query DashboardHeadline($filter: DashboardFilter) {
    dashboardHeadline(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      disclosure
      activeServices
      annualInvestment
      childrenSupportedYearToDate {
        display
        suppressed
      }
      yearToDateLabel
      returnsExpected
      returnsReceived
      returnsOnTime
      returnsOnTimePercentage {
        display
      }
    }
    dashboardTimeliness(filter: $filter) {
      quarters {
        periodId
        label
        expected
        received
        onTime
      }
    }
  }
`);
