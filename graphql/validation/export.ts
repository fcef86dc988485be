// Exports: the filter of the returns data export (a financial year, optionally a quarter, a service, a provider, and
// whether provisional figures are included). The shape is checked here; whether the year exists, whether the service
// and provider exist and whether the caller may see them is checked against the database and the caller by
// graphql/types/export.ts, with messages that name the value. The dashboards' exports take the DashboardFilter
// (./dashboard.ts).
import { z } from 'zod';
import { financialYearField, includeProvisionalField, optionalId, optionalQuarterField } from './dashboard';

export const ReturnsExportFilterSchema = z.object({
  financialYear: financialYearField,
  quarter: optionalQuarterField,
  serviceId: optionalId('Choose a service from the list'),
  providerId: optionalId('Choose a provider from the list'),
  includeProvisional: includeProvisionalField,
});

export type ReturnsExportFilter = z.infer<typeof ReturnsExportFilterSchema>;
export type ReturnsExportFilterFields = z.input<typeof ReturnsExportFilterSchema>;

/** The formats an export is made in. */
export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormatCode = (typeof EXPORT_FORMATS)[number];
