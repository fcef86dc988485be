// The GraphQL operations of the list of queries (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const QueriesListQuery = graphql(`
  query QueriesList($filter: ReturnQueryFilter) {
    returnQueries(filter: $filter) {
      id
      status
      measureLabel
      optionLabel
      createdAt
      raisedBy
      messageCount
      lastMessage {
        body
        authorName
        fromOpcc
        createdAt
      }
      return {
        id
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
