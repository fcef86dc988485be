// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const InitiativesQuery = graphql(`
  query Initiatives {
    me {
      role
      organisation {
        kind
      }
    }
    initiatives {
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
    }
  }
`);
