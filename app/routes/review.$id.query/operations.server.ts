// The GraphQL operations of "Raise a query" (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReviewRaiseQueryPageQuery = graphql(`
  query ReviewRaiseQueryPage($id: ID!) {
    performanceReturn(id: $id) {
      id
      status
      submittedAt
      service {
        reference
        title
        provider {
          name
        }
      }
      period {
        label
      }
      history {
        sections {
          measures {
            code
            label
            unit
            current
            comment
            cells {
              breakdownOption
              optionLabel
              value
              comment
            }
          }
        }
      }
    }
  }
`);

export const RaiseReturnQueryMutation = graphql(`
  mutation RaiseReturnQuery($input: RaiseReturnQueryInput!) {
    raiseReturnQuery(input: $input) {
      __typename
      ... on MutationRaiseReturnQuerySuccess {
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
export { RaiseReturnQuerySchema } from '../../../graphql/validation/return-review';
