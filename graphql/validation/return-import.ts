// The input of importReturnCsv (a return's CSV file, as text), shared by the API and the upload page. The file
// itself is read by graphql/domain/return-csv.ts, whose messages name each row and column.
import { z } from 'zod';
import { MAX_CSV_BYTES } from '../domain/return-csv';
import { expectedVersion, id } from './common';

export const ImportReturnCsvSchema = z.object({
  returnId: id('the return'),
  csv: z
    .string({ error: 'Choose a CSV file to upload' })
    .max(MAX_CSV_BYTES, { error: `The file must be ${MAX_CSV_BYTES / (1024 * 1024)} MB or smaller` }),
  expectedVersion,
});
export type ImportReturnCsvInput = z.infer<typeof ImportReturnCsvSchema>;
