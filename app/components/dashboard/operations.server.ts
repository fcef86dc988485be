// The choices every dashboard's filter form offers (server only: kept out of the browser bundle).
import { graphql } from '~/gql';

export const DashboardFilterChoicesQuery = graphql(`
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
`);

/** What every dashboard answer says about its filter: the page frame shows it. */
export const DashboardEchoFragment = graphql(`
  fragment DashboardEcho on DashboardFilterEcho {
    label
    provisional
    provisionalNote
    controlled
    financialYear
  }
`);
