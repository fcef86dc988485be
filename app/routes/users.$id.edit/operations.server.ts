// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const EditUserQuery = graphql(`
  query EditUser($id: ID!) {
    organisations {
      id
      name
      kind
    }
    user(id: $id) {
      id
      name
      email
      role
      version
      organisation {
        id
        name
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      __typename
      ... on MutationUpdateUserSuccess {
        data {
          id
        }
      }
      ... on VersionConflict {
        message
        currentVersion
      }
      ... on NotFound {
        message
      }
      ... on NotAllowed {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdateUserSchema } from '../../../graphql/validation/user';
