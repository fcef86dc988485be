// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const NewApiTokenQuery = graphql(`
  query NewApiToken {
    me {
      role
      organisation {
        id
        name
      }
    }
    organisations(kind: PROVIDER) {
      id
      name
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on MutationCreateApiTokenSuccess {
        data {
          token
          apiToken {
            id
            name
            prefix
            expiresAt
            organisation {
              id
              name
            }
          }
        }
      }
      ... on NameTaken {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { CreateApiTokenSchema } from '../../../graphql/validation/api-token';
