// The GraphQL operation this resource route runs (server only).
import { graphql } from '~/gql';

export const DashboardExportQuery = graphql(`
  query DashboardExport($dashboard: DashboardName!, $format: ExportFormat!, $filter: DashboardFilter) {
    dashboardExport(dashboard: $dashboard, format: $format, filter: $filter) {
      filename
      contentType
      encoding
      content
    }
  }
`);
