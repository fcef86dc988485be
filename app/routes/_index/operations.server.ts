// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      name
      role
      organisation {
        name
        kind
      }
    }
    priorityIssues {
      code
      title
    }
    reportingPeriods {
      label
      state
      opensOn
      dueDate
      locksOn
    }
    initiatives {
      name
    }
    organisations(kind: PROVIDER) {
      id
    }
  }
`);
