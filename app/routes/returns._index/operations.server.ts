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

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { StartReturnSchema } from '../../../graphql/validation/return';
