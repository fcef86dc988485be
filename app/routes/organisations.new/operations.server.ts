// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const NewOrganisationQuery = graphql(`
  query NewOrganisation {
    areas {
      id
      name
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      __typename
      ... on MutationCreateOrganisationSuccess {
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
export { CreateOrganisationSchema } from '../../../graphql/validation/organisation';
