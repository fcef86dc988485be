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
