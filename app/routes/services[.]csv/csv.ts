// The portfolio as CSV (RFC 4180, UTF-8 with a BOM: graphql/domain/csv.ts). Money as plain numbers ("85000.00").
import { toCsv } from '../../../graphql/domain/csv';

export interface CsvService {
  reference: string;
  title: string;
  provider: { name: string };
  status: string;
  startDate: string;
  endDate: string;
  annualValue: string;
  totalValue: string;
  riskRating: string;
  priorityIssues: { code: string }[];
  areas: { name: string }[];
  initiatives: { initiative: { name: string } }[];
  fundingByYear: { label: string; amount: string }[];
}

const STATUS: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', EXTENDED: 'Extended', ENDED: 'Ended' };
const RISK: Record<string, string> = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };

export const CSV_HEADER = [
  'Reference',
  'Title',
  'Provider',
  'Status',
  'Start date',
  'End date',
  'Annual value',
  'Total value',
  'Risk',
  'Priority issues',
  'Areas',
  'Initiatives',
  'Funding by year',
];

export function servicesCsv(services: CsvService[]): string {
  return toCsv(
    CSV_HEADER,
    services.map((service) => [
      service.reference,
      service.title,
      service.provider.name,
      STATUS[service.status] ?? service.status,
      service.startDate,
      service.endDate,
      service.annualValue,
      service.totalValue,
      RISK[service.riskRating] ?? service.riskRating,
      service.priorityIssues.map((issue) => issue.code).join('; '),
      service.areas.map((area) => area.name).join('; '),
      service.initiatives.map((link) => link.initiative.name).join('; '),
      service.fundingByYear.map((year) => `${year.label}: ${year.amount}`).join('; '),
    ]),
  );
}
