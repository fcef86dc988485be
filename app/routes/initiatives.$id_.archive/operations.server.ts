// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ArchiveInitiativeQuery = graphql(`
  query ArchiveInitiativePage($id: ID!) {
    initiative(id: $id) {
      id
      name
      archived
      version
      services {
        id
      }
    }
  }
`);

export const ArchiveInitiativeMutation = graphql(`
  mutation ArchiveInitiative($input: ArchiveInitiativeInput!) {
    archiveInitiative(input: $input) {
      __typename
      ... on MutationArchiveInitiativeSuccess {
        data {
          id
        }
      }
      ... on VersionConflict {
        message
      }
      ... on NotFound {
        message
      }
    }
  }
`);
