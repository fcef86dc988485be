// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const PriorityIssuesQuery = graphql(`
  query PriorityIssues {
    priorityIssues {
      code
      title
      description
    }
  }
`);
