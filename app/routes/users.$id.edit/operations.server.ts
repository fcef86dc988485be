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
