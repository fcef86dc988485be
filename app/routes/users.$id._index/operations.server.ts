// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const UserDetailQuery = graphql(`
  query UserDetail($id: ID!) {
    me {
      id
    }
    user(id: $id) {
      id
      name
      email
      role
      active
      hasPassword
      lastSignInAt
      createdAt
      deactivatedAt
      version
      organisation {
        id
        name
        archived
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: UserVersionInput!) {
    deactivateUser(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($input: UserVersionInput!) {
    reactivateUser(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      __typename
      ... on MutationResetUserPasswordSuccess {
        data {
          setPasswordUrl
          expiresAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
