// Dashboards: the one filter every dashboard takes (financial year, quarter, area, priority issue, provider, and
// whether provisional figures are included). The shape is checked here; whether the year, codes and provider exist,
// whether the quarter has ended and whether the caller may see provisional figures is checked against the database
// and the caller by graphql/types/dashboard-filter.ts#resolveDashboardFilter, with messages that name the value.
import { z } from 'zod';

const QUARTER_MESSAGE = 'Choose a quarter from 1 to 4, or none for the whole year';

/** A reference-data code ("PI-ONLINE", "DURHAM"): blank means "any". */
const optionalCode = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .max(40, { error: `${label.charAt(0).toUpperCase()}${label.slice(1)} must be 40 characters or fewer` })
    .nullish()
    .transform((value) => (value ? value.toUpperCase() : null));

/** A financial year by its first calendar year (2026 is 2026/27). */
export const financialYearField = z
  .number({ error: 'Enter a financial year like 2026 (for 2026/27)' })
  .int({ error: 'Enter a financial year like 2026 (for 2026/27)' })
  .min(2000, { error: 'Enter a financial year from 2000/01' })
  .max(2100, { error: 'Enter a financial year before 2100/01' });

/** A quarter 1-4; absent (null) for the whole year. */
export const optionalQuarterField = z
  .number({ error: QUARTER_MESSAGE })
  .int({ error: QUARTER_MESSAGE })
  .min(1, { error: QUARTER_MESSAGE })
  .max(4, { error: QUARTER_MESSAGE })
  .nullish()
  .transform((value) => value ?? null);

/** An id chosen from a list (a UUID); blank means "any". */
export const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value), { error: message });

/** Whether provisional figures (returns not yet approved) are included: officers and admins only. */
export const includeProvisionalField = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

export const DashboardFilterSchema = z.object({
  financialYear: financialYearField,
  quarter: optionalQuarterField,
  areaCode: optionalCode('an area code'),
  priorityIssueCode: optionalCode('a priority issue code'),
  providerId: optionalId('Choose a provider from the list'),
  includeProvisional: includeProvisionalField,
});

export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;
export type DashboardFilterFields = z.input<typeof DashboardFilterSchema>;
