// The GraphQL operations of the review queue (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReviewQueueQuery = graphql(`
  query ReviewQueue($periodId: ID, $status: ReturnStatus, $includeWaiting: Boolean!) {
    reportingPeriods {
      id
      label
      state
    }
    reviewQueue(periodId: $periodId) @include(if: $includeWaiting) {
      id
      status
      submittedAt
      service {
        id
        reference
        title
        provider {
          id
          name
        }
      }
      period {
        id
        label
        dueDate
        locksOn
      }
    }
    recentlyReviewedReturns(periodId: $periodId, status: $status, limit: 20) {
      id
      status
      submittedAt
      reviewedAt
      reviewedBy
      service {
        id
        reference
        title
        provider {
          id
          name
        }
      }
      period {
        id
        label
        dueDate
      }
    }
  }
`);
