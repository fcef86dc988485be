// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const OrganisationsQuery = graphql(`
  query Organisations {
    me {
      role
    }
    organisations {
      id
      kind
      name
      type
      registeredNumber
      areas {
        name
      }
      users {
        id
        name
        email
        role
        active
      }
    }
  }
`);
