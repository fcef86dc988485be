/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type InitiativeStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'PAUSED'
  | 'PLANNED';

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

/** What a user may do: see docs/permissions in the README. */
export type Role =
  | 'ADMIN'
  | 'COMMISSIONER'
  | 'POLICY_OFFICER'
  | 'PROVIDER';

export type UpdatePriorityIssueInput = {
  code: string;
  description: string;
  /** The version you edited; a stale one answers VersionConflict. */
  expectedVersion: number;
  title: string;
};

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { name: string, role: Role, organisation: { name: string, kind: OrganisationKind } } | null, priorityIssues: Array<{ code: string, title: string }>, reportingPeriods: Array<{ label: string, state: PeriodState, opensOn: string, dueDate: string, locksOn: string }>, initiatives: Array<{ name: string }>, organisations: Array<{ id: string }> };

export type InitiativesQueryVariables = Exact<{ [key: string]: never; }>;


export type InitiativesQuery = { me: { organisation: { kind: OrganisationKind } } | null, initiatives: Array<{ id: string, name: string, description: string, leadPartner: string | null, status: InitiativeStatus, fromBriefing: boolean, funding: Array<{ label: string, amount: string }> }> };

export type OrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationsQuery = { me: { role: Role } | null, organisations: Array<{ id: string, kind: OrganisationKind, name: string, type: OrganisationType, registeredNumber: string | null, areas: Array<{ name: string }>, users: Array<{ id: string, name: string, email: string, role: Role, active: boolean }> }> };

export type PriorityIssueQueryVariables = Exact<{ [key: string]: never; }>;


export type PriorityIssueQuery = { priorityIssues: Array<{ code: string, title: string, description: string, briefingText: string, version: number }> };

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
export const InitiativesDocument = new TypedDocumentString(`
    query Initiatives {
  me {
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
export const PriorityIssueDocument = new TypedDocumentString(`
    query PriorityIssue {
  priorityIssues {
    code
    title
    description
    briefingText
    version
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