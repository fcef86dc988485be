// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const EditOrganisationQuery = graphql(`
  query EditOrganisation($id: ID!) {
    areas {
      id
      name
    }
    organisation(id: $id) {
      id
      kind
      name
      type
      registeredNumber
      email
      phone
      address
      website
      archived
      version
      areas {
        id
        name
      }
      contacts {
        name
        jobTitle
        email
        phone
        isPrimary
      }
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      __typename
      ... on MutationUpdateOrganisationSuccess {
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
      ... on NameTaken {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdateOrganisationSchema } from '../../../graphql/validation/organisation';
