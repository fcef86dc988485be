// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ServiceQuery = graphql(`
  query Service($id: ID!) {
    me {
      role
    }
    service(id: $id) {
      id
      reference
      title
      description
      status
      startDate
      endDate
      annualValue
      totalValue
      cohortMinAge
      cohortMaxAge
      riskRating
      riskReason
      archived
      version
      provider {
        id
        name
      }
      leadOfficer {
        name
      }
      areas {
        name
      }
      priorityIssues {
        code
        title
      }
      harmTypes {
        name
      }
      forums {
        name
      }
      funding {
        financialYear
        label
        source
        amount
      }
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
          label
          amount
        }
      }
      statusHistory {
        id
        from
        to
        reason
        newEndDate
        changedBy
        at
      }
    }
  }
`);

export const ServiceActivityQuery = graphql(`
  query ServiceActivity($id: ID!) {
    service(id: $id) {
      activity {
        id
        at
        actor
        action
        table
        changes {
          field
          before
          after
        }
      }
    }
  }
`);

export const ArchiveServiceMutation = graphql(`
  mutation ArchiveService($input: ArchiveCommissionedServiceInput!) {
    archiveCommissionedService(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);
