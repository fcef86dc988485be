// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const NewUserQuery = graphql(`
  query NewUser {
    organisations {
      id
      name
      kind
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on MutationCreateUserSuccess {
        data {
          setPasswordUrl
          expiresAt
          user {
            id
            name
            email
            role
            organisation {
              id
              name
            }
          }
        }
      }
      ... on EmailTaken {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { CreateUserSchema } from '../../../graphql/validation/user';
