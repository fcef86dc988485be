// The GraphQL operations of one query thread (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const QueryThreadQuery = graphql(`
  query QueryThread($id: ID!) {
    returnQuery(id: $id) {
      id
      status
      measureLabel
      optionLabel
      raisedBy
      createdAt
      resolvedAt
      messages {
        id
        body
        authorName
        fromOpcc
        createdAt
      }
      return {
        id
        status
        service {
          reference
          title
          provider {
            name
          }
        }
        period {
          label
        }
      }
    }
  }
`);

export const ReplyToReturnQueryMutation = graphql(`
  mutation ReplyToReturnQuery($input: ReplyToReturnQueryInput!) {
    replyToReturnQuery(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ResolveReturnQueryMutation = graphql(`
  mutation ResolveReturnQuery($input: ResolveReturnQueryInput!) {
    resolveReturnQuery(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { ReplyToReturnQuerySchema, ResolveReturnQuerySchema } from '../../../graphql/validation/return-review';
