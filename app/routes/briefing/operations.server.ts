// The GraphQL operations of the briefing pack page (server only: kept out of the browser bundle). Two operations
// with the same fields: the pack as the viewer gets it (exact for officers, controlled for the Commissioner), and
// the version for circulation (controlled for everyone), which officers may ask for.
import { graphql } from '~/gql';

export const BriefingPackFieldsFragment = graphql(`
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
`);

export const BriefingPackQuery = graphql(`
  query BriefingPack($filter: DashboardFilter) {
    briefingPack(filter: $filter) {
      ...BriefingPackFields
    }
  }
`);

export const BriefingPackForCirculationQuery = graphql(`
  query BriefingPackForCirculation($filter: DashboardFilter) {
    briefingPack(filter: $filter, forCirculation: true) {
      ...BriefingPackFields
    }
  }
`);
