// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReturnOverviewQuery = graphql(`
  query ReturnOverview($id: ID!) {
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

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { NoActivitySchema } from '../../../graphql/validation/return';
