// What the pages call the API's enum values, and the order they offer them in (radios, selects, one field per funding
// source). Browser-safe and zod-free on purpose: a page must not import graphql/validation/* for a label, because
// importing one of those modules builds its zod schemas, which brings zod (about 92 KB gzip) into the page's
// JavaScript. The records are typed by the API's enums (app/gql, generated from the schema), so `tsc` fails until a
// new enum value has a label here. The zod schemas check what is submitted, on the server.
import type { FundingSource, InitiativeStatus, OrganisationType, Role } from '~/gql/graphql';

/** The keys of an exhaustive label record, in the record's order. */
const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  POLICY_OFFICER: 'Policy officer',
  COMMISSIONER: 'Commissioner',
  PROVIDER: 'Provider',
};
export const ROLES = keysOf(ROLE_LABELS);

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  CHARITY: 'Charity',
  NHS: 'NHS',
  LOCAL_AUTHORITY: 'Local authority',
  CIC: 'Community interest company',
  POLICE: 'Police',
  OTHER: 'Other',
};
export const ORGANISATION_TYPES = keysOf(ORGANISATION_TYPE_LABELS);

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  PLANNED: 'Planned',
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  CLOSED: 'Closed',
};
export const INITIATIVE_STATUSES = keysOf(INITIATIVE_STATUS_LABELS);

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  PCC_CORE_GRANT: 'PCC core grant',
  MOJ_VICTIMS_GRANT: 'Ministry of Justice victims grant',
  HOME_OFFICE: 'Home Office',
  PARTNER_CONTRIBUTION: 'Partner contribution',
  OTHER: 'Other',
};
export const FUNDING_SOURCES = keysOf(FUNDING_SOURCE_LABELS);
