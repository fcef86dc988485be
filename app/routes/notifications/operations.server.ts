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

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { MarkNotificationsReadSchema } from '../../../graphql/validation/notification';
