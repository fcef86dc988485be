// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ConfirmationQuery = graphql(`
  query ReturnConfirmation($id: ID!) {
    performanceReturn(id: $id) {
      id
      status
      submittedAt
      submittedBy
      declarationName
      service {
        reference
        title
      }
      period {
        label
        financialYear
        quarter
      }
      versions {
        number
        status
        createdAt
      }
    }
  }
`);
