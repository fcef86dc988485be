// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const TargetsQuery = graphql(`
  query ServiceTargets($id: ID!, $year: Int!) {
    me {
      role
    }
    service(id: $id) {
      id
      reference
      title
      startDate
      endDate
      archived
      version
      targets(financialYear: $year) {
        measureCode
        quarter
        value
      }
      targetMeasures(financialYear: $year) {
        code
        title
        measures {
          code
          label
          unit
          direction
        }
      }
    }
  }
`);

export const UpdateTargetsMutation = graphql(`
  mutation UpdateServiceTargets($input: UpdateServiceTargetsInput!) {
    updateServiceTargets(input: $input) {
      __typename
      ... on MutationUpdateServiceTargetsSuccess {
        data {
          id
          version
        }
      }
      ... on VersionConflict {
        message
        currentVersion
      }
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdateServiceTargetsSchema } from '../../../graphql/validation/target';
