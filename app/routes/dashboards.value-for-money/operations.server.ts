// The GraphQL operations this page's loader runs (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardValueForMoneyQuery = graphql(`
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

  # Only what the page shows: the loader's data is sent to the browser again for hydration.
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
`);
