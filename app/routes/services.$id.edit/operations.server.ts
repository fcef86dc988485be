// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const EditServiceQuery = graphql(`
  query EditService($id: ID!) {
    service(id: $id) {
      id
      reference
      title
      description
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
        id
        name
      }
      areas {
        id
        name
      }
      priorityIssues {
        code
        title
      }
      harmTypes {
        id
        name
      }
      forums {
        id
        name
      }
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($input: UpdateCommissionedServiceInput!) {
    updateCommissionedService(input: $input) {
      __typename
      ... on MutationUpdateCommissionedServiceSuccess {
        data {
          id
        }
      }
      ... on VersionConflict {
        message
        currentVersion
      }
      ... on ReferenceTaken {
        message
      }
      ... on InvalidTransition {
        message
      }
      ... on NotFound {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdateServiceSchema } from '../../../graphql/validation/service';
