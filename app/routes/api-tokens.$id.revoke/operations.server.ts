// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const RevokeApiTokenQuery = graphql(`
  query RevokeApiTokenPage {
    apiTokens(includeRevoked: true) {
      id
      name
      prefix
      createdBy
      createdAt
      lastUsedAt
      status
      organisation {
        name
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      __typename
      ... on MutationRevokeApiTokenSuccess {
        data {
          id
          name
        }
      }
      ... on NotFound {
        message
      }
    }
  }
`);
