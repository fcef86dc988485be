// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const PortfolioQuery = graphql(`
  query Portfolio($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {
    me {
      role
    }
    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {
      totalCount
      totalAnnualValue
      page
      pageSize
      pageCount
      nodes {
        id
        reference
        title
        status
        endDate
        annualValue
        riskRating
        provider {
          id
          name
        }
        priorityIssues {
          code
        }
      }
    }
    priorityIssues {
      code
      title
    }
    organisations(kind: PROVIDER) {
      id
      name
    }
    initiatives {
      id
      name
    }
    areas {
      id
      name
    }
  }
`);
