// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const UploadReturnQuery = graphql(`
  query UploadReturn($id: ID!) {
    performanceReturn(id: $id) {
      id
      status
      version
      locked
      csvFileName
      service {
        id
        reference
        title
      }
      period {
        label
        dueDate
        locksOn
      }
    }
  }
`);

export const ImportReturnCsvMutation = graphql(`
  mutation ImportReturnCsv($input: ImportReturnCsvInput!) {
    importReturnCsv(input: $input) {
      __typename
      ... on MutationImportReturnCsvSuccess {
        data {
          imported
          changed
          performanceReturn {
            id
            version
          }
        }
      }
      ... on CsvImportFailed {
        message
        problems {
          row
          column
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

// The file's reader and limits, for the action (through this server-only module: return-csv.ts imports the zod
// schemas of graphql/validation/return.ts, which would bring zod into the page's browser JavaScript).
export { decodeCsvBytes, MAX_CSV_BYTES, MAX_CSV_ROWS } from '../../../graphql/domain/return-csv';
