// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardTimelinessQuery = graphql(`
  query DashboardTimeliness($filter: DashboardFilter) {
    dashboardTimeliness(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      disclosure
      quarters {
        periodId
        quarter
        label
        dueDate
        dueDatePassed
        expected
        received
        onTime
        late
        notReceived
        approved
        receivedPercentage {
          display
        }
        onTimePercentage {
          display
        }
        approvedPercentage {
          display
        }
      }
    }
  }
`);
