// The GraphQL operations of the review of one return (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const ReviewReturnQuery = graphql(`
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
  }
`);

export const ReviewApproveMutation = graphql(`
  mutation ReviewApproveReturn($input: ReviewReturnInput!) {
    approveReturn(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ReviewReturnForChangesMutation = graphql(`
  mutation ReviewReturnForChanges($input: ReviewReturnInput!) {
    returnForChanges(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ReviewReopenMutation = graphql(`
  mutation ReviewReopenReturn($input: ReopenReturnInput!) {
    reopenReturn(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const ReviewGrantLockExceptionMutation = graphql(`
  mutation ReviewGrantLockException($input: GrantLockExceptionInput!) {
    grantLockException(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

// The zod schemas this page's action validates with, through this server-only module: a page importing
// graphql/validation/* itself would bring zod (about 92 KB gzip) into its browser JavaScript.
export { ReopenReturnSchema, ReturnForChangesSchema, ReviewReturnSchema } from '../../../graphql/validation/return';
export { LockExceptionFormSchema, endOfDayInLondon } from '../../../graphql/validation/return-review';
