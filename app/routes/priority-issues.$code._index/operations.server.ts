// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const PriorityIssueQuery = graphql(`
  query PriorityIssue {
    priorityIssues {
      code
      title
      description
      briefingText
      version
    }
  }
`);
