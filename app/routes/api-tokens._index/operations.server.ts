// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ApiTokensQuery = graphql(`
  query ApiTokens($organisationId: ID, $includeRevoked: Boolean) {
    me {
      role
      organisation {
        id
        name
      }
    }
    apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {
      id
      name
      prefix
      createdBy
      createdAt
      lastUsedAt
      expiresAt
      revokedAt
      status
      organisation {
        id
        name
      }
    }
  }
`);

export const ApiTokenProvidersQuery = graphql(`
  query ApiTokenProviders {
    organisations(kind: PROVIDER) {
      id
      name
    }
  }
`);
