// The GraphQL operation this resource route runs (server only).
import { graphql } from '~/gql';

export const ReturnCsvTemplateQuery = graphql(`
  query ReturnCsvTemplate($id: ID!) {
    performanceReturn(id: $id) {
      id
      csvTemplate
      csvFileName
    }
  }
`);
