// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const OrganisationDetailQuery = graphql(`
  query OrganisationDetail($id: ID!) {
    me {
      role
      organisation {
        id
      }
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
      archivedAt
      version
      areas {
        name
      }
      contacts {
        id
        name
        jobTitle
        email
        phone
        isPrimary
      }
      users {
        id
        name
        email
        role
        active
      }
      services {
        id
        reference
        title
        status
      }
    }
  }
`);
