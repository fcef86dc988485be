// The GraphQL operation this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const OutboxQuery = graphql(`
  query EmailOutbox($page: Int) {
    emailOutbox(page: $page) {
      page
      pageCount
      total
      unsent
      nodes {
        id
        to
        subject
        body
        createdAt
        sentAt
        error
      }
    }
  }
`);
