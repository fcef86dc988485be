// The shape of a return's form (sections, measures, breakdowns), shared by the provider's return pages.
import { graphql } from '~/gql';

export const ReturnFormShapeFragment = graphql(`
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
`);
