// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const InitiativeQuery = graphql(`
  query InitiativePage($id: ID!) {
    me {
      role
    }
    initiative(id: $id) {
      id
      name
      description
      leadPartner
      status
      fromBriefing
      funding {
        label
        amount
      }
      services {
        id
        reference
        title
        status
        provider {
          id
          name
        }
      }
    }
  }
`);
