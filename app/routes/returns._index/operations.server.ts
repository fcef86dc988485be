// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReturnTasksQuery = graphql(`
  query ReturnTaskList {
    me {
      role
      organisation {
        name
      }
    }
    returnTasks {
      status
      dueDate
      locksOn
      locked
      overdue
      editable
      lockExceptionEndsAt
      service {
        id
        reference
        title
      }
      period {
        id
        label
        financialYear
      }
      performanceReturn {
        id
        returnedReason
      }
    }
  }
`);

export const StartReturnMutation = graphql(`
  mutation StartReturn($input: StartReturnInput!) {
    startReturn(input: $input) {
      __typename
      ... on MutationStartReturnSuccess {
        data {
          id
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
