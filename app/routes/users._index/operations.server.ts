// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const UsersQuery = graphql(`
  query Users($organisationId: ID) {
    organisations(includeArchived: true) {
      id
      name
      archived
    }
    users(organisationId: $organisationId, includeDeactivated: true) {
      id
      name
      email
      role
      active
      hasPassword
      organisation {
        id
        name
      }
    }
  }
`);
