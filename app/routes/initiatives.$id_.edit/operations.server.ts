// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const EditInitiativeQuery = graphql(`
  query EditInitiative($id: ID!) {
    initiative(id: $id) {
      id
      name
      description
      leadPartner
      status
      version
    }
  }
`);

export const UpdateInitiativeMutation = graphql(`
  mutation UpdateInitiative($input: UpdateInitiativeInput!) {
    updateInitiative(input: $input) {
      __typename
      ... on MutationUpdateInitiativeSuccess {
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
      ... on NameTaken {
        message
      }
    }
  }
`);
