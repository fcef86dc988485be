// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ServiceFormOptionsQuery = graphql(`
  query ServiceFormOptions {
    organisations {
      id
      kind
      name
      archived
      users {
        id
        name
        role
        active
      }
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
    partnershipForums {
      id
      name
    }
  }
`);

export const CreateServiceMutation = graphql(`
  mutation CreateService($input: CreateCommissionedServiceInput!) {
    createCommissionedService(input: $input) {
      __typename
      ... on MutationCreateCommissionedServiceSuccess {
        data {
          id
        }
      }
      ... on ReferenceTaken {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { CreateServiceSchema } from '../../../graphql/validation/service';
