// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ArchiveOrganisationQuery = graphql(`
  query ArchiveOrganisationPage($id: ID!) {
    organisation(id: $id) {
      id
      kind
      name
      archived
      version
      users(includeDeactivated: false) {
        id
      }
    }
  }
`);

export const ArchiveOrganisationMutation = graphql(`
  mutation ArchiveOrganisation($input: ArchiveOrganisationInput!) {
    archiveOrganisation(input: $input) {
      __typename
      ... on MutationArchiveOrganisationSuccess {
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
      ... on NotAllowed {
        message
      }
    }
  }
`);
