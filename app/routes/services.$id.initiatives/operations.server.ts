// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ServiceInitiativesQuery = graphql(`
  query ServiceInitiatives($id: ID!) {
    service(id: $id) {
      id
      reference
      title
      archived
      fundingByYear {
        financialYear
        label
        amount
      }
      initiatives {
        initiative {
          id
          name
        }
        funding {
          financialYear
          label
          amount
        }
      }
    }
    initiatives {
      id
      name
    }
  }
`);

export const LinkInitiativeMutation = graphql(`
  mutation LinkServiceInitiative($input: ServiceInitiativeInput!) {
    linkServiceInitiative(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const UnlinkInitiativeMutation = graphql(`
  mutation UnlinkServiceInitiative($input: ServiceInitiativeInput!) {
    unlinkServiceInitiative(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const SetInitiativeFundingMutation = graphql(`
  mutation SetInitiativeFunding($input: SetInitiativeFundingInput!) {
    setInitiativeFunding(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { ServiceInitiativeSchema, SetInitiativeFundingSchema } from '../../../graphql/validation/service';
