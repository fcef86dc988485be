// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const NotificationsQuery = graphql(`
  query Notifications {
    me {
      role
    }
    notifications {
      id
      kind
      subject
      body
      createdAt
      read
      returnId
    }
    unreadNotificationCount
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unread
    }
  }
`);
