// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const PriorityIssueQuery = graphql(`
  query PriorityIssue($code: String!) {
    priorityIssue(code: $code) {
      code
      title
      description
      briefingText
      version
      investment {
        label
        amount
      }
      services {
        id
        reference
        title
        status
        annualValue
        provider {
          id
          name
        }
      }
    }
  }
`);
