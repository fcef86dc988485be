// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardOutcomesQuery = graphql(`
  query DashboardOutcomesPage($filter: DashboardFilter) {
    dashboardOutcomes(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      domains {
        code
        label
        quarters {
          label
          selected
          returns
          assessed {
            value
            display
          }
          improved {
            value
            display
          }
          percentImproved {
            value
            display
            hidden
          }
          target {
            assessed
            improved
            percentImproved
          }
        }
        selection {
          label
          returns
          assessed {
            value
            display
          }
          improved {
            value
            display
          }
          percentImproved {
            value
            display
            hidden
          }
          target {
            assessed
            improved
            percentImproved
          }
        }
      }
      targetsNote
      disclosure
    }
  }
`);
