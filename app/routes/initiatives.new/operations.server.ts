// The GraphQL operations this page's action runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const CreateInitiativeMutation = graphql(`
  mutation CreateInitiative($input: CreateInitiativeInput!) {
    createInitiative(input: $input) {
      __typename
      ... on MutationCreateInitiativeSuccess {
        data {
          id
          name
        }
      }
      ... on NameTaken {
        message
      }
    }
  }
`);
