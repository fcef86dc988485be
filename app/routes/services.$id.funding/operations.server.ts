// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const FundingQuery = graphql(`
  query ServiceFunding($id: ID!) {
    service(id: $id) {
      id
      reference
      title
      version
      archived
      startDate
      endDate
      funding {
        financialYear
        label
        source
        amount
      }
    }
  }
`);

export const SetFundingMutation = graphql(`
  mutation SetServiceFunding($input: SetServiceFundingInput!) {
    setServiceFunding(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { SetServiceFundingSchema } from '../../../graphql/validation/service';
