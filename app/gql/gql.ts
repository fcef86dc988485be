/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Home {\n    me {\n      name\n      role\n      organisation {\n        name\n        kind\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    reportingPeriods {\n      label\n      state\n      opensOn\n      dueDate\n      locksOn\n    }\n    initiatives {\n      name\n    }\n    organisations(kind: PROVIDER) {\n      id\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Initiatives {\n    me {\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n": typeof types.InitiativesDocument,
    "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  query PriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      briefingText\n      version\n    }\n  }\n": typeof types.PriorityIssueDocument,
    "\n  query EditPriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      version\n    }\n  }\n": typeof types.EditPriorityIssueDocument,
    "\n  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {\n    updatePriorityIssue(input: $input) {\n      __typename\n      ... on MutationUpdatePriorityIssueSuccess {\n        data {\n          code\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": typeof types.UpdatePriorityIssueDocument,
    "\n  query PriorityIssues {\n    priorityIssues {\n      code\n      title\n      description\n    }\n  }\n": typeof types.PriorityIssuesDocument,
};
const documents: Documents = {
    "\n  query Home {\n    me {\n      name\n      role\n      organisation {\n        name\n        kind\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    reportingPeriods {\n      label\n      state\n      opensOn\n      dueDate\n      locksOn\n    }\n    initiatives {\n      name\n    }\n    organisations(kind: PROVIDER) {\n      id\n    }\n  }\n": types.HomeDocument,
    "\n  query Initiatives {\n    me {\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n": types.InitiativesDocument,
    "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n": types.OrganisationsDocument,
    "\n  query PriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      briefingText\n      version\n    }\n  }\n": types.PriorityIssueDocument,
    "\n  query EditPriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      version\n    }\n  }\n": types.EditPriorityIssueDocument,
    "\n  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {\n    updatePriorityIssue(input: $input) {\n      __typename\n      ... on MutationUpdatePriorityIssueSuccess {\n        data {\n          code\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": types.UpdatePriorityIssueDocument,
    "\n  query PriorityIssues {\n    priorityIssues {\n      code\n      title\n      description\n    }\n  }\n": types.PriorityIssuesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      name\n      role\n      organisation {\n        name\n        kind\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    reportingPeriods {\n      label\n      state\n      opensOn\n      dueDate\n      locksOn\n    }\n    initiatives {\n      name\n    }\n    organisations(kind: PROVIDER) {\n      id\n    }\n  }\n"): typeof import('./graphql').HomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Initiatives {\n    me {\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').InitiativesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n"): typeof import('./graphql').OrganisationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      briefingText\n      version\n    }\n  }\n"): typeof import('./graphql').PriorityIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditPriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      version\n    }\n  }\n"): typeof import('./graphql').EditPriorityIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {\n    updatePriorityIssue(input: $input) {\n      __typename\n      ... on MutationUpdatePriorityIssueSuccess {\n        data {\n          code\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdatePriorityIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriorityIssues {\n    priorityIssues {\n      code\n      title\n      description\n    }\n  }\n"): typeof import('./graphql').PriorityIssuesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
