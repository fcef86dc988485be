// The GraphQL operations this page's loader and action run (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const SectionQuery = graphql(`
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
`);
