// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReturnCheckAnswersQuery = graphql(`
  query ReturnCheckAnswers($id: ID!) {
    me {
      role
    }
    performanceReturn(id: $id) {
      id
      status
      version
      noActivity
      locked
      returnedReason
      reopenedReason
      submittedAt
      submittedBy
      reviewedAt
      reviewedBy
      service {
        id
        reference
        title
      }
      period {
        label
        dueDate
        locksOn
      }
      lockExceptions {
        endsAt
        revokedAt
      }
      values {
        measureCode
        breakdownOption
        value
        comment
        blankReason
      }
      checks {
        code
        severity
        status
        message
        measures
        explained
        explainedBy
      }
      ...ReturnFormShape
    }
  }
`);

export const SubmitMutation = graphql(`
  mutation SubmitReturnFromCheck($input: SubmitReturnInput!) {
    submitReturn(input: $input) {
      __typename
      ... on MutationSubmitReturnSuccess {
        data {
          id
          status
        }
      }
      ... on ValidationFailed {
        message
        problems {
          field
          message
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
export { DeclarationFormSchema } from '../../../graphql/validation/return';
