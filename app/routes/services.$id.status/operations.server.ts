// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ServiceStatusQuery = graphql(`
  query ServiceStatus($id: ID!) {
    service(id: $id) {
      id
      reference
      title
      status
      startDate
      endDate
      archived
      version
    }
  }
`);

export const ActivateMutation = graphql(`
  mutation ActivateService($input: ActivateCommissionedServiceInput!) {
    activateCommissionedService(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ExtendMutation = graphql(`
  mutation ExtendService($input: ExtendCommissionedServiceInput!) {
    extendCommissionedService(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const EndMutation = graphql(`
  mutation EndService($input: EndCommissionedServiceInput!) {
    endCommissionedService(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { ActivateServiceSchema, EndServiceSchema, ExtendServiceSchema } from '../../../graphql/validation/service';
