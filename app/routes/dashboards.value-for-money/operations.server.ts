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

  fragment ValueForMoneyRowFields on ValueForMoneyRow {
    serviceId
    reference
    title
    providerName
    returns
    spend
    funding
    costBasis
    costAmount
    childrenSupported {
      value
      display
    }
    improvedOutcomes {
      value
      display
    }
    costPerChild {
      value
      display
      hidden
    }
    costPerImprovedOutcome {
      value
      display
      hidden
    }
  }
`);
