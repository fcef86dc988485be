// The GraphQL operation this resource route runs (server only).
import { graphql } from '~/gql';

export const ReturnsDataExportQuery = graphql(`
  query ReturnsDataExport($format: ExportFormat!, $filter: ReturnsExportFilter!) {
    returnsDataExport(format: $format, filter: $filter) {
      filename
      contentType
      encoding
      content
    }
  }
`);
