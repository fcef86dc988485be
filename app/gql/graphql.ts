/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActivateCommissionedServiceInput = {
  expectedVersion: number;
  id: string | number;
};

export type ApiTokenStatus =
  /** Works now. */
  | 'ACTIVE'
  /** Passed its expiry date. */
  | 'EXPIRED'
  /** Revoked: it will never work again. */
  | 'REVOKED';

export type ArchiveCommissionedServiceInput = {
  expectedVersion: number;
  id: string | number;
};

export type ArchiveInitiativeInput = {
  expectedVersion: number;
  id: string | number;
};

export type ArchiveOrganisationInput = {
  expectedVersion: number;
  id: string | number;
};

export type BriefingDecisionKind =
  /** A contract ends within 6 months and no extension is decided. */
  | 'CONTRACT_ENDING'
  /** No service in scope addresses a priority issue. */
  | 'NO_SERVICE'
  /** A service reported fewer improved outcomes than its target. */
  | 'OUTCOME_TARGET_MISSED'
  /** A service running now has a red risk. */
  | 'RED_RISK'
  /** A return was not received by its lock date. */
  | 'RETURN_OVERDUE';

export type BriefingPersonKind =
  /** The OPCC officer leading the service. */
  | 'LEAD_OFFICER'
  /** The provider's primary contact. */
  | 'PROVIDER_CONTACT';

export type CheckSeverityLevel =
  | 'HARD'
  | 'SOFT';

export type CheckStatus =
  | 'FAILED'
  | 'PASSED'
  | 'SKIPPED';

export type CreateApiTokenInput = {
  /** Optional expiry date, YYYY-MM-DD: the token stops working at the start of that day (UTC). In the future, at most 2 years ahead. */
  expiresAt?: string | null | undefined;
  /** To recognise it, e.g. "Case management system". Unique among the organisation's active tokens. */
  name: string;
  /** The provider it acts for. Administrators must give it; a provider's user may leave it out. */
  organisationId?: string | number | null | undefined;
};

export type CreateCommissionedServiceInput = {
  annualValue: string;
  areaIds?: Array<string | number> | null | undefined;
  cohortMaxAge?: number | null | undefined;
  cohortMinAge?: number | null | undefined;
  description?: string | null | undefined;
  endDate: string;
  forumIds?: Array<string | number> | null | undefined;
  harmTypeIds?: Array<string | number> | null | undefined;
  leadOfficerId?: string | number | null | undefined;
  priorityIssueCodes: Array<string>;
  providerId: string | number;
  /** Unique, e.g. OPCC-CSAE-2026-004. */
  reference: string;
  riskRating: RiskRating;
  /** Required when AMBER or RED. */
  riskReason?: string | null | undefined;
  startDate: string;
  /** PLANNED or ACTIVE. */
  status: ServiceStatus;
  title: string;
  totalValue: string;
};

export type CreateInitiativeInput = {
  description: string;
  leadPartner?: string | null | undefined;
  name: string;
  status: InitiativeStatus;
};

export type CreateOrganisationInput = {
  address?: string | null | undefined;
  /** The areas served. */
  areaIds?: Array<string | number> | null | undefined;
  /** The whole list: on update, it replaces the contacts. */
  contacts?: Array<OrganisationContactInput> | null | undefined;
  email?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
  registeredNumber?: string | null | undefined;
  type: OrganisationType;
  /** Starting with https:// (or http://). */
  website?: string | null | undefined;
};

export type CreateUserInput = {
  email: string;
  name: string;
  organisationId: string | number;
  role: Role;
};

/** What a dashboard covers. Approved returns only unless includeProvisional (officers and admins only). Absent: the financial year of the latest quarter that has ended, whole year. */
export type DashboardFilter = {
  /** An area code; absent for every area. */
  areaCode?: string | null | undefined;
  /** The first calendar year of the financial year: 2026 is 2026/27. */
  financialYear: number;
  /** Also count returns submitted but not yet approved (officers and admins only). */
  includeProvisional?: boolean | null | undefined;
  /** A priority issue code such as PI-ONLINE; absent for every issue. */
  priorityIssueCode?: string | null | undefined;
  /** A provider organisation; absent for every provider. */
  providerId?: string | number | null | undefined;
  /** 1 to 4; absent for the whole year. The quarter must have ended. */
  quarter?: number | null | undefined;
};

/** A dashboard whose tables can be exported. */
export type DashboardName =
  /** The "Contracts ending in the next 6 months" dashboard. */
  | 'CONTRACTS_ENDING'
  /** The "Coverage of priority issues" dashboard. */
  | 'COVERAGE'
  /** The "Portfolio headline" dashboard. */
  | 'HEADLINE'
  /** The "What initiatives delivered" dashboard. */
  | 'INITIATIVES'
  /** The "Outcomes by domain" dashboard. */
  | 'OUTCOMES'
  /** The "Reach: who the services supported" dashboard. */
  | 'REACH'
  /** The "Timeliness of returns" dashboard. */
  | 'TIMELINESS'
  /** The "Value for money" dashboard. */
  | 'VALUE_FOR_MONEY';

export type EndCommissionedServiceInput = {
  endDate: string;
  expectedVersion: number;
  id: string | number;
  reason: string;
};

/** The file an export is made as. */
export type ExportFormat =
  /** CSV (RFC 4180), UTF-8 with a byte order mark; every table in one file, each after its caption, then the notes. */
  | 'CSV'
  /** Excel workbook: a sheet per table (numbers as numbers) and a Notes sheet. */
  | 'XLSX';

export type ExtendCommissionedServiceInput = {
  expectedVersion: number;
  id: string | number;
  newEndDate: string;
  reason: string;
};

export type FundingAmountInput = {
  amount: string;
  source: FundingSource;
};

export type FundingSource =
  | 'HOME_OFFICE'
  | 'MOJ_VICTIMS_GRANT'
  | 'OTHER'
  | 'PARTNER_CONTRIBUTION'
  | 'PCC_CORE_GRANT';

export type GrantLockExceptionInput = {
  /** When the exception ends; in the future. */
  endsAt: string;
  reason: string;
  returnId: string | number;
};

export type ImportReturnCsvInput = {
  /** The whole file as text (the template's columns; a byte order mark is allowed). At most 5 MB and 5,000 rows. */
  csv: string;
  /** The version of the return you read; a stale one answers VersionConflict. */
  expectedVersion: number;
  returnId: string | number;
};

export type InitiativeStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'PAUSED'
  | 'PLANNED';

export type MarkNotificationsReadInput = {
  /** Mark every one of your notifications as read. */
  all?: boolean | null | undefined;
  /** The notifications to mark as read (your own; others are ignored). */
  ids?: Array<string | number> | null | undefined;
};

export type OrganisationContactInput = {
  email?: string | null | undefined;
  isPrimary?: boolean | null | undefined;
  jobTitle?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
};

export type OrganisationKind =
  | 'OPCC'
  | 'PROVIDER';

export type OrganisationType =
  | 'CHARITY'
  | 'CIC'
  | 'LOCAL_AUTHORITY'
  | 'NHS'
  | 'OTHER'
  | 'POLICE';

/** Where a reporting period is in its cycle today (dates in England). */
export type PeriodState =
  /** Past the lock date: only an admin exception allows edits. */
  | 'LOCKED'
  /** Open for returns, before the due date. */
  | 'OPEN'
  /** Past the due date, before the lock date: late returns are still accepted. */
  | 'OVERDUE'
  /** The quarter has not ended: returns cannot be submitted yet. */
  | 'UPCOMING';

/** OPEN: waiting for the provider. ANSWERED: the provider replied. RESOLVED: closed by an officer. */
export type QueryStatus =
  | 'ANSWERED'
  | 'OPEN'
  | 'RESOLVED';

export type RaiseReturnQueryInput = {
  /** The breakdown option ('' or absent: the measure's total). */
  breakdownOption?: string | null | undefined;
  /** The measure asked about; absent for the whole return. */
  measureCode?: string | null | undefined;
  message: string;
  returnId: string | number;
};

export type ReopenReturnInput = {
  expectedVersion: number;
  reason: string;
  returnId: string | number;
};

export type ReplyToReturnQueryInput = {
  message: string;
  queryId: string | number;
};

export type ResetUserPasswordInput = {
  id: string | number;
};

export type ResolveReturnQueryInput = {
  /** The status the officer saw: if the thread moved on since (a reply came in), the answer is VersionConflict. */
  expectedStatus?: QueryStatus | null | undefined;
  queryId: string | number;
};

export type ReturnQueryFilter = {
  returnId?: string | number | null | undefined;
  status?: QueryStatus | null | undefined;
};

export type ReturnStatus =
  | 'APPROVED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  | 'REOPENED'
  | 'RETURNED'
  | 'SUBMITTED';

export type ReturnValueInput = {
  /** Why the figure is blank; a blank without one is removed. */
  blankReason?: string | null | undefined;
  /** '' or absent for the total. */
  breakdownOption?: string | null | undefined;
  comment?: string | null | undefined;
  measureCode: string;
  /** As typed; blank (or absent) clears the figure. */
  value?: string | null | undefined;
};

/** Which returns to export: approved ones unless includeProvisional (officers and admins only). */
export type ReturnsExportFilter = {
  /** The first calendar year of the financial year: 2025 is 2025/26. */
  financialYear: number;
  /** Also returns submitted, returned for changes or reopened, not yet approved (officers and admins only). */
  includeProvisional?: boolean | null | undefined;
  /** One provider organisation; absent for every provider (providers: only their own). */
  providerId?: string | number | null | undefined;
  /** 1 to 4; absent for the whole year. */
  quarter?: number | null | undefined;
  /** One service; absent for every service (providers: every service of their own). */
  serviceId?: string | number | null | undefined;
};

export type ReviewReturnInput = {
  expectedVersion: number;
  /** Required to return it for changes. */
  reason?: string | null | undefined;
  returnId: string | number;
};

export type RevokeApiTokenInput = {
  id: string | number;
};

export type RiskRating =
  | 'AMBER'
  | 'GREEN'
  | 'RED';

/** What a user may do: see docs/permissions in the README. */
export type Role =
  | 'ADMIN'
  | 'COMMISSIONER'
  | 'POLICY_OFFICER'
  | 'PROVIDER';

export type SaveReturnDraftInput = {
  /** Required when the return exists: a stale one answers VersionConflict. */
  expectedVersion?: number | null | undefined;
  noActivity?: boolean | null | undefined;
  periodId?: string | number | null | undefined;
  returnId?: string | number | null | undefined;
  /** With periodId, to start a return that does not exist yet. */
  serviceId?: string | number | null | undefined;
  values: Array<ReturnValueInput>;
};

export type ServiceFilter = {
  areaId?: string | number | null | undefined;
  /** Active or extended contracts ending between today and today + N months (1-60). */
  endsWithinMonths?: number | null | undefined;
  fundingSource?: FundingSource | null | undefined;
  includeArchived?: boolean | null | undefined;
  initiativeId?: string | number | null | undefined;
  /** Services addressing any of these issues. */
  priorityIssueCodes?: Array<string> | null | undefined;
  providerId?: string | number | null | undefined;
  /** Part of the reference or title, any case. */
  search?: string | null | undefined;
  statuses?: Array<ServiceStatus> | null | undefined;
};

export type ServiceInitiativeInput = {
  initiativeId: string | number;
  serviceId: string | number;
};

export type ServiceOrder = {
  direction?: SortDirection | null | undefined;
  field: ServiceSortField;
};

export type ServiceSortField =
  | 'ANNUAL_VALUE'
  | 'END_DATE'
  | 'PROVIDER'
  | 'REFERENCE'
  | 'TITLE';

export type ServiceStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'EXTENDED'
  | 'PLANNED';

export type SetInitiativeFundingInput = {
  /** 0 removes the year. */
  amount: string;
  financialYear: number;
  initiativeId: string | number;
  serviceId: string | number;
};

export type SetServiceFundingInput = {
  /** The year's funding by source; sources left out are removed. */
  amounts: Array<FundingAmountInput>;
  expectedVersion: number;
  /** 2026 for 2026/27. */
  financialYear: number;
  serviceId: string | number;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StartReturnInput = {
  periodId: string | number;
  serviceId: string | number;
};

export type SubmitReturnInput = {
  /** The full name of the person declaring the return complete and accurate. */
  declarationName: string;
  expectedVersion: number;
  returnId: string | number;
};

export type TargetInput = {
  measureCode: string;
  /** 0 for the whole financial year, 1-4 for a quarter. */
  quarter: number;
  /** As typed ("40", "£1,200", "85%"); blank (or absent) removes the target. */
  value?: string | null | undefined;
};

export type UpdateCommissionedServiceInput = {
  annualValue: string;
  areaIds?: Array<string | number> | null | undefined;
  cohortMaxAge?: number | null | undefined;
  cohortMinAge?: number | null | undefined;
  description?: string | null | undefined;
  endDate: string;
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  forumIds?: Array<string | number> | null | undefined;
  harmTypeIds?: Array<string | number> | null | undefined;
  id: string | number;
  leadOfficerId?: string | number | null | undefined;
  priorityIssueCodes: Array<string>;
  providerId: string | number;
  reference: string;
  riskRating: RiskRating;
  riskReason?: string | null | undefined;
  startDate: string;
  title: string;
  totalValue: string;
};

export type UpdateInitiativeInput = {
  description: string;
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  id: string | number;
  leadPartner?: string | null | undefined;
  name: string;
  status: InitiativeStatus;
};

export type UpdateOrganisationInput = {
  address?: string | null | undefined;
  /** The areas served. */
  areaIds?: Array<string | number> | null | undefined;
  /** The whole list: on update, it replaces the contacts. */
  contacts?: Array<OrganisationContactInput> | null | undefined;
  email?: string | null | undefined;
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  id: string | number;
  name: string;
  phone?: string | null | undefined;
  registeredNumber?: string | null | undefined;
  type: OrganisationType;
  /** Starting with https:// (or http://). */
  website?: string | null | undefined;
};

export type UpdatePriorityIssueInput = {
  code: string;
  description: string;
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  title: string;
};

export type UpdateServiceTargetsInput = {
  /** The service's version you read; a stale one answers VersionConflict. */
  expectedVersion: number;
  /** 2026 for 2026/27. */
  financialYear: number;
  serviceId: string | number;
  /** The targets to set or (blank value) remove. Targets not listed are left as they are. */
  targets: Array<TargetInput>;
};

export type UpdateUserInput = {
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  id: string | number;
  name: string;
  organisationId: string | number;
  role: Role;
};

export type UserVersionInput = {
  expectedVersion: number;
  id: string | number;
};

export type ValueChangeKind =
  /** Blank before, a value after. */
  | 'ADDED'
  /** A different value. */
  | 'CHANGED'
  /** The same value; only its comment changed. */
  | 'COMMENT'
  /** A value before, blank after. */
  | 'REMOVED';

/** What a cost per person divides. */
export type ValueForMoneyCostBasis =
  /** No return reported spend: the financial year's funding (whole-year views only). */
  | 'FUNDING'
  /** The total row only: services use different bases. */
  | 'MIXED'
  /** No spend reported and no funding to use: no cost per person. */
  | 'NONE'
  /** Actual spend reported in the counted returns (FIN_SPEND_QUARTER). */
  | 'SPEND';

export type DashboardFilterChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardFilterChoicesQuery = { me: { role: Role } | null, reportingPeriods: Array<{ id: string, financialYear: number, quarter: number, label: string, endDate: string }>, areas: Array<{ code: string, name: string }>, priorityIssues: Array<{ code: string, title: string }>, organisations: Array<{ id: string, name: string }> };

export type DashboardEchoFragment = { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number };

export type ReturnFormShapeFragment = { form: { sections: Array<{ code: string, title: string, description: string | null, measures: Array<{ code: string, label: string, helpText: string | null, unit: string, direction: string, required: boolean, totalMeasure: string | null, breakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null, secondaryBreakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null }> }> } };

export type SaveReturnSectionMutationVariables = Exact<{
  input: SaveReturnDraftInput;
}>;


export type SaveReturnSectionMutation = { saveReturnDraft:
    | { __typename: 'MutationSaveReturnDraftSuccess', data: { id: string, version: number, status: ReturnStatus, values: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }> } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'PeriodLocked', message: string }
    | { __typename: 'ValidationFailed', message: string, problems: Array<{ field: string, message: string }> }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type ReturnLatestValuesQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnLatestValuesQuery = { performanceReturn: { id: string, version: number, status: ReturnStatus, values: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }> } | null };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { name: string, role: Role, organisation: { name: string, kind: OrganisationKind } } | null, priorityIssues: Array<{ code: string, title: string }>, reportingPeriods: Array<{ label: string, state: PeriodState, opensOn: string, dueDate: string, locksOn: string }>, initiatives: Array<{ name: string }>, organisations: Array<{ id: string }> };

export type RevokeApiTokenPageQueryVariables = Exact<{ [key: string]: never; }>;


export type RevokeApiTokenPageQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, createdBy: string, createdAt: string, lastUsedAt: string | null, status: ApiTokenStatus, organisation: { name: string } }> };

export type RevokeApiTokenMutationVariables = Exact<{
  input: RevokeApiTokenInput;
}>;


export type RevokeApiTokenMutation = { revokeApiToken:
    | { __typename: 'MutationRevokeApiTokenSuccess', data: { id: string, name: string } }
    | { __typename: 'NotFound', message: string }
   };

export type ApiTokensQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
  includeRevoked?: boolean | null | undefined;
}>;


export type ApiTokensQuery = { me: { role: Role, organisation: { id: string, name: string } } | null, apiTokens: Array<{ id: string, name: string, prefix: string, createdBy: string, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, status: ApiTokenStatus, organisation: { id: string, name: string } }> };

export type ApiTokenProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokenProvidersQuery = { organisations: Array<{ id: string, name: string }> };

export type NewApiTokenQueryVariables = Exact<{ [key: string]: never; }>;


export type NewApiTokenQuery = { me: { role: Role, organisation: { id: string, name: string } } | null, organisations: Array<{ id: string, name: string }> };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken:
    | { __typename: 'MutationCreateApiTokenSuccess', data: { token: string, apiToken: { id: string, name: string, prefix: string, expiresAt: string | null, organisation: { id: string, name: string } } } }
    | { __typename: 'NameTaken', message: string }
   };

export type BriefingPackFieldsFragment = { title: string, topic: string, preparedOn: string, periodLabel: string, purpose: string, decisionsNeededSummary: string, disclosure: string | null, roundingFootnote: string | null, exactFiguresNotice: string | null, provenance: string, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, author: { name: string, role: string }, background: { opening: string, formsOfHarmIntroduction: string, formsOfHarm: Array<string>, paragraphs: Array<string>, forumsSentence: string, initiativesIntroduction: string, initiatives: Array<string> }, headline: { activeServices: number, annualInvestment: string, childrenSupportedPeriod: string, returnsExpected: number, returnsReceived: number, returnsOnTime: number, summary: string, childrenSupported: { display: string }, returnsOnTimePercentage: { display: string } }, currentIssues: Array<{ number: number, code: string, title: string, description: string, gap: boolean, gapStatement: string | null, peopleSupportedPeriod: string, outcomeLabel: string, trendStatement: string, summary: string, services: Array<{ id: string, reference: string, title: string, providerName: string, investment: string }>, peopleSupported: { display: string }, outcomeImprovedPercentage: { display: string }, trend: Array<{ periodLabel: string, peopleSupported: { display: string } }> }>, decisionsNeeded: Array<{ kind: BriefingDecisionKind, title: string, reason: string }>, partnershipInvolvement: { statement: string, summary: string, forums: Array<{ code: string, name: string, services: number }> }, policeInvolvement: { statement: string, initiativesIntroduction: string, initiatives: Array<{ id: string, name: string, leadPartner: string | null, services: number }> }, peopleToMeet: { standing: string, summary: string, people: Array<{ kind: BriefingPersonKind, name: string, role: string, organisationName: string, reasons: Array<string> }> } };

export type BriefingPackQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type BriefingPackQuery = { briefingPack: { title: string, topic: string, preparedOn: string, periodLabel: string, purpose: string, decisionsNeededSummary: string, disclosure: string | null, roundingFootnote: string | null, exactFiguresNotice: string | null, provenance: string, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, author: { name: string, role: string }, background: { opening: string, formsOfHarmIntroduction: string, formsOfHarm: Array<string>, paragraphs: Array<string>, forumsSentence: string, initiativesIntroduction: string, initiatives: Array<string> }, headline: { activeServices: number, annualInvestment: string, childrenSupportedPeriod: string, returnsExpected: number, returnsReceived: number, returnsOnTime: number, summary: string, childrenSupported: { display: string }, returnsOnTimePercentage: { display: string } }, currentIssues: Array<{ number: number, code: string, title: string, description: string, gap: boolean, gapStatement: string | null, peopleSupportedPeriod: string, outcomeLabel: string, trendStatement: string, summary: string, services: Array<{ id: string, reference: string, title: string, providerName: string, investment: string }>, peopleSupported: { display: string }, outcomeImprovedPercentage: { display: string }, trend: Array<{ periodLabel: string, peopleSupported: { display: string } }> }>, decisionsNeeded: Array<{ kind: BriefingDecisionKind, title: string, reason: string }>, partnershipInvolvement: { statement: string, summary: string, forums: Array<{ code: string, name: string, services: number }> }, policeInvolvement: { statement: string, initiativesIntroduction: string, initiatives: Array<{ id: string, name: string, leadPartner: string | null, services: number }> }, peopleToMeet: { standing: string, summary: string, people: Array<{ kind: BriefingPersonKind, name: string, role: string, organisationName: string, reasons: Array<string> }> } } };

export type BriefingPackForCirculationQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type BriefingPackForCirculationQuery = { briefingPack: { title: string, topic: string, preparedOn: string, periodLabel: string, purpose: string, decisionsNeededSummary: string, disclosure: string | null, roundingFootnote: string | null, exactFiguresNotice: string | null, provenance: string, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, author: { name: string, role: string }, background: { opening: string, formsOfHarmIntroduction: string, formsOfHarm: Array<string>, paragraphs: Array<string>, forumsSentence: string, initiativesIntroduction: string, initiatives: Array<string> }, headline: { activeServices: number, annualInvestment: string, childrenSupportedPeriod: string, returnsExpected: number, returnsReceived: number, returnsOnTime: number, summary: string, childrenSupported: { display: string }, returnsOnTimePercentage: { display: string } }, currentIssues: Array<{ number: number, code: string, title: string, description: string, gap: boolean, gapStatement: string | null, peopleSupportedPeriod: string, outcomeLabel: string, trendStatement: string, summary: string, services: Array<{ id: string, reference: string, title: string, providerName: string, investment: string }>, peopleSupported: { display: string }, outcomeImprovedPercentage: { display: string }, trend: Array<{ periodLabel: string, peopleSupported: { display: string } }> }>, decisionsNeeded: Array<{ kind: BriefingDecisionKind, title: string, reason: string }>, partnershipInvolvement: { statement: string, summary: string, forums: Array<{ code: string, name: string, services: number }> }, policeInvolvement: { statement: string, initiativesIntroduction: string, initiatives: Array<{ id: string, name: string, leadPartner: string | null, services: number }> }, peopleToMeet: { standing: string, summary: string, people: Array<{ kind: BriefingPersonKind, name: string, role: string, organisationName: string, reasons: Array<string> }> } } };

export type DashboardHeadlineQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardHeadlineQuery = { dashboardHeadline: { disclosure: string | null, activeServices: number, annualInvestment: string, yearToDateLabel: string, returnsExpected: number, returnsReceived: number, returnsOnTime: number, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, childrenSupportedYearToDate: { display: string, suppressed: boolean }, returnsOnTimePercentage: { display: string } }, dashboardTimeliness: { quarters: Array<{ periodId: string, label: string, expected: number, received: number, onTime: number }> } };

export type DashboardContractsEndingQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardContractsEndingQuery = { dashboardContractsEnding: { disclosure: string | null, today: string, until: string, totalAnnualValue: string, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, contracts: Array<{ serviceId: string, reference: string, title: string, providerName: string, status: string, endDate: string, daysLeft: number, monthsLeft: number, annualValue: string }> } };

export type DashboardCoverageQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardCoverageQuery = { dashboardCoverage: { disclosure: string | null, gapCount: number, totalInvestment: string, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, issues: Array<{ code: string, title: string, gap: boolean, investment: string, services: Array<{ id: string, reference: string, title: string, providerName: string, investment: string }> }> } };

export type DashboardInitiativesQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardInitiativesQuery = { dashboardInitiatives: { disclosure: string | null, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, initiatives: Array<{ id: string, name: string, status: string, funding: string, sessionsDelivered: number, newServiceUsers: { display: string }, services: Array<{ serviceId: string, reference: string, title: string, providerName: string, funding: string, sessionsDelivered: number, newServiceUsers: { display: string } }> }> } };

export type DashboardOutcomesPageQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardOutcomesPageQuery = { dashboardOutcomes: { targetsNote: string, disclosure: string | null, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, domains: Array<{ code: string, label: string, quarters: Array<{ label: string, selected: boolean, returns: number, assessed: { value: number | null, display: string }, improved: { value: number | null, display: string }, percentImproved: { value: number | null, display: string, hidden: boolean }, target: { assessed: number | null, improved: number | null, percentImproved: number | null } | null }>, selection: { label: string, returns: number, assessed: { value: number | null, display: string }, improved: { value: number | null, display: string }, percentImproved: { value: number | null, display: string, hidden: boolean }, target: { assessed: number | null, improved: number | null, percentImproved: number | null } | null } }> } };

export type DashboardReachPageQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardReachPageQuery = { dashboardReach: { disclosure: string | null, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, byAge: { characteristic: string, title: string, footnote: string | null, disclosure: string | null, rows: Array<{ code: string, label: string, count: { value: number | null, display: string, suppressed: boolean } }>, total: { value: number | null, display: string, suppressed: boolean } }, byGender: { characteristic: string, title: string, footnote: string | null, disclosure: string | null, rows: Array<{ code: string, label: string, count: { value: number | null, display: string, suppressed: boolean } }>, total: { value: number | null, display: string, suppressed: boolean } }, byEthnicity: { characteristic: string, title: string, footnote: string | null, disclosure: string | null, rows: Array<{ code: string, label: string, count: { value: number | null, display: string, suppressed: boolean } }>, total: { value: number | null, display: string, suppressed: boolean } } } };

export type ReachTableFieldsFragment = { characteristic: string, title: string, footnote: string | null, disclosure: string | null, rows: Array<{ code: string, label: string, count: { value: number | null, display: string, suppressed: boolean } }>, total: { value: number | null, display: string, suppressed: boolean } };

export type DashboardTimelinessQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardTimelinessQuery = { dashboardTimeliness: { disclosure: string | null, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, quarters: Array<{ periodId: string, quarter: number, label: string, dueDate: string, dueDatePassed: boolean, expected: number, received: number, onTime: number, late: number, notReceived: number, approved: number, receivedPercentage: { display: string }, onTimePercentage: { display: string }, approvedPercentage: { display: string } }> } };

export type DashboardValueForMoneyPageQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardValueForMoneyPageQuery = { dashboardValueForMoney: { costBasisNote: string, disclosure: string | null, filter: { label: string, provisional: boolean, provisionalNote: string | null, controlled: boolean, financialYear: number }, services: Array<{ serviceId: string | null, reference: string | null, title: string | null, providerName: string | null, costBasis: ValueForMoneyCostBasis, costAmount: string | null, childrenSupported: { display: string }, improvedOutcomes: { display: string }, costPerChild: { display: string }, costPerImprovedOutcome: { display: string } }>, total: { serviceId: string | null, reference: string | null, title: string | null, providerName: string | null, costBasis: ValueForMoneyCostBasis, costAmount: string | null, childrenSupported: { display: string }, improvedOutcomes: { display: string }, costPerChild: { display: string }, costPerImprovedOutcome: { display: string } } } };

export type ValueForMoneyRowFieldsFragment = { serviceId: string | null, reference: string | null, title: string | null, providerName: string | null, costBasis: ValueForMoneyCostBasis, costAmount: string | null, childrenSupported: { display: string }, improvedOutcomes: { display: string }, costPerChild: { display: string }, costPerImprovedOutcome: { display: string } };

export type DashboardExportQueryVariables = Exact<{
  dashboard: DashboardName;
  format: ExportFormat;
  filter?: DashboardFilter | null | undefined;
}>;


export type DashboardExportQuery = { dashboardExport: { filename: string, contentType: string, encoding: string, content: string } };

export type ReturnsDataExportQueryVariables = Exact<{
  format: ExportFormat;
  filter: ReturnsExportFilter;
}>;


export type ReturnsDataExportQuery = { returnsDataExport: { filename: string, contentType: string, encoding: string, content: string } };

export type InitiativePageQueryVariables = Exact<{
  id: string | number;
}>;


export type InitiativePageQuery = { me: { role: Role } | null, initiative: { id: string, name: string, description: string, leadPartner: string | null, status: InitiativeStatus, fromBriefing: boolean, funding: Array<{ label: string, amount: string }>, services: Array<{ id: string, reference: string, title: string, status: ServiceStatus, provider: { id: string, name: string } }> } | null };

export type ArchiveInitiativePageQueryVariables = Exact<{
  id: string | number;
}>;


export type ArchiveInitiativePageQuery = { initiative: { id: string, name: string, archived: boolean, version: number, services: Array<{ id: string }> } | null };

export type ArchiveInitiativeMutationVariables = Exact<{
  input: ArchiveInitiativeInput;
}>;


export type ArchiveInitiativeMutation = { archiveInitiative:
    | { __typename: 'MutationArchiveInitiativeSuccess', data: { id: string } }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type EditInitiativeQueryVariables = Exact<{
  id: string | number;
}>;


export type EditInitiativeQuery = { initiative: { id: string, name: string, description: string, leadPartner: string | null, status: InitiativeStatus, version: number } | null };

export type UpdateInitiativeMutationVariables = Exact<{
  input: UpdateInitiativeInput;
}>;


export type UpdateInitiativeMutation = { updateInitiative:
    | { __typename: 'MutationUpdateInitiativeSuccess', data: { id: string } }
    | { __typename: 'NameTaken', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type InitiativesQueryVariables = Exact<{ [key: string]: never; }>;


export type InitiativesQuery = { me: { role: Role, organisation: { kind: OrganisationKind } } | null, initiatives: Array<{ id: string, name: string, description: string, leadPartner: string | null, status: InitiativeStatus, fromBriefing: boolean, funding: Array<{ label: string, amount: string }> }> };

export type CreateInitiativeMutationVariables = Exact<{
  input: CreateInitiativeInput;
}>;


export type CreateInitiativeMutation = { createInitiative:
    | { __typename: 'MutationCreateInitiativeSuccess', data: { id: string, name: string } }
    | { __typename: 'NameTaken', message: string }
   };

export type NotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsQuery = { unreadNotificationCount: number, me: { role: Role } | null, notifications: Array<{ id: string, kind: string, subject: string, body: string, createdAt: string, read: boolean, returnId: string | null }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unread: number } };

export type OrganisationDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganisationDetailQuery = { me: { role: Role, organisation: { id: string } } | null, organisation: { id: string, kind: OrganisationKind, name: string, type: OrganisationType, registeredNumber: string | null, email: string | null, phone: string | null, address: string | null, website: string | null, archived: boolean, archivedAt: string | null, version: number, areas: Array<{ name: string }>, contacts: Array<{ id: string, name: string, jobTitle: string | null, email: string | null, phone: string | null, isPrimary: boolean }>, users: Array<{ id: string, name: string, email: string, role: Role, active: boolean }>, services: Array<{ id: string, reference: string, title: string, status: ServiceStatus }> } | null };

export type ArchiveOrganisationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ArchiveOrganisationPageQuery = { organisation: { id: string, kind: OrganisationKind, name: string, archived: boolean, version: number, users: Array<{ id: string }> } | null };

export type ArchiveOrganisationMutationVariables = Exact<{
  input: ArchiveOrganisationInput;
}>;


export type ArchiveOrganisationMutation = { archiveOrganisation:
    | { __typename: 'MutationArchiveOrganisationSuccess', data: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type EditOrganisationQueryVariables = Exact<{
  id: string | number;
}>;


export type EditOrganisationQuery = { areas: Array<{ id: string, name: string }>, organisation: { id: string, kind: OrganisationKind, name: string, type: OrganisationType, registeredNumber: string | null, email: string | null, phone: string | null, address: string | null, website: string | null, archived: boolean, version: number, areas: Array<{ id: string, name: string }>, contacts: Array<{ name: string, jobTitle: string | null, email: string | null, phone: string | null, isPrimary: boolean }> } | null };

export type UpdateOrganisationMutationVariables = Exact<{
  input: UpdateOrganisationInput;
}>;


export type UpdateOrganisationMutation = { updateOrganisation:
    | { __typename: 'MutationUpdateOrganisationSuccess', data: { id: string } }
    | { __typename: 'NameTaken', message: string }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type OrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationsQuery = { me: { role: Role } | null, organisations: Array<{ id: string, kind: OrganisationKind, name: string, type: OrganisationType, registeredNumber: string | null, areas: Array<{ name: string }>, users: Array<{ id: string, name: string, email: string, role: Role, active: boolean }> }> };

export type NewOrganisationQueryVariables = Exact<{ [key: string]: never; }>;


export type NewOrganisationQuery = { areas: Array<{ id: string, name: string }> };

export type CreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreateOrganisationMutation = { createOrganisation:
    | { __typename: 'MutationCreateOrganisationSuccess', data: { id: string, name: string } }
    | { __typename: 'NameTaken', message: string }
   };

export type EmailOutboxQueryVariables = Exact<{
  page?: number | null | undefined;
}>;


export type EmailOutboxQuery = { emailOutbox: { page: number, pageCount: number, total: number, unsent: number, nodes: Array<{ id: string, to: string, subject: string, body: string, createdAt: string, sentAt: string | null, error: string | null }> } };

export type PriorityIssueQueryVariables = Exact<{
  code: string;
}>;


export type PriorityIssueQuery = { priorityIssue: { code: string, title: string, description: string, briefingText: string, version: number, investment: Array<{ label: string, amount: string }>, services: Array<{ id: string, reference: string, title: string, status: ServiceStatus, annualValue: string, provider: { id: string, name: string } }> } | null };

export type EditPriorityIssueQueryVariables = Exact<{ [key: string]: never; }>;


export type EditPriorityIssueQuery = { priorityIssues: Array<{ code: string, title: string, description: string, version: number }> };

export type UpdatePriorityIssueMutationVariables = Exact<{
  input: UpdatePriorityIssueInput;
}>;


export type UpdatePriorityIssueMutation = { updatePriorityIssue:
    | { __typename: 'MutationUpdatePriorityIssueSuccess', data: { code: string } }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type PriorityIssuesQueryVariables = Exact<{ [key: string]: never; }>;


export type PriorityIssuesQuery = { priorityIssues: Array<{ code: string, title: string, description: string }> };

export type QueryThreadQueryVariables = Exact<{
  id: string | number;
}>;


export type QueryThreadQuery = { returnQuery: { id: string, status: QueryStatus, measureLabel: string | null, optionLabel: string | null, raisedBy: string, createdAt: string, resolvedAt: string | null, messages: Array<{ id: string, body: string, authorName: string, fromOpcc: boolean, createdAt: string }>, return: { id: string, status: ReturnStatus, service: { reference: string, title: string, provider: { name: string } }, period: { label: string } } } | null };

export type ReplyToReturnQueryMutationVariables = Exact<{
  input: ReplyToReturnQueryInput;
}>;


export type ReplyToReturnQueryMutation = { replyToReturnQuery:
    | { __typename: 'MutationReplyToReturnQuerySuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
   };

export type ResolveReturnQueryMutationVariables = Exact<{
  input: ResolveReturnQueryInput;
}>;


export type ResolveReturnQueryMutation = { resolveReturnQuery:
    | { __typename: 'MutationResolveReturnQuerySuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type QueriesListQueryVariables = Exact<{
  filter?: ReturnQueryFilter | null | undefined;
}>;


export type QueriesListQuery = { returnQueries: Array<{ id: string, status: QueryStatus, measureLabel: string | null, optionLabel: string | null, createdAt: string, raisedBy: string, messageCount: number, lastMessage: { body: string, authorName: string, fromOpcc: boolean, createdAt: string } | null, return: { id: string, service: { reference: string, title: string, provider: { name: string } }, period: { label: string } } }> };

export type ReturnOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnOverviewQuery = { me: { role: Role } | null, performanceReturn: { id: string, status: ReturnStatus, version: number, noActivity: boolean, locked: boolean, returnedReason: string | null, reopenedReason: string | null, submittedAt: string | null, submittedBy: string | null, reviewedAt: string | null, reviewedBy: string | null, service: { id: string, reference: string, title: string }, period: { label: string, dueDate: string, locksOn: string }, lockExceptions: Array<{ endsAt: string, revokedAt: string | null }>, values: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }>, checks: Array<{ code: string, severity: CheckSeverityLevel, status: CheckStatus, message: string, measures: Array<string>, explained: boolean | null, explainedBy: string | null }>, form: { sections: Array<{ code: string, title: string, description: string | null, measures: Array<{ code: string, label: string, helpText: string | null, unit: string, direction: string, required: boolean, totalMeasure: string | null, breakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null, secondaryBreakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null }> }> } } | null };

export type ReturnCheckAnswersQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnCheckAnswersQuery = { me: { role: Role } | null, performanceReturn: { id: string, status: ReturnStatus, version: number, noActivity: boolean, locked: boolean, returnedReason: string | null, reopenedReason: string | null, submittedAt: string | null, submittedBy: string | null, reviewedAt: string | null, reviewedBy: string | null, service: { id: string, reference: string, title: string }, period: { label: string, dueDate: string, locksOn: string }, lockExceptions: Array<{ endsAt: string, revokedAt: string | null }>, values: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }>, checks: Array<{ code: string, severity: CheckSeverityLevel, status: CheckStatus, message: string, measures: Array<string>, explained: boolean | null, explainedBy: string | null }>, form: { sections: Array<{ code: string, title: string, description: string | null, measures: Array<{ code: string, label: string, helpText: string | null, unit: string, direction: string, required: boolean, totalMeasure: string | null, breakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null, secondaryBreakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null }> }> } } | null };

export type SubmitReturnFromCheckMutationVariables = Exact<{
  input: SubmitReturnInput;
}>;


export type SubmitReturnFromCheckMutation = { submitReturn:
    | { __typename: 'MutationSubmitReturnSuccess', data: { id: string, status: ReturnStatus } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'PeriodLocked', message: string }
    | { __typename: 'ValidationFailed', message: string, problems: Array<{ field: string, message: string }> }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReturnConfirmationQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnConfirmationQuery = { performanceReturn: { id: string, status: ReturnStatus, submittedAt: string | null, submittedBy: string | null, declarationName: string | null, service: { reference: string, title: string }, period: { label: string, financialYear: number, quarter: number }, versions: Array<{ number: number, status: ReturnStatus, createdAt: string }> } | null };

export type ReturnSectionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnSectionPageQuery = { me: { role: Role } | null, performanceReturn: { id: string, status: ReturnStatus, version: number, locked: boolean, returnedReason: string | null, service: { id: string, reference: string, title: string }, period: { label: string, dueDate: string, locksOn: string }, values: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }>, form: { financialYear: number, quarter: number, previousPeriodLabel: string | null, previousValues: Array<{ measureCode: string, breakdownOption: string, value: string | null, comment: string | null, blankReason: string | null }>, targets: Array<{ measureCode: string, quarter: number, value: string }>, checks: Array<{ code: string, severity: string, rule: string, message: string }>, sections: Array<{ code: string, title: string, description: string | null, measures: Array<{ code: string, label: string, helpText: string | null, unit: string, direction: string, required: boolean, totalMeasure: string | null, breakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null, secondaryBreakdown: { code: string, label: string, options: Array<{ code: string, label: string, isNotKnown: boolean }> } | null }> }> } } | null };

export type ReturnCsvTemplateQueryVariables = Exact<{
  id: string | number;
}>;


export type ReturnCsvTemplateQuery = { performanceReturn: { id: string, csvTemplate: string, csvFileName: string } | null };

export type UploadReturnQueryVariables = Exact<{
  id: string | number;
}>;


export type UploadReturnQuery = { performanceReturn: { id: string, status: ReturnStatus, version: number, locked: boolean, csvFileName: string, service: { id: string, reference: string, title: string }, period: { label: string, dueDate: string, locksOn: string } } | null };

export type ImportReturnCsvMutationVariables = Exact<{
  input: ImportReturnCsvInput;
}>;


export type ImportReturnCsvMutation = { importReturnCsv:
    | { __typename: 'CsvImportFailed', message: string, problems: Array<{ row: number | null, column: string | null, message: string }> }
    | { __typename: 'MutationImportReturnCsvSuccess', data: { imported: number, changed: number, performanceReturn: { id: string, version: number } } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'PeriodLocked', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReturnTaskListQueryVariables = Exact<{ [key: string]: never; }>;


export type ReturnTaskListQuery = { me: { role: Role, organisation: { name: string } } | null, returnTasks: Array<{ status: ReturnStatus, dueDate: string, locksOn: string, locked: boolean, overdue: boolean, editable: boolean, lockExceptionEndsAt: string | null, service: { id: string, reference: string, title: string }, period: { id: string, label: string, financialYear: number }, performanceReturn: { id: string, returnedReason: string | null } | null }> };

export type StartReturnMutationVariables = Exact<{
  input: StartReturnInput;
}>;


export type StartReturnMutation = { startReturn:
    | { __typename: 'MutationStartReturnSuccess', data: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'PeriodLocked', message: string }
   };

export type ReviewReturnQueryVariables = Exact<{
  id: string | number;
  compareFrom: number;
  compareTo?: number | null | undefined;
  withComparison: boolean;
}>;


export type ReviewReturnQuery = { performanceReturn: { id: string, status: ReturnStatus, version: number, noActivity: boolean, declarationName: string | null, submittedAt: string | null, submittedBy: string | null, reviewedAt: string | null, reviewedBy: string | null, returnedReason: string | null, reopenedReason: string | null, locked: boolean, service: { id: string, reference: string, title: string, provider: { id: string, name: string } }, period: { id: string, label: string, dueDate: string, locksOn: string }, lockExceptions: Array<{ id: string, reason: string, endsAt: string, revokedAt: string | null, grantedBy: string }>, checks: Array<{ code: string, severity: CheckSeverityLevel, status: CheckStatus, message: string, measures: Array<string>, explained: boolean | null, explainedBy: string | null }>, versions: Array<{ id: string, number: number, status: ReturnStatus, createdAt: string, createdBy: string }>, versionComparison?: { fromVersion: number, fromStatus: ReturnStatus, fromCreatedAt: string, toVersion: number | null, toStatus: ReturnStatus, toCreatedAt: string | null, noActivityChanged: boolean, noActivityNow: boolean | null, changes: Array<{ measureCode: string, measureLabel: string, sectionTitle: string | null, breakdownOption: string, optionLabel: string | null, kind: ValueChangeKind, before: string | null, after: string | null, commentBefore: string | null, commentAfter: string | null, commentChanged: boolean }> } | null, changesSinceApproval: { fromVersion: number, fromStatus: ReturnStatus, fromCreatedAt: string, toVersion: number | null, toStatus: ReturnStatus, toCreatedAt: string | null, noActivityChanged: boolean, noActivityNow: boolean | null, changes: Array<{ measureCode: string, measureLabel: string, sectionTitle: string | null, breakdownOption: string, optionLabel: string | null, kind: ValueChangeKind, before: string | null, after: string | null, commentBefore: string | null, commentAfter: string | null, commentChanged: boolean }> } | null, queries: Array<{ id: string, status: QueryStatus, measureLabel: string | null, optionLabel: string | null, messageCount: number, lastMessage: { authorName: string, createdAt: string } | null }>, history: { periods: Array<{ label: string, status: ReturnStatus | null }>, sections: Array<{ code: string, title: string, measures: Array<{ code: string, label: string, unit: string, current: string | null, comment: string | null, blankReason: string | null, previous: Array<string | null>, quarterTarget: string | null, annualTarget: string | null, target: string | null, targetMet: boolean | null, cells: Array<{ breakdownOption: string, optionLabel: string, value: string | null, comment: string | null, blankReason: string | null }> }> }>, targets: Array<{ measureCode: string, measureLabel: string, label: string, value: string }> } } | null };

export type ReviewComparisonFragment = { fromVersion: number, fromStatus: ReturnStatus, fromCreatedAt: string, toVersion: number | null, toStatus: ReturnStatus, toCreatedAt: string | null, noActivityChanged: boolean, noActivityNow: boolean | null, changes: Array<{ measureCode: string, measureLabel: string, sectionTitle: string | null, breakdownOption: string, optionLabel: string | null, kind: ValueChangeKind, before: string | null, after: string | null, commentBefore: string | null, commentAfter: string | null, commentChanged: boolean }> };

export type ReviewApproveReturnMutationVariables = Exact<{
  input: ReviewReturnInput;
}>;


export type ReviewApproveReturnMutation = { approveReturn:
    | { __typename: 'MutationApproveReturnSuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReviewReturnForChangesMutationVariables = Exact<{
  input: ReviewReturnInput;
}>;


export type ReviewReturnForChangesMutation = { returnForChanges:
    | { __typename: 'MutationReturnForChangesSuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReviewReopenReturnMutationVariables = Exact<{
  input: ReopenReturnInput;
}>;


export type ReviewReopenReturnMutation = { reopenReturn:
    | { __typename: 'MutationReopenReturnSuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReviewGrantLockExceptionMutationVariables = Exact<{
  input: GrantLockExceptionInput;
}>;


export type ReviewGrantLockExceptionMutation = { grantLockException:
    | { __typename: 'MutationGrantLockExceptionSuccess' }
    | { __typename: 'NotFound', message: string }
   };

export type ReviewRaiseQueryPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewRaiseQueryPageQuery = { performanceReturn: { id: string, status: ReturnStatus, submittedAt: string | null, service: { reference: string, title: string, provider: { name: string } }, period: { label: string }, history: { sections: Array<{ measures: Array<{ code: string, label: string, unit: string, current: string | null, comment: string | null, cells: Array<{ breakdownOption: string, optionLabel: string, value: string | null, comment: string | null }> }> }> } } | null };

export type RaiseReturnQueryMutationVariables = Exact<{
  input: RaiseReturnQueryInput;
}>;


export type RaiseReturnQueryMutation = { raiseReturnQuery:
    | { __typename: 'MutationRaiseReturnQuerySuccess', data: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
   };

export type ReviewQueueQueryVariables = Exact<{
  periodId?: string | number | null | undefined;
  status?: ReturnStatus | null | undefined;
  includeWaiting: boolean;
}>;


export type ReviewQueueQuery = { reportingPeriods: Array<{ id: string, label: string, state: PeriodState }>, reviewQueue?: Array<{ id: string, status: ReturnStatus, submittedAt: string | null, service: { id: string, reference: string, title: string, provider: { id: string, name: string } }, period: { id: string, label: string, dueDate: string, locksOn: string } }>, recentlyReviewedReturns: Array<{ id: string, status: ReturnStatus, submittedAt: string | null, reviewedAt: string | null, reviewedBy: string | null, service: { id: string, reference: string, title: string, provider: { id: string, name: string } }, period: { id: string, label: string, dueDate: string } }> };

export type ServiceQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceQuery = { me: { role: Role } | null, service: { id: string, reference: string, title: string, description: string | null, status: ServiceStatus, startDate: string, endDate: string, annualValue: string, totalValue: string, cohortMinAge: number | null, cohortMaxAge: number | null, riskRating: RiskRating, riskReason: string | null, archived: boolean, version: number, provider: { id: string, name: string }, leadOfficer: { name: string } | null, areas: Array<{ name: string }>, priorityIssues: Array<{ code: string, title: string }>, harmTypes: Array<{ name: string }>, forums: Array<{ name: string }>, funding: Array<{ financialYear: number, label: string, source: FundingSource, amount: string }>, fundingByYear: Array<{ financialYear: number, label: string, amount: string }>, initiatives: Array<{ initiative: { id: string, name: string }, funding: Array<{ label: string, amount: string }> }>, statusHistory: Array<{ id: string, from: ServiceStatus | null, to: ServiceStatus, reason: string | null, newEndDate: string | null, changedBy: string | null, at: string }> } | null };

export type ServiceActivityQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceActivityQuery = { service: { activity: Array<{ id: string, at: string, actor: string, action: string, table: string, changes: Array<{ field: string, before: string | null, after: string | null }> }> } | null };

export type ArchiveServiceMutationVariables = Exact<{
  input: ArchiveCommissionedServiceInput;
}>;


export type ArchiveServiceMutation = { archiveCommissionedService:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationArchiveCommissionedServiceSuccess' }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type EditServiceQueryVariables = Exact<{
  id: string | number;
}>;


export type EditServiceQuery = { service: { id: string, reference: string, title: string, description: string | null, startDate: string, endDate: string, annualValue: string, totalValue: string, cohortMinAge: number | null, cohortMaxAge: number | null, riskRating: RiskRating, riskReason: string | null, archived: boolean, version: number, provider: { id: string, name: string }, leadOfficer: { id: string, name: string } | null, areas: Array<{ id: string, name: string }>, priorityIssues: Array<{ code: string, title: string }>, harmTypes: Array<{ id: string, name: string }>, forums: Array<{ id: string, name: string }> } | null };

export type UpdateServiceMutationVariables = Exact<{
  input: UpdateCommissionedServiceInput;
}>;


export type UpdateServiceMutation = { updateCommissionedService:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationUpdateCommissionedServiceSuccess', data: { id: string } }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'ReferenceTaken', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type ServiceFundingQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceFundingQuery = { service: { id: string, reference: string, title: string, version: number, archived: boolean, startDate: string, endDate: string, funding: Array<{ financialYear: number, label: string, source: FundingSource, amount: string }> } | null };

export type SetServiceFundingMutationVariables = Exact<{
  input: SetServiceFundingInput;
}>;


export type SetServiceFundingMutation = { setServiceFunding:
    | { __typename: 'FundingExceeded', message: string }
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationSetServiceFundingSuccess' }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ServiceInitiativesQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceInitiativesQuery = { service: { id: string, reference: string, title: string, archived: boolean, fundingByYear: Array<{ financialYear: number, label: string, amount: string }>, initiatives: Array<{ initiative: { id: string, name: string }, funding: Array<{ financialYear: number, label: string, amount: string }> }> } | null, initiatives: Array<{ id: string, name: string }> };

export type LinkServiceInitiativeMutationVariables = Exact<{
  input: ServiceInitiativeInput;
}>;


export type LinkServiceInitiativeMutation = { linkServiceInitiative:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationLinkServiceInitiativeSuccess' }
    | { __typename: 'NotFound', message: string }
   };

export type UnlinkServiceInitiativeMutationVariables = Exact<{
  input: ServiceInitiativeInput;
}>;


export type UnlinkServiceInitiativeMutation = { unlinkServiceInitiative:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationUnlinkServiceInitiativeSuccess' }
    | { __typename: 'NotFound', message: string }
   };

export type SetInitiativeFundingMutationVariables = Exact<{
  input: SetInitiativeFundingInput;
}>;


export type SetInitiativeFundingMutation = { setInitiativeFunding:
    | { __typename: 'FundingExceeded', message: string }
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationSetInitiativeFundingSuccess' }
    | { __typename: 'NotFound', message: string }
   };

export type ServiceStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceStatusQuery = { service: { id: string, reference: string, title: string, status: ServiceStatus, startDate: string, endDate: string, archived: boolean, version: number } | null };

export type ActivateServiceMutationVariables = Exact<{
  input: ActivateCommissionedServiceInput;
}>;


export type ActivateServiceMutation = { activateCommissionedService:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationActivateCommissionedServiceSuccess' }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ExtendServiceMutationVariables = Exact<{
  input: ExtendCommissionedServiceInput;
}>;


export type ExtendServiceMutation = { extendCommissionedService:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationExtendCommissionedServiceSuccess' }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type EndServiceMutationVariables = Exact<{
  input: EndCommissionedServiceInput;
}>;


export type EndServiceMutation = { endCommissionedService:
    | { __typename: 'InvalidTransition', message: string }
    | { __typename: 'MutationEndCommissionedServiceSuccess' }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ServiceTargetsQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type ServiceTargetsQuery = { me: { role: Role } | null, service: { id: string, reference: string, title: string, startDate: string, endDate: string, archived: boolean, version: number, targets: Array<{ measureCode: string, quarter: number, value: string }>, targetMeasures: Array<{ code: string, title: string, measures: Array<{ code: string, label: string, unit: string, direction: string }> }> } | null };

export type UpdateServiceTargetsMutationVariables = Exact<{
  input: UpdateServiceTargetsInput;
}>;


export type UpdateServiceTargetsMutation = { updateServiceTargets:
    | { __typename: 'MutationUpdateServiceTargetsSuccess', data: { id: string, version: number } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type PortfolioQueryVariables = Exact<{
  filter?: ServiceFilter | null | undefined;
  orderBy?: ServiceOrder | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type PortfolioQuery = { me: { role: Role } | null, services: { totalCount: number, totalAnnualValue: string, page: number, pageSize: number, pageCount: number, nodes: Array<{ id: string, reference: string, title: string, status: ServiceStatus, endDate: string, annualValue: string, riskRating: RiskRating, provider: { id: string, name: string }, priorityIssues: Array<{ code: string }> }> }, priorityIssues: Array<{ code: string, title: string }>, organisations: Array<{ id: string, name: string }>, initiatives: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }> };

export type ServiceFormOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceFormOptionsQuery = { organisations: Array<{ id: string, kind: OrganisationKind, name: string, archived: boolean, users: Array<{ id: string, name: string, role: Role, active: boolean }> }>, areas: Array<{ id: string, name: string }>, priorityIssues: Array<{ code: string, title: string }>, harmTypes: Array<{ id: string, name: string }>, partnershipForums: Array<{ id: string, name: string }> };

export type CreateServiceMutationVariables = Exact<{
  input: CreateCommissionedServiceInput;
}>;


export type CreateServiceMutation = { createCommissionedService:
    | { __typename: 'MutationCreateCommissionedServiceSuccess', data: { id: string } }
    | { __typename: 'ReferenceTaken', message: string }
   };

export type PortfolioCsvQueryVariables = Exact<{
  filter?: ServiceFilter | null | undefined;
  orderBy?: ServiceOrder | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type PortfolioCsvQuery = { services: { pageCount: number, nodes: Array<{ reference: string, title: string, status: ServiceStatus, startDate: string, endDate: string, annualValue: string, totalValue: string, riskRating: RiskRating, provider: { name: string }, priorityIssues: Array<{ code: string }>, areas: Array<{ name: string }>, initiatives: Array<{ initiative: { name: string } }>, fundingByYear: Array<{ label: string, amount: string }> }> } };

export type UserDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type UserDetailQuery = { me: { id: string } | null, user: { id: string, name: string, email: string, role: Role, active: boolean, hasPassword: boolean, lastSignInAt: string | null, createdAt: string, deactivatedAt: string | null, version: number, organisation: { id: string, name: string, archived: boolean } } | null };

export type DeactivateUserMutationVariables = Exact<{
  input: UserVersionInput;
}>;


export type DeactivateUserMutation = { deactivateUser:
    | { __typename: 'MutationDeactivateUserSuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ReactivateUserMutationVariables = Exact<{
  input: UserVersionInput;
}>;


export type ReactivateUserMutation = { reactivateUser:
    | { __typename: 'MutationReactivateUserSuccess' }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string }
   };

export type ResetUserPasswordMutationVariables = Exact<{
  input: ResetUserPasswordInput;
}>;


export type ResetUserPasswordMutation = { resetUserPassword:
    | { __typename: 'MutationResetUserPasswordSuccess', data: { setPasswordUrl: string, expiresAt: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
   };

export type EditUserQueryVariables = Exact<{
  id: string | number;
}>;


export type EditUserQuery = { organisations: Array<{ id: string, name: string, kind: OrganisationKind }>, user: { id: string, name: string, email: string, role: Role, version: number, organisation: { id: string, name: string } } | null };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser:
    | { __typename: 'MutationUpdateUserSuccess', data: { id: string } }
    | { __typename: 'NotAllowed', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'VersionConflict', message: string, currentVersion: number }
   };

export type UsersQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
}>;


export type UsersQuery = { organisations: Array<{ id: string, name: string, archived: boolean }>, users: Array<{ id: string, name: string, email: string, role: Role, active: boolean, hasPassword: boolean, organisation: { id: string, name: string } }> };

export type NewUserQueryVariables = Exact<{ [key: string]: never; }>;


export type NewUserQuery = { organisations: Array<{ id: string, name: string, kind: OrganisationKind }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser:
    | { __typename: 'EmailTaken', message: string }
    | { __typename: 'MutationCreateUserSuccess', data: { setPasswordUrl: string, expiresAt: string, user: { id: string, name: string, email: string, role: Role, organisation: { id: string, name: string } } } }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReturnFormShapeFragmentDoc = new TypedDocumentString(`
    fragment ReturnFormShape on PerformanceReturn {
  form {
    sections {
      code
      title
      description
      measures {
        code
        label
        helpText
        unit
        direction
        required
        totalMeasure
        breakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
        secondaryBreakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
      }
    }
  }
}
    `, {"fragmentName":"ReturnFormShape"}) as unknown as TypedDocumentString<ReturnFormShapeFragment, unknown>;
export const DashboardEchoFragmentDoc = new TypedDocumentString(`
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}
    `, {"fragmentName":"DashboardEcho"}) as unknown as TypedDocumentString<DashboardEchoFragment, unknown>;
export const BriefingPackFieldsFragmentDoc = new TypedDocumentString(`
    fragment BriefingPackFields on BriefingPack {
  filter {
    ...DashboardEcho
  }
  title
  topic
  author {
    name
    role
  }
  preparedOn
  periodLabel
  purpose
  background {
    opening
    formsOfHarmIntroduction
    formsOfHarm
    paragraphs
    forumsSentence
    initiativesIntroduction
    initiatives
  }
  headline {
    activeServices
    annualInvestment
    childrenSupported {
      display
    }
    childrenSupportedPeriod
    returnsExpected
    returnsReceived
    returnsOnTime
    returnsOnTimePercentage {
      display
    }
    summary
  }
  currentIssues {
    number
    code
    title
    description
    gap
    gapStatement
    services {
      id
      reference
      title
      providerName
      investment
    }
    peopleSupported {
      display
    }
    peopleSupportedPeriod
    outcomeLabel
    outcomeImprovedPercentage {
      display
    }
    trend {
      periodLabel
      peopleSupported {
        display
      }
    }
    trendStatement
    summary
  }
  decisionsNeeded {
    kind
    title
    reason
  }
  decisionsNeededSummary
  partnershipInvolvement {
    statement
    forums {
      code
      name
      services
    }
    summary
  }
  policeInvolvement {
    statement
    initiativesIntroduction
    initiatives {
      id
      name
      leadPartner
      services
    }
  }
  peopleToMeet {
    standing
    summary
    people {
      kind
      name
      role
      organisationName
      reasons
    }
  }
  disclosure
  roundingFootnote
  exactFiguresNotice
  provenance
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`, {"fragmentName":"BriefingPackFields"}) as unknown as TypedDocumentString<BriefingPackFieldsFragment, unknown>;
export const ReachTableFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReachTableFields on ReachTable {
  characteristic
  title
  rows {
    code
    label
    count {
      value
      display
      suppressed
    }
  }
  total {
    value
    display
    suppressed
  }
  footnote
  disclosure
}
    `, {"fragmentName":"ReachTableFields"}) as unknown as TypedDocumentString<ReachTableFieldsFragment, unknown>;
export const ValueForMoneyRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment ValueForMoneyRowFields on ValueForMoneyRow {
  serviceId
  reference
  title
  providerName
  costBasis
  costAmount
  childrenSupported {
    display
  }
  improvedOutcomes {
    display
  }
  costPerChild {
    display
  }
  costPerImprovedOutcome {
    display
  }
}
    `, {"fragmentName":"ValueForMoneyRowFields"}) as unknown as TypedDocumentString<ValueForMoneyRowFieldsFragment, unknown>;
export const ReviewComparisonFragmentDoc = new TypedDocumentString(`
    fragment ReviewComparison on ReturnComparison {
  fromVersion
  fromStatus
  fromCreatedAt
  toVersion
  toStatus
  toCreatedAt
  noActivityChanged
  noActivityNow
  changes {
    measureCode
    measureLabel
    sectionTitle
    breakdownOption
    optionLabel
    kind
    before
    after
    commentBefore
    commentAfter
    commentChanged
  }
}
    `, {"fragmentName":"ReviewComparison"}) as unknown as TypedDocumentString<ReviewComparisonFragment, unknown>;
export const DashboardFilterChoicesDocument = new TypedDocumentString(`
    query DashboardFilterChoices {
  me {
    role
  }
  reportingPeriods {
    id
    financialYear
    quarter
    label
    endDate
  }
  areas {
    code
    name
  }
  priorityIssues {
    code
    title
  }
  organisations(kind: PROVIDER) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DashboardFilterChoicesQuery, DashboardFilterChoicesQueryVariables>;
export const SaveReturnSectionDocument = new TypedDocumentString(`
    mutation SaveReturnSection($input: SaveReturnDraftInput!) {
  saveReturnDraft(input: $input) {
    __typename
    ... on MutationSaveReturnDraftSuccess {
      data {
        id
        version
        status
        values {
          measureCode
          breakdownOption
          value
          comment
          blankReason
        }
      }
    }
    ... on ValidationFailed {
      message
      problems {
        field
        message
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on PeriodLocked {
      message
    }
    ... on NotAllowed {
      message
    }
    ... on NotFound {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SaveReturnSectionMutation, SaveReturnSectionMutationVariables>;
export const ReturnLatestValuesDocument = new TypedDocumentString(`
    query ReturnLatestValues($id: ID!) {
  performanceReturn(id: $id) {
    id
    version
    status
    values {
      measureCode
      breakdownOption
      value
      comment
      blankReason
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnLatestValuesQuery, ReturnLatestValuesQueryVariables>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  me {
    name
    role
    organisation {
      name
      kind
    }
  }
  priorityIssues {
    code
    title
  }
  reportingPeriods {
    label
    state
    opensOn
    dueDate
    locksOn
  }
  initiatives {
    name
  }
  organisations(kind: PROVIDER) {
    id
  }
}
    `) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const RevokeApiTokenPageDocument = new TypedDocumentString(`
    query RevokeApiTokenPage {
  apiTokens(includeRevoked: true) {
    id
    name
    prefix
    createdBy
    createdAt
    lastUsedAt
    status
    organisation {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenPageQuery, RevokeApiTokenPageQueryVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) {
    __typename
    ... on MutationRevokeApiTokenSuccess {
      data {
        id
        name
      }
    }
    ... on NotFound {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens($organisationId: ID, $includeRevoked: Boolean) {
  me {
    role
    organisation {
      id
      name
    }
  }
  apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {
    id
    name
    prefix
    createdBy
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
    status
    organisation {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const ApiTokenProvidersDocument = new TypedDocumentString(`
    query ApiTokenProviders {
  organisations(kind: PROVIDER) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ApiTokenProvidersQuery, ApiTokenProvidersQueryVariables>;
export const NewApiTokenDocument = new TypedDocumentString(`
    query NewApiToken {
  me {
    role
    organisation {
      id
      name
    }
  }
  organisations(kind: PROVIDER) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<NewApiTokenQuery, NewApiTokenQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on MutationCreateApiTokenSuccess {
      data {
        token
        apiToken {
          id
          name
          prefix
          expiresAt
          organisation {
            id
            name
          }
        }
      }
    }
    ... on NameTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const BriefingPackDocument = new TypedDocumentString(`
    query BriefingPack($filter: DashboardFilter) {
  briefingPack(filter: $filter) {
    ...BriefingPackFields
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}
fragment BriefingPackFields on BriefingPack {
  filter {
    ...DashboardEcho
  }
  title
  topic
  author {
    name
    role
  }
  preparedOn
  periodLabel
  purpose
  background {
    opening
    formsOfHarmIntroduction
    formsOfHarm
    paragraphs
    forumsSentence
    initiativesIntroduction
    initiatives
  }
  headline {
    activeServices
    annualInvestment
    childrenSupported {
      display
    }
    childrenSupportedPeriod
    returnsExpected
    returnsReceived
    returnsOnTime
    returnsOnTimePercentage {
      display
    }
    summary
  }
  currentIssues {
    number
    code
    title
    description
    gap
    gapStatement
    services {
      id
      reference
      title
      providerName
      investment
    }
    peopleSupported {
      display
    }
    peopleSupportedPeriod
    outcomeLabel
    outcomeImprovedPercentage {
      display
    }
    trend {
      periodLabel
      peopleSupported {
        display
      }
    }
    trendStatement
    summary
  }
  decisionsNeeded {
    kind
    title
    reason
  }
  decisionsNeededSummary
  partnershipInvolvement {
    statement
    forums {
      code
      name
      services
    }
    summary
  }
  policeInvolvement {
    statement
    initiativesIntroduction
    initiatives {
      id
      name
      leadPartner
      services
    }
  }
  peopleToMeet {
    standing
    summary
    people {
      kind
      name
      role
      organisationName
      reasons
    }
  }
  disclosure
  roundingFootnote
  exactFiguresNotice
  provenance
}`) as unknown as TypedDocumentString<BriefingPackQuery, BriefingPackQueryVariables>;
export const BriefingPackForCirculationDocument = new TypedDocumentString(`
    query BriefingPackForCirculation($filter: DashboardFilter) {
  briefingPack(filter: $filter, forCirculation: true) {
    ...BriefingPackFields
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}
fragment BriefingPackFields on BriefingPack {
  filter {
    ...DashboardEcho
  }
  title
  topic
  author {
    name
    role
  }
  preparedOn
  periodLabel
  purpose
  background {
    opening
    formsOfHarmIntroduction
    formsOfHarm
    paragraphs
    forumsSentence
    initiativesIntroduction
    initiatives
  }
  headline {
    activeServices
    annualInvestment
    childrenSupported {
      display
    }
    childrenSupportedPeriod
    returnsExpected
    returnsReceived
    returnsOnTime
    returnsOnTimePercentage {
      display
    }
    summary
  }
  currentIssues {
    number
    code
    title
    description
    gap
    gapStatement
    services {
      id
      reference
      title
      providerName
      investment
    }
    peopleSupported {
      display
    }
    peopleSupportedPeriod
    outcomeLabel
    outcomeImprovedPercentage {
      display
    }
    trend {
      periodLabel
      peopleSupported {
        display
      }
    }
    trendStatement
    summary
  }
  decisionsNeeded {
    kind
    title
    reason
  }
  decisionsNeededSummary
  partnershipInvolvement {
    statement
    forums {
      code
      name
      services
    }
    summary
  }
  policeInvolvement {
    statement
    initiativesIntroduction
    initiatives {
      id
      name
      leadPartner
      services
    }
  }
  peopleToMeet {
    standing
    summary
    people {
      kind
      name
      role
      organisationName
      reasons
    }
  }
  disclosure
  roundingFootnote
  exactFiguresNotice
  provenance
}`) as unknown as TypedDocumentString<BriefingPackForCirculationQuery, BriefingPackForCirculationQueryVariables>;
export const DashboardHeadlineDocument = new TypedDocumentString(`
    query DashboardHeadline($filter: DashboardFilter) {
  dashboardHeadline(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    disclosure
    activeServices
    annualInvestment
    childrenSupportedYearToDate {
      display
      suppressed
    }
    yearToDateLabel
    returnsExpected
    returnsReceived
    returnsOnTime
    returnsOnTimePercentage {
      display
    }
  }
  dashboardTimeliness(filter: $filter) {
    quarters {
      periodId
      label
      expected
      received
      onTime
    }
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardHeadlineQuery, DashboardHeadlineQueryVariables>;
export const DashboardContractsEndingDocument = new TypedDocumentString(`
    query DashboardContractsEnding($filter: DashboardFilter) {
  dashboardContractsEnding(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    disclosure
    today
    until
    totalAnnualValue
    contracts {
      serviceId
      reference
      title
      providerName
      status
      endDate
      daysLeft
      monthsLeft
      annualValue
    }
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardContractsEndingQuery, DashboardContractsEndingQueryVariables>;
export const DashboardCoverageDocument = new TypedDocumentString(`
    query DashboardCoverage($filter: DashboardFilter) {
  dashboardCoverage(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    disclosure
    gapCount
    totalInvestment
    issues {
      code
      title
      gap
      investment
      services {
        id
        reference
        title
        providerName
        investment
      }
    }
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardCoverageQuery, DashboardCoverageQueryVariables>;
export const DashboardInitiativesDocument = new TypedDocumentString(`
    query DashboardInitiatives($filter: DashboardFilter) {
  dashboardInitiatives(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    disclosure
    initiatives {
      id
      name
      status
      funding
      sessionsDelivered
      newServiceUsers {
        display
      }
      services {
        serviceId
        reference
        title
        providerName
        funding
        sessionsDelivered
        newServiceUsers {
          display
        }
      }
    }
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardInitiativesQuery, DashboardInitiativesQueryVariables>;
export const DashboardOutcomesPageDocument = new TypedDocumentString(`
    query DashboardOutcomesPage($filter: DashboardFilter) {
  dashboardOutcomes(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    domains {
      code
      label
      quarters {
        label
        selected
        returns
        assessed {
          value
          display
        }
        improved {
          value
          display
        }
        percentImproved {
          value
          display
          hidden
        }
        target {
          assessed
          improved
          percentImproved
        }
      }
      selection {
        label
        returns
        assessed {
          value
          display
        }
        improved {
          value
          display
        }
        percentImproved {
          value
          display
          hidden
        }
        target {
          assessed
          improved
          percentImproved
        }
      }
    }
    targetsNote
    disclosure
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardOutcomesPageQuery, DashboardOutcomesPageQueryVariables>;
export const DashboardReachPageDocument = new TypedDocumentString(`
    query DashboardReachPage($filter: DashboardFilter) {
  dashboardReach(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    byAge {
      ...ReachTableFields
    }
    byGender {
      ...ReachTableFields
    }
    byEthnicity {
      ...ReachTableFields
    }
    disclosure
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}
fragment ReachTableFields on ReachTable {
  characteristic
  title
  rows {
    code
    label
    count {
      value
      display
      suppressed
    }
  }
  total {
    value
    display
    suppressed
  }
  footnote
  disclosure
}`) as unknown as TypedDocumentString<DashboardReachPageQuery, DashboardReachPageQueryVariables>;
export const DashboardTimelinessDocument = new TypedDocumentString(`
    query DashboardTimeliness($filter: DashboardFilter) {
  dashboardTimeliness(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    disclosure
    quarters {
      periodId
      quarter
      label
      dueDate
      dueDatePassed
      expected
      received
      onTime
      late
      notReceived
      approved
      receivedPercentage {
        display
      }
      onTimePercentage {
        display
      }
      approvedPercentage {
        display
      }
    }
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}`) as unknown as TypedDocumentString<DashboardTimelinessQuery, DashboardTimelinessQueryVariables>;
export const DashboardValueForMoneyPageDocument = new TypedDocumentString(`
    query DashboardValueForMoneyPage($filter: DashboardFilter) {
  dashboardValueForMoney(filter: $filter) {
    filter {
      ...DashboardEcho
    }
    services {
      ...ValueForMoneyRowFields
    }
    total {
      ...ValueForMoneyRowFields
    }
    costBasisNote
    disclosure
  }
}
    fragment DashboardEcho on DashboardFilterEcho {
  label
  provisional
  provisionalNote
  controlled
  financialYear
}
fragment ValueForMoneyRowFields on ValueForMoneyRow {
  serviceId
  reference
  title
  providerName
  costBasis
  costAmount
  childrenSupported {
    display
  }
  improvedOutcomes {
    display
  }
  costPerChild {
    display
  }
  costPerImprovedOutcome {
    display
  }
}`) as unknown as TypedDocumentString<DashboardValueForMoneyPageQuery, DashboardValueForMoneyPageQueryVariables>;
export const DashboardExportDocument = new TypedDocumentString(`
    query DashboardExport($dashboard: DashboardName!, $format: ExportFormat!, $filter: DashboardFilter) {
  dashboardExport(dashboard: $dashboard, format: $format, filter: $filter) {
    filename
    contentType
    encoding
    content
  }
}
    `) as unknown as TypedDocumentString<DashboardExportQuery, DashboardExportQueryVariables>;
export const ReturnsDataExportDocument = new TypedDocumentString(`
    query ReturnsDataExport($format: ExportFormat!, $filter: ReturnsExportFilter!) {
  returnsDataExport(format: $format, filter: $filter) {
    filename
    contentType
    encoding
    content
  }
}
    `) as unknown as TypedDocumentString<ReturnsDataExportQuery, ReturnsDataExportQueryVariables>;
export const InitiativePageDocument = new TypedDocumentString(`
    query InitiativePage($id: ID!) {
  me {
    role
  }
  initiative(id: $id) {
    id
    name
    description
    leadPartner
    status
    fromBriefing
    funding {
      label
      amount
    }
    services {
      id
      reference
      title
      status
      provider {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InitiativePageQuery, InitiativePageQueryVariables>;
export const ArchiveInitiativePageDocument = new TypedDocumentString(`
    query ArchiveInitiativePage($id: ID!) {
  initiative(id: $id) {
    id
    name
    archived
    version
    services {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveInitiativePageQuery, ArchiveInitiativePageQueryVariables>;
export const ArchiveInitiativeDocument = new TypedDocumentString(`
    mutation ArchiveInitiative($input: ArchiveInitiativeInput!) {
  archiveInitiative(input: $input) {
    __typename
    ... on MutationArchiveInitiativeSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
    }
    ... on NotFound {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveInitiativeMutation, ArchiveInitiativeMutationVariables>;
export const EditInitiativeDocument = new TypedDocumentString(`
    query EditInitiative($id: ID!) {
  initiative(id: $id) {
    id
    name
    description
    leadPartner
    status
    version
  }
}
    `) as unknown as TypedDocumentString<EditInitiativeQuery, EditInitiativeQueryVariables>;
export const UpdateInitiativeDocument = new TypedDocumentString(`
    mutation UpdateInitiative($input: UpdateInitiativeInput!) {
  updateInitiative(input: $input) {
    __typename
    ... on MutationUpdateInitiativeSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on NotFound {
      message
    }
    ... on NameTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateInitiativeMutation, UpdateInitiativeMutationVariables>;
export const InitiativesDocument = new TypedDocumentString(`
    query Initiatives {
  me {
    role
    organisation {
      kind
    }
  }
  initiatives {
    id
    name
    description
    leadPartner
    status
    fromBriefing
    funding {
      label
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<InitiativesQuery, InitiativesQueryVariables>;
export const CreateInitiativeDocument = new TypedDocumentString(`
    mutation CreateInitiative($input: CreateInitiativeInput!) {
  createInitiative(input: $input) {
    __typename
    ... on MutationCreateInitiativeSuccess {
      data {
        id
        name
      }
    }
    ... on NameTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateInitiativeMutation, CreateInitiativeMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    marked
    unread
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const OrganisationDetailDocument = new TypedDocumentString(`
    query OrganisationDetail($id: ID!) {
  me {
    role
    organisation {
      id
    }
  }
  organisation(id: $id) {
    id
    kind
    name
    type
    registeredNumber
    email
    phone
    address
    website
    archived
    archivedAt
    version
    areas {
      name
    }
    contacts {
      id
      name
      jobTitle
      email
      phone
      isPrimary
    }
    users {
      id
      name
      email
      role
      active
    }
    services {
      id
      reference
      title
      status
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationDetailQuery, OrganisationDetailQueryVariables>;
export const ArchiveOrganisationPageDocument = new TypedDocumentString(`
    query ArchiveOrganisationPage($id: ID!) {
  organisation(id: $id) {
    id
    kind
    name
    archived
    version
    users(includeDeactivated: false) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveOrganisationPageQuery, ArchiveOrganisationPageQueryVariables>;
export const ArchiveOrganisationDocument = new TypedDocumentString(`
    mutation ArchiveOrganisation($input: ArchiveOrganisationInput!) {
  archiveOrganisation(input: $input) {
    __typename
    ... on MutationArchiveOrganisationSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
    }
    ... on NotFound {
      message
    }
    ... on NotAllowed {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveOrganisationMutation, ArchiveOrganisationMutationVariables>;
export const EditOrganisationDocument = new TypedDocumentString(`
    query EditOrganisation($id: ID!) {
  areas {
    id
    name
  }
  organisation(id: $id) {
    id
    kind
    name
    type
    registeredNumber
    email
    phone
    address
    website
    archived
    version
    areas {
      id
      name
    }
    contacts {
      name
      jobTitle
      email
      phone
      isPrimary
    }
  }
}
    `) as unknown as TypedDocumentString<EditOrganisationQuery, EditOrganisationQueryVariables>;
export const UpdateOrganisationDocument = new TypedDocumentString(`
    mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) {
    __typename
    ... on MutationUpdateOrganisationSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on NotFound {
      message
    }
    ... on NotAllowed {
      message
    }
    ... on NameTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganisationMutation, UpdateOrganisationMutationVariables>;
export const OrganisationsDocument = new TypedDocumentString(`
    query Organisations {
  me {
    role
  }
  organisations {
    id
    kind
    name
    type
    registeredNumber
    areas {
      name
    }
    users {
      id
      name
      email
      role
      active
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationsQuery, OrganisationsQueryVariables>;
export const NewOrganisationDocument = new TypedDocumentString(`
    query NewOrganisation {
  areas {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<NewOrganisationQuery, NewOrganisationQueryVariables>;
export const CreateOrganisationDocument = new TypedDocumentString(`
    mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    __typename
    ... on MutationCreateOrganisationSuccess {
      data {
        id
        name
      }
    }
    ... on NameTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateOrganisationMutation, CreateOrganisationMutationVariables>;
export const EmailOutboxDocument = new TypedDocumentString(`
    query EmailOutbox($page: Int) {
  emailOutbox(page: $page) {
    page
    pageCount
    total
    unsent
    nodes {
      id
      to
      subject
      body
      createdAt
      sentAt
      error
    }
  }
}
    `) as unknown as TypedDocumentString<EmailOutboxQuery, EmailOutboxQueryVariables>;
export const PriorityIssueDocument = new TypedDocumentString(`
    query PriorityIssue($code: String!) {
  priorityIssue(code: $code) {
    code
    title
    description
    briefingText
    version
    investment {
      label
      amount
    }
    services {
      id
      reference
      title
      status
      annualValue
      provider {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PriorityIssueQuery, PriorityIssueQueryVariables>;
export const EditPriorityIssueDocument = new TypedDocumentString(`
    query EditPriorityIssue {
  priorityIssues {
    code
    title
    description
    version
  }
}
    `) as unknown as TypedDocumentString<EditPriorityIssueQuery, EditPriorityIssueQueryVariables>;
export const UpdatePriorityIssueDocument = new TypedDocumentString(`
    mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {
  updatePriorityIssue(input: $input) {
    __typename
    ... on MutationUpdatePriorityIssueSuccess {
      data {
        code
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on NotFound {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdatePriorityIssueMutation, UpdatePriorityIssueMutationVariables>;
export const PriorityIssuesDocument = new TypedDocumentString(`
    query PriorityIssues {
  priorityIssues {
    code
    title
    description
  }
}
    `) as unknown as TypedDocumentString<PriorityIssuesQuery, PriorityIssuesQueryVariables>;
export const QueryThreadDocument = new TypedDocumentString(`
    query QueryThread($id: ID!) {
  returnQuery(id: $id) {
    id
    status
    measureLabel
    optionLabel
    raisedBy
    createdAt
    resolvedAt
    messages {
      id
      body
      authorName
      fromOpcc
      createdAt
    }
    return {
      id
      status
      service {
        reference
        title
        provider {
          name
        }
      }
      period {
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueryThreadQuery, QueryThreadQueryVariables>;
export const ReplyToReturnQueryDocument = new TypedDocumentString(`
    mutation ReplyToReturnQuery($input: ReplyToReturnQueryInput!) {
  replyToReturnQuery(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReplyToReturnQueryMutation, ReplyToReturnQueryMutationVariables>;
export const ResolveReturnQueryDocument = new TypedDocumentString(`
    mutation ResolveReturnQuery($input: ResolveReturnQueryInput!) {
  resolveReturnQuery(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ResolveReturnQueryMutation, ResolveReturnQueryMutationVariables>;
export const QueriesListDocument = new TypedDocumentString(`
    query QueriesList($filter: ReturnQueryFilter) {
  returnQueries(filter: $filter) {
    id
    status
    measureLabel
    optionLabel
    createdAt
    raisedBy
    messageCount
    lastMessage {
      body
      authorName
      fromOpcc
      createdAt
    }
    return {
      id
      service {
        reference
        title
        provider {
          name
        }
      }
      period {
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesListQuery, QueriesListQueryVariables>;
export const ReturnOverviewDocument = new TypedDocumentString(`
    query ReturnOverview($id: ID!) {
  me {
    role
  }
  performanceReturn(id: $id) {
    id
    status
    version
    noActivity
    locked
    returnedReason
    reopenedReason
    submittedAt
    submittedBy
    reviewedAt
    reviewedBy
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
    lockExceptions {
      endsAt
      revokedAt
    }
    values {
      measureCode
      breakdownOption
      value
      comment
      blankReason
    }
    checks {
      code
      severity
      status
      message
      measures
      explained
      explainedBy
    }
    ...ReturnFormShape
  }
}
    fragment ReturnFormShape on PerformanceReturn {
  form {
    sections {
      code
      title
      description
      measures {
        code
        label
        helpText
        unit
        direction
        required
        totalMeasure
        breakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
        secondaryBreakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<ReturnOverviewQuery, ReturnOverviewQueryVariables>;
export const ReturnCheckAnswersDocument = new TypedDocumentString(`
    query ReturnCheckAnswers($id: ID!) {
  me {
    role
  }
  performanceReturn(id: $id) {
    id
    status
    version
    noActivity
    locked
    returnedReason
    reopenedReason
    submittedAt
    submittedBy
    reviewedAt
    reviewedBy
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
    lockExceptions {
      endsAt
      revokedAt
    }
    values {
      measureCode
      breakdownOption
      value
      comment
      blankReason
    }
    checks {
      code
      severity
      status
      message
      measures
      explained
      explainedBy
    }
    ...ReturnFormShape
  }
}
    fragment ReturnFormShape on PerformanceReturn {
  form {
    sections {
      code
      title
      description
      measures {
        code
        label
        helpText
        unit
        direction
        required
        totalMeasure
        breakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
        secondaryBreakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<ReturnCheckAnswersQuery, ReturnCheckAnswersQueryVariables>;
export const SubmitReturnFromCheckDocument = new TypedDocumentString(`
    mutation SubmitReturnFromCheck($input: SubmitReturnInput!) {
  submitReturn(input: $input) {
    __typename
    ... on MutationSubmitReturnSuccess {
      data {
        id
        status
      }
    }
    ... on ValidationFailed {
      message
      problems {
        field
        message
      }
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitReturnFromCheckMutation, SubmitReturnFromCheckMutationVariables>;
export const ReturnConfirmationDocument = new TypedDocumentString(`
    query ReturnConfirmation($id: ID!) {
  performanceReturn(id: $id) {
    id
    status
    submittedAt
    submittedBy
    declarationName
    service {
      reference
      title
    }
    period {
      label
      financialYear
      quarter
    }
    versions {
      number
      status
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnConfirmationQuery, ReturnConfirmationQueryVariables>;
export const ReturnSectionPageDocument = new TypedDocumentString(`
    query ReturnSectionPage($id: ID!) {
  me {
    role
  }
  performanceReturn(id: $id) {
    id
    status
    version
    locked
    returnedReason
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
    values {
      measureCode
      breakdownOption
      value
      comment
      blankReason
    }
    ...ReturnFormShape
    form {
      financialYear
      quarter
      previousPeriodLabel
      previousValues {
        measureCode
        breakdownOption
        value
        comment
        blankReason
      }
      targets {
        measureCode
        quarter
        value
      }
      checks {
        code
        severity
        rule
        message
      }
    }
  }
}
    fragment ReturnFormShape on PerformanceReturn {
  form {
    sections {
      code
      title
      description
      measures {
        code
        label
        helpText
        unit
        direction
        required
        totalMeasure
        breakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
        secondaryBreakdown {
          code
          label
          options {
            code
            label
            isNotKnown
          }
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<ReturnSectionPageQuery, ReturnSectionPageQueryVariables>;
export const ReturnCsvTemplateDocument = new TypedDocumentString(`
    query ReturnCsvTemplate($id: ID!) {
  performanceReturn(id: $id) {
    id
    csvTemplate
    csvFileName
  }
}
    `) as unknown as TypedDocumentString<ReturnCsvTemplateQuery, ReturnCsvTemplateQueryVariables>;
export const UploadReturnDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UploadReturnQuery, UploadReturnQueryVariables>;
export const ImportReturnCsvDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImportReturnCsvMutation, ImportReturnCsvMutationVariables>;
export const ReturnTaskListDocument = new TypedDocumentString(`
    query ReturnTaskList {
  me {
    role
    organisation {
      name
    }
  }
  returnTasks {
    status
    dueDate
    locksOn
    locked
    overdue
    editable
    lockExceptionEndsAt
    service {
      id
      reference
      title
    }
    period {
      id
      label
      financialYear
    }
    performanceReturn {
      id
      returnedReason
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnTaskListQuery, ReturnTaskListQueryVariables>;
export const StartReturnDocument = new TypedDocumentString(`
    mutation StartReturn($input: StartReturnInput!) {
  startReturn(input: $input) {
    __typename
    ... on MutationStartReturnSuccess {
      data {
        id
      }
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<StartReturnMutation, StartReturnMutationVariables>;
export const ReviewReturnDocument = new TypedDocumentString(`
    query ReviewReturn($id: ID!, $compareFrom: Int!, $compareTo: Int, $withComparison: Boolean!) {
  performanceReturn(id: $id) {
    id
    status
    version
    noActivity
    declarationName
    submittedAt
    submittedBy
    reviewedAt
    reviewedBy
    returnedReason
    reopenedReason
    locked
    service {
      id
      reference
      title
      provider {
        id
        name
      }
    }
    period {
      id
      label
      dueDate
      locksOn
    }
    lockExceptions {
      id
      reason
      endsAt
      revokedAt
      grantedBy
    }
    checks {
      code
      severity
      status
      message
      measures
      explained
      explainedBy
    }
    versions {
      id
      number
      status
      createdAt
      createdBy
    }
    versionComparison(from: $compareFrom, to: $compareTo) @include(if: $withComparison) {
      ...ReviewComparison
    }
    changesSinceApproval {
      ...ReviewComparison
    }
    queries {
      id
      status
      measureLabel
      optionLabel
      messageCount
      lastMessage {
        authorName
        createdAt
      }
    }
    history {
      periods {
        label
        status
      }
      sections {
        code
        title
        measures {
          code
          label
          unit
          current
          comment
          blankReason
          previous
          quarterTarget
          annualTarget
          target
          targetMet
          cells {
            breakdownOption
            optionLabel
            value
            comment
            blankReason
          }
        }
      }
      targets {
        measureCode
        measureLabel
        label
        value
      }
    }
  }
}
    fragment ReviewComparison on ReturnComparison {
  fromVersion
  fromStatus
  fromCreatedAt
  toVersion
  toStatus
  toCreatedAt
  noActivityChanged
  noActivityNow
  changes {
    measureCode
    measureLabel
    sectionTitle
    breakdownOption
    optionLabel
    kind
    before
    after
    commentBefore
    commentAfter
    commentChanged
  }
}`) as unknown as TypedDocumentString<ReviewReturnQuery, ReviewReturnQueryVariables>;
export const ReviewApproveReturnDocument = new TypedDocumentString(`
    mutation ReviewApproveReturn($input: ReviewReturnInput!) {
  approveReturn(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewApproveReturnMutation, ReviewApproveReturnMutationVariables>;
export const ReviewReturnForChangesDocument = new TypedDocumentString(`
    mutation ReviewReturnForChanges($input: ReviewReturnInput!) {
  returnForChanges(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewReturnForChangesMutation, ReviewReturnForChangesMutationVariables>;
export const ReviewReopenReturnDocument = new TypedDocumentString(`
    mutation ReviewReopenReturn($input: ReopenReturnInput!) {
  reopenReturn(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewReopenReturnMutation, ReviewReopenReturnMutationVariables>;
export const ReviewGrantLockExceptionDocument = new TypedDocumentString(`
    mutation ReviewGrantLockException($input: GrantLockExceptionInput!) {
  grantLockException(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewGrantLockExceptionMutation, ReviewGrantLockExceptionMutationVariables>;
export const ReviewRaiseQueryPageDocument = new TypedDocumentString(`
    query ReviewRaiseQueryPage($id: ID!) {
  performanceReturn(id: $id) {
    id
    status
    submittedAt
    service {
      reference
      title
      provider {
        name
      }
    }
    period {
      label
    }
    history {
      sections {
        measures {
          code
          label
          unit
          current
          comment
          cells {
            breakdownOption
            optionLabel
            value
            comment
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewRaiseQueryPageQuery, ReviewRaiseQueryPageQueryVariables>;
export const RaiseReturnQueryDocument = new TypedDocumentString(`
    mutation RaiseReturnQuery($input: RaiseReturnQueryInput!) {
  raiseReturnQuery(input: $input) {
    __typename
    ... on MutationRaiseReturnQuerySuccess {
      data {
        id
      }
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RaiseReturnQueryMutation, RaiseReturnQueryMutationVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($periodId: ID, $status: ReturnStatus, $includeWaiting: Boolean!) {
  reportingPeriods {
    id
    label
    state
  }
  reviewQueue(periodId: $periodId) @include(if: $includeWaiting) {
    id
    status
    submittedAt
    service {
      id
      reference
      title
      provider {
        id
        name
      }
    }
    period {
      id
      label
      dueDate
      locksOn
    }
  }
  recentlyReviewedReturns(periodId: $periodId, status: $status, limit: 20) {
    id
    status
    submittedAt
    reviewedAt
    reviewedBy
    service {
      id
      reference
      title
      provider {
        id
        name
      }
    }
    period {
      id
      label
      dueDate
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ServiceDocument = new TypedDocumentString(`
    query Service($id: ID!) {
  me {
    role
  }
  service(id: $id) {
    id
    reference
    title
    description
    status
    startDate
    endDate
    annualValue
    totalValue
    cohortMinAge
    cohortMaxAge
    riskRating
    riskReason
    archived
    version
    provider {
      id
      name
    }
    leadOfficer {
      name
    }
    areas {
      name
    }
    priorityIssues {
      code
      title
    }
    harmTypes {
      name
    }
    forums {
      name
    }
    funding {
      financialYear
      label
      source
      amount
    }
    fundingByYear {
      financialYear
      label
      amount
    }
    initiatives {
      initiative {
        id
        name
      }
      funding {
        label
        amount
      }
    }
    statusHistory {
      id
      from
      to
      reason
      newEndDate
      changedBy
      at
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceQuery, ServiceQueryVariables>;
export const ServiceActivityDocument = new TypedDocumentString(`
    query ServiceActivity($id: ID!) {
  service(id: $id) {
    activity {
      id
      at
      actor
      action
      table
      changes {
        field
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceActivityQuery, ServiceActivityQueryVariables>;
export const ArchiveServiceDocument = new TypedDocumentString(`
    mutation ArchiveService($input: ArchiveCommissionedServiceInput!) {
  archiveCommissionedService(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ArchiveServiceMutation, ArchiveServiceMutationVariables>;
export const EditServiceDocument = new TypedDocumentString(`
    query EditService($id: ID!) {
  service(id: $id) {
    id
    reference
    title
    description
    startDate
    endDate
    annualValue
    totalValue
    cohortMinAge
    cohortMaxAge
    riskRating
    riskReason
    archived
    version
    provider {
      id
      name
    }
    leadOfficer {
      id
      name
    }
    areas {
      id
      name
    }
    priorityIssues {
      code
      title
    }
    harmTypes {
      id
      name
    }
    forums {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<EditServiceQuery, EditServiceQueryVariables>;
export const UpdateServiceDocument = new TypedDocumentString(`
    mutation UpdateService($input: UpdateCommissionedServiceInput!) {
  updateCommissionedService(input: $input) {
    __typename
    ... on MutationUpdateCommissionedServiceSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on ReferenceTaken {
      message
    }
    ... on InvalidTransition {
      message
    }
    ... on NotFound {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const ServiceFundingDocument = new TypedDocumentString(`
    query ServiceFunding($id: ID!) {
  service(id: $id) {
    id
    reference
    title
    version
    archived
    startDate
    endDate
    funding {
      financialYear
      label
      source
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceFundingQuery, ServiceFundingQueryVariables>;
export const SetServiceFundingDocument = new TypedDocumentString(`
    mutation SetServiceFunding($input: SetServiceFundingInput!) {
  setServiceFunding(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetServiceFundingMutation, SetServiceFundingMutationVariables>;
export const ServiceInitiativesDocument = new TypedDocumentString(`
    query ServiceInitiatives($id: ID!) {
  service(id: $id) {
    id
    reference
    title
    archived
    fundingByYear {
      financialYear
      label
      amount
    }
    initiatives {
      initiative {
        id
        name
      }
      funding {
        financialYear
        label
        amount
      }
    }
  }
  initiatives {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ServiceInitiativesQuery, ServiceInitiativesQueryVariables>;
export const LinkServiceInitiativeDocument = new TypedDocumentString(`
    mutation LinkServiceInitiative($input: ServiceInitiativeInput!) {
  linkServiceInitiative(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LinkServiceInitiativeMutation, LinkServiceInitiativeMutationVariables>;
export const UnlinkServiceInitiativeDocument = new TypedDocumentString(`
    mutation UnlinkServiceInitiative($input: ServiceInitiativeInput!) {
  unlinkServiceInitiative(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UnlinkServiceInitiativeMutation, UnlinkServiceInitiativeMutationVariables>;
export const SetInitiativeFundingDocument = new TypedDocumentString(`
    mutation SetInitiativeFunding($input: SetInitiativeFundingInput!) {
  setInitiativeFunding(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetInitiativeFundingMutation, SetInitiativeFundingMutationVariables>;
export const ServiceStatusDocument = new TypedDocumentString(`
    query ServiceStatus($id: ID!) {
  service(id: $id) {
    id
    reference
    title
    status
    startDate
    endDate
    archived
    version
  }
}
    `) as unknown as TypedDocumentString<ServiceStatusQuery, ServiceStatusQueryVariables>;
export const ActivateServiceDocument = new TypedDocumentString(`
    mutation ActivateService($input: ActivateCommissionedServiceInput!) {
  activateCommissionedService(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ActivateServiceMutation, ActivateServiceMutationVariables>;
export const ExtendServiceDocument = new TypedDocumentString(`
    mutation ExtendService($input: ExtendCommissionedServiceInput!) {
  extendCommissionedService(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExtendServiceMutation, ExtendServiceMutationVariables>;
export const EndServiceDocument = new TypedDocumentString(`
    mutation EndService($input: EndCommissionedServiceInput!) {
  endCommissionedService(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<EndServiceMutation, EndServiceMutationVariables>;
export const ServiceTargetsDocument = new TypedDocumentString(`
    query ServiceTargets($id: ID!, $year: Int!) {
  me {
    role
  }
  service(id: $id) {
    id
    reference
    title
    startDate
    endDate
    archived
    version
    targets(financialYear: $year) {
      measureCode
      quarter
      value
    }
    targetMeasures(financialYear: $year) {
      code
      title
      measures {
        code
        label
        unit
        direction
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceTargetsQuery, ServiceTargetsQueryVariables>;
export const UpdateServiceTargetsDocument = new TypedDocumentString(`
    mutation UpdateServiceTargets($input: UpdateServiceTargetsInput!) {
  updateServiceTargets(input: $input) {
    __typename
    ... on MutationUpdateServiceTargetsSuccess {
      data {
        id
        version
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateServiceTargetsMutation, UpdateServiceTargetsMutationVariables>;
export const PortfolioDocument = new TypedDocumentString(`
    query Portfolio($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {
  me {
    role
  }
  services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {
    totalCount
    totalAnnualValue
    page
    pageSize
    pageCount
    nodes {
      id
      reference
      title
      status
      endDate
      annualValue
      riskRating
      provider {
        id
        name
      }
      priorityIssues {
        code
      }
    }
  }
  priorityIssues {
    code
    title
  }
  organisations(kind: PROVIDER) {
    id
    name
  }
  initiatives {
    id
    name
  }
  areas {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<PortfolioQuery, PortfolioQueryVariables>;
export const ServiceFormOptionsDocument = new TypedDocumentString(`
    query ServiceFormOptions {
  organisations {
    id
    kind
    name
    archived
    users {
      id
      name
      role
      active
    }
  }
  areas {
    id
    name
  }
  priorityIssues {
    code
    title
  }
  harmTypes {
    id
    name
  }
  partnershipForums {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ServiceFormOptionsQuery, ServiceFormOptionsQueryVariables>;
export const CreateServiceDocument = new TypedDocumentString(`
    mutation CreateService($input: CreateCommissionedServiceInput!) {
  createCommissionedService(input: $input) {
    __typename
    ... on MutationCreateCommissionedServiceSuccess {
      data {
        id
      }
    }
    ... on ReferenceTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateServiceMutation, CreateServiceMutationVariables>;
export const PortfolioCsvDocument = new TypedDocumentString(`
    query PortfolioCsv($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {
  services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {
    pageCount
    nodes {
      reference
      title
      provider {
        name
      }
      status
      startDate
      endDate
      annualValue
      totalValue
      riskRating
      priorityIssues {
        code
      }
      areas {
        name
      }
      initiatives {
        initiative {
          name
        }
      }
      fundingByYear {
        label
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortfolioCsvQuery, PortfolioCsvQueryVariables>;
export const UserDetailDocument = new TypedDocumentString(`
    query UserDetail($id: ID!) {
  me {
    id
  }
  user(id: $id) {
    id
    name
    email
    role
    active
    hasPassword
    lastSignInAt
    createdAt
    deactivatedAt
    version
    organisation {
      id
      name
      archived
    }
  }
}
    `) as unknown as TypedDocumentString<UserDetailQuery, UserDetailQueryVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($input: UserVersionInput!) {
  deactivateUser(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($input: UserVersionInput!) {
  reactivateUser(input: $input) {
    __typename
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) {
    __typename
    ... on MutationResetUserPasswordSuccess {
      data {
        setPasswordUrl
        expiresAt
      }
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const EditUserDocument = new TypedDocumentString(`
    query EditUser($id: ID!) {
  organisations {
    id
    name
    kind
  }
  user(id: $id) {
    id
    name
    email
    role
    version
    organisation {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<EditUserQuery, EditUserQueryVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on MutationUpdateUserSuccess {
      data {
        id
      }
    }
    ... on VersionConflict {
      message
      currentVersion
    }
    ... on NotFound {
      message
    }
    ... on NotAllowed {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($organisationId: ID) {
  organisations(includeArchived: true) {
    id
    name
    archived
  }
  users(organisationId: $organisationId, includeDeactivated: true) {
    id
    name
    email
    role
    active
    hasPassword
    organisation {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const NewUserDocument = new TypedDocumentString(`
    query NewUser {
  organisations {
    id
    name
    kind
  }
}
    `) as unknown as TypedDocumentString<NewUserQuery, NewUserQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on MutationCreateUserSuccess {
      data {
        setPasswordUrl
        expiresAt
        user {
          id
          name
          email
          role
          organisation {
            id
            name
          }
        }
      }
    }
    ... on EmailTaken {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;