// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const EditQuery = graphql(`
  query EditPriorityIssue {
    priorityIssues {
      code
      title
      description
      version
    }
  }
`);

export const UpdateMutation = graphql(`
  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {
    updatePriorityIssue(input: $input) {
      __typename
      ... on MutationUpdatePriorityIssueSuccess {
        data {
          code
        }
      }
      ... on VersionConflict {
        message
        currentVersion
      }
      ... on NotFound {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { UpdatePriorityIssueSchema } from '../../../graphql/validation/reference';
