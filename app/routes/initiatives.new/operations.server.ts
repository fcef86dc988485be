// The GraphQL operations this page's action runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const CreateInitiativeMutation = graphql(`
  mutation CreateInitiative($input: CreateInitiativeInput!) {
    createInitiative(input: $input) {
      __typename
      ... on MutationCreateInitiativeSuccess {
        data {
          id
          name
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
export { CreateInitiativeSchema } from '../../../graphql/validation/initiative';
