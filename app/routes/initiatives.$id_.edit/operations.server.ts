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

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdateInitiativeSchema } from '../../../graphql/validation/initiative';
