// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardInitiativesQuery = graphql(`
  query DashboardInitiatives($filter: DashboardFilter) {
    dashboardInitiatives(filter: $filter) {
      filter {
        ...DashboardEcho
      }
      disclosure
      initiatives {
        id
        name
        status
        funding
        sessionsDelivered
        newServiceUsers {
          display
        }
        services {
          serviceId
          reference
          title
          providerName
          funding
          sessionsDelivered
          newServiceUsers {
            display
          }
        }
      }
    }
  }
`);
