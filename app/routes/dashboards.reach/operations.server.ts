// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardReachQuery = graphql(`
  query DashboardReachPage($filter: DashboardFilter) {
    dashboardReach(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      byAge {
        ...ReachTableFields
      }
      byGender {
        ...ReachTableFields
      }
      byEthnicity {
        ...ReachTableFields
      }
      disclosure
    }
  }

  fragment ReachTableFields on ReachTable {
    characteristic
    title
    rows {
      code
      label
      count {
        value
        display
        suppressed
      }
    }
    total {
      value
      display
      suppressed
    }
    footnote
    disclosure
  }
`);
