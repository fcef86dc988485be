// The GraphQL operations this resource route runs (server only).
import { graphql } from '~/gql';

export const PortfolioCsvQuery = graphql(`
  query PortfolioCsv($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {
    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {
      pageCount
      nodes {
        reference
        title
        provider {
          name
        }
        status
        startDate
        endDate
        annualValue
        totalValue
        riskRating
        priorityIssues {
          code
        }
        areas {
          name
        }
        initiatives {
          initiative {
            name
          }
        }
        fundingByYear {
          label
          amount
        }
      }
    }
  }
`);
