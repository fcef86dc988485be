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
