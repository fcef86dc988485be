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
    "\n  query RevokeApiTokenPage {\n    apiTokens(includeRevoked: true) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      status\n      organisation {\n        name\n      }\n    }\n  }\n": typeof types.RevokeApiTokenPageDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on MutationRevokeApiTokenSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query ApiTokens($organisationId: ID, $includeRevoked: Boolean) {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      status\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  query ApiTokenProviders {\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n": typeof types.ApiTokenProvidersDocument,
    "\n  query NewApiToken {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n": typeof types.NewApiTokenDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on MutationCreateApiTokenSuccess {\n        data {\n          token\n          apiToken {\n            id\n            name\n            prefix\n            expiresAt\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query InitiativePage($id: ID!) {\n    me {\n      role\n    }\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.InitiativePageDocument,
    "\n  query ArchiveInitiativePage($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      archived\n      version\n      services {\n        id\n      }\n    }\n  }\n": typeof types.ArchiveInitiativePageDocument,
    "\n  mutation ArchiveInitiative($input: ArchiveInitiativeInput!) {\n    archiveInitiative(input: $input) {\n      __typename\n      ... on MutationArchiveInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": typeof types.ArchiveInitiativeDocument,
    "\n  query EditInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      version\n    }\n  }\n": typeof types.EditInitiativeDocument,
    "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) {\n      __typename\n      ... on MutationUpdateInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": typeof types.UpdateInitiativeDocument,
    "\n  query Initiatives {\n    me {\n      role\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n": typeof types.InitiativesDocument,
    "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) {\n      __typename\n      ... on MutationCreateInitiativeSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": typeof types.CreateInitiativeDocument,
    "\n  query OrganisationDetail($id: ID!) {\n    me {\n      role\n      organisation {\n        id\n      }\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      archivedAt\n      version\n      areas {\n        name\n      }\n      contacts {\n        id\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n      services {\n        id\n        reference\n        title\n        status\n      }\n    }\n  }\n": typeof types.OrganisationDetailDocument,
    "\n  query ArchiveOrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id\n      kind\n      name\n      archived\n      version\n      users(includeDeactivated: false) {\n        id\n      }\n    }\n  }\n": typeof types.ArchiveOrganisationPageDocument,
    "\n  mutation ArchiveOrganisation($input: ArchiveOrganisationInput!) {\n    archiveOrganisation(input: $input) {\n      __typename\n      ... on MutationArchiveOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": typeof types.ArchiveOrganisationDocument,
    "\n  query EditOrganisation($id: ID!) {\n    areas {\n      id\n      name\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      version\n      areas {\n        id\n        name\n      }\n      contacts {\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n    }\n  }\n": typeof types.EditOrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      __typename\n      ... on MutationUpdateOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  query NewOrganisation {\n    areas {\n      id\n      name\n    }\n  }\n": typeof types.NewOrganisationDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      __typename\n      ... on MutationCreateOrganisationSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  query PriorityIssue($code: String!) {\n    priorityIssue(code: $code) {\n      code\n      title\n      description\n      briefingText\n      version\n      investment {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        annualValue\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PriorityIssueDocument,
    "\n  query EditPriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      version\n    }\n  }\n": typeof types.EditPriorityIssueDocument,
    "\n  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {\n    updatePriorityIssue(input: $input) {\n      __typename\n      ... on MutationUpdatePriorityIssueSuccess {\n        data {\n          code\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": typeof types.UpdatePriorityIssueDocument,
    "\n  query PriorityIssues {\n    priorityIssues {\n      code\n      title\n      description\n    }\n  }\n": typeof types.PriorityIssuesDocument,
    "\n  query Service($id: ID!) {\n    me {\n      role\n    }\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      status\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        name\n      }\n      areas {\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        name\n      }\n      forums {\n        name\n      }\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          label\n          amount\n        }\n      }\n      statusHistory {\n        id\n        from\n        to\n        reason\n        newEndDate\n        changedBy\n        at\n      }\n    }\n  }\n": typeof types.ServiceDocument,
    "\n  query ServiceActivity($id: ID!) {\n    service(id: $id) {\n      activity {\n        id\n        at\n        actor\n        action\n        table\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.ServiceActivityDocument,
    "\n  mutation ArchiveService($input: ArchiveCommissionedServiceInput!) {\n    archiveCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ArchiveServiceDocument,
    "\n  query EditService($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        id\n        name\n      }\n      areas {\n        id\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        id\n        name\n      }\n      forums {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EditServiceDocument,
    "\n  mutation UpdateService($input: UpdateCommissionedServiceInput!) {\n    updateCommissionedService(input: $input) {\n      __typename\n      ... on MutationUpdateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on ReferenceTaken {\n        message\n      }\n      ... on InvalidTransition {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  query ServiceFunding($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      version\n      archived\n      startDate\n      endDate\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n    }\n  }\n": typeof types.ServiceFundingDocument,
    "\n  mutation SetServiceFunding($input: SetServiceFundingInput!) {\n    setServiceFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.SetServiceFundingDocument,
    "\n  query ServiceInitiatives($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      archived\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          financialYear\n          label\n          amount\n        }\n      }\n    }\n    initiatives {\n      id\n      name\n    }\n  }\n": typeof types.ServiceInitiativesDocument,
    "\n  mutation LinkServiceInitiative($input: ServiceInitiativeInput!) {\n    linkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.LinkServiceInitiativeDocument,
    "\n  mutation UnlinkServiceInitiative($input: ServiceInitiativeInput!) {\n    unlinkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.UnlinkServiceInitiativeDocument,
    "\n  mutation SetInitiativeFunding($input: SetInitiativeFundingInput!) {\n    setInitiativeFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.SetInitiativeFundingDocument,
    "\n  query ServiceStatus($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      status\n      startDate\n      endDate\n      archived\n      version\n    }\n  }\n": typeof types.ServiceStatusDocument,
    "\n  mutation ActivateService($input: ActivateCommissionedServiceInput!) {\n    activateCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ActivateServiceDocument,
    "\n  mutation ExtendService($input: ExtendCommissionedServiceInput!) {\n    extendCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ExtendServiceDocument,
    "\n  mutation EndService($input: EndCommissionedServiceInput!) {\n    endCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.EndServiceDocument,
    "\n  query Portfolio($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    me {\n      role\n    }\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      totalCount\n      totalAnnualValue\n      page\n      pageSize\n      pageCount\n      nodes {\n        id\n        reference\n        title\n        status\n        endDate\n        annualValue\n        riskRating\n        provider {\n          id\n          name\n        }\n        priorityIssues {\n          code\n        }\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n    initiatives {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  query ServiceFormOptions {\n    organisations {\n      id\n      kind\n      name\n      archived\n      users {\n        id\n        name\n        role\n        active\n      }\n    }\n    areas {\n      id\n      name\n    }\n    priorityIssues {\n      code\n      title\n    }\n    harmTypes {\n      id\n      name\n    }\n    partnershipForums {\n      id\n      name\n    }\n  }\n": typeof types.ServiceFormOptionsDocument,
    "\n  mutation CreateService($input: CreateCommissionedServiceInput!) {\n    createCommissionedService(input: $input) {\n      __typename\n      ... on MutationCreateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on ReferenceTaken {\n        message\n      }\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  query PortfolioCsv($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      pageCount\n      nodes {\n        reference\n        title\n        provider {\n          name\n        }\n        status\n        startDate\n        endDate\n        annualValue\n        totalValue\n        riskRating\n        priorityIssues {\n          code\n        }\n        areas {\n          name\n        }\n        initiatives {\n          initiative {\n            name\n          }\n        }\n        fundingByYear {\n          label\n          amount\n        }\n      }\n    }\n  }\n": typeof types.PortfolioCsvDocument,
    "\n  query UserDetail($id: ID!) {\n    me {\n      id\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      lastSignInAt\n      createdAt\n      deactivatedAt\n      version\n      organisation {\n        id\n        name\n        archived\n      }\n    }\n  }\n": typeof types.UserDetailDocument,
    "\n  mutation DeactivateUser($input: UserVersionInput!) {\n    deactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($input: UserVersionInput!) {\n    reactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      __typename\n      ... on MutationResetUserPasswordSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  query EditUser($id: ID!) {\n    organisations {\n      id\n      name\n      kind\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      version\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EditUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on MutationUpdateUserSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query Users($organisationId: ID) {\n    organisations(includeArchived: true) {\n      id\n      name\n      archived\n    }\n    users(organisationId: $organisationId, includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query NewUser {\n    organisations {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.NewUserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on MutationCreateUserSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n          user {\n            id\n            name\n            email\n            role\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on EmailTaken {\n        message\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
};
const documents: Documents = {
    "\n  query Home {\n    me {\n      name\n      role\n      organisation {\n        name\n        kind\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    reportingPeriods {\n      label\n      state\n      opensOn\n      dueDate\n      locksOn\n    }\n    initiatives {\n      name\n    }\n    organisations(kind: PROVIDER) {\n      id\n    }\n  }\n": types.HomeDocument,
    "\n  query RevokeApiTokenPage {\n    apiTokens(includeRevoked: true) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      status\n      organisation {\n        name\n      }\n    }\n  }\n": types.RevokeApiTokenPageDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on MutationRevokeApiTokenSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query ApiTokens($organisationId: ID, $includeRevoked: Boolean) {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      status\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  query ApiTokenProviders {\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n": types.ApiTokenProvidersDocument,
    "\n  query NewApiToken {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n": types.NewApiTokenDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on MutationCreateApiTokenSuccess {\n        data {\n          token\n          apiToken {\n            id\n            name\n            prefix\n            expiresAt\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query InitiativePage($id: ID!) {\n    me {\n      role\n    }\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.InitiativePageDocument,
    "\n  query ArchiveInitiativePage($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      archived\n      version\n      services {\n        id\n      }\n    }\n  }\n": types.ArchiveInitiativePageDocument,
    "\n  mutation ArchiveInitiative($input: ArchiveInitiativeInput!) {\n    archiveInitiative(input: $input) {\n      __typename\n      ... on MutationArchiveInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": types.ArchiveInitiativeDocument,
    "\n  query EditInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      version\n    }\n  }\n": types.EditInitiativeDocument,
    "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) {\n      __typename\n      ... on MutationUpdateInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": types.UpdateInitiativeDocument,
    "\n  query Initiatives {\n    me {\n      role\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n": types.InitiativesDocument,
    "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) {\n      __typename\n      ... on MutationCreateInitiativeSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": types.CreateInitiativeDocument,
    "\n  query OrganisationDetail($id: ID!) {\n    me {\n      role\n      organisation {\n        id\n      }\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      archivedAt\n      version\n      areas {\n        name\n      }\n      contacts {\n        id\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n      services {\n        id\n        reference\n        title\n        status\n      }\n    }\n  }\n": types.OrganisationDetailDocument,
    "\n  query ArchiveOrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id\n      kind\n      name\n      archived\n      version\n      users(includeDeactivated: false) {\n        id\n      }\n    }\n  }\n": types.ArchiveOrganisationPageDocument,
    "\n  mutation ArchiveOrganisation($input: ArchiveOrganisationInput!) {\n    archiveOrganisation(input: $input) {\n      __typename\n      ... on MutationArchiveOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": types.ArchiveOrganisationDocument,
    "\n  query EditOrganisation($id: ID!) {\n    areas {\n      id\n      name\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      version\n      areas {\n        id\n        name\n      }\n      contacts {\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n    }\n  }\n": types.EditOrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      __typename\n      ... on MutationUpdateOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": types.UpdateOrganisationDocument,
    "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n": types.OrganisationsDocument,
    "\n  query NewOrganisation {\n    areas {\n      id\n      name\n    }\n  }\n": types.NewOrganisationDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      __typename\n      ... on MutationCreateOrganisationSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  query PriorityIssue($code: String!) {\n    priorityIssue(code: $code) {\n      code\n      title\n      description\n      briefingText\n      version\n      investment {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        annualValue\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PriorityIssueDocument,
    "\n  query EditPriorityIssue {\n    priorityIssues {\n      code\n      title\n      description\n      version\n    }\n  }\n": types.EditPriorityIssueDocument,
    "\n  mutation UpdatePriorityIssue($input: UpdatePriorityIssueInput!) {\n    updatePriorityIssue(input: $input) {\n      __typename\n      ... on MutationUpdatePriorityIssueSuccess {\n        data {\n          code\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": types.UpdatePriorityIssueDocument,
    "\n  query PriorityIssues {\n    priorityIssues {\n      code\n      title\n      description\n    }\n  }\n": types.PriorityIssuesDocument,
    "\n  query Service($id: ID!) {\n    me {\n      role\n    }\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      status\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        name\n      }\n      areas {\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        name\n      }\n      forums {\n        name\n      }\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          label\n          amount\n        }\n      }\n      statusHistory {\n        id\n        from\n        to\n        reason\n        newEndDate\n        changedBy\n        at\n      }\n    }\n  }\n": types.ServiceDocument,
    "\n  query ServiceActivity($id: ID!) {\n    service(id: $id) {\n      activity {\n        id\n        at\n        actor\n        action\n        table\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n": types.ServiceActivityDocument,
    "\n  mutation ArchiveService($input: ArchiveCommissionedServiceInput!) {\n    archiveCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ArchiveServiceDocument,
    "\n  query EditService($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        id\n        name\n      }\n      areas {\n        id\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        id\n        name\n      }\n      forums {\n        id\n        name\n      }\n    }\n  }\n": types.EditServiceDocument,
    "\n  mutation UpdateService($input: UpdateCommissionedServiceInput!) {\n    updateCommissionedService(input: $input) {\n      __typename\n      ... on MutationUpdateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on ReferenceTaken {\n        message\n      }\n      ... on InvalidTransition {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  query ServiceFunding($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      version\n      archived\n      startDate\n      endDate\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n    }\n  }\n": types.ServiceFundingDocument,
    "\n  mutation SetServiceFunding($input: SetServiceFundingInput!) {\n    setServiceFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.SetServiceFundingDocument,
    "\n  query ServiceInitiatives($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      archived\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          financialYear\n          label\n          amount\n        }\n      }\n    }\n    initiatives {\n      id\n      name\n    }\n  }\n": types.ServiceInitiativesDocument,
    "\n  mutation LinkServiceInitiative($input: ServiceInitiativeInput!) {\n    linkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.LinkServiceInitiativeDocument,
    "\n  mutation UnlinkServiceInitiative($input: ServiceInitiativeInput!) {\n    unlinkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.UnlinkServiceInitiativeDocument,
    "\n  mutation SetInitiativeFunding($input: SetInitiativeFundingInput!) {\n    setInitiativeFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.SetInitiativeFundingDocument,
    "\n  query ServiceStatus($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      status\n      startDate\n      endDate\n      archived\n      version\n    }\n  }\n": types.ServiceStatusDocument,
    "\n  mutation ActivateService($input: ActivateCommissionedServiceInput!) {\n    activateCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ActivateServiceDocument,
    "\n  mutation ExtendService($input: ExtendCommissionedServiceInput!) {\n    extendCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ExtendServiceDocument,
    "\n  mutation EndService($input: EndCommissionedServiceInput!) {\n    endCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.EndServiceDocument,
    "\n  query Portfolio($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    me {\n      role\n    }\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      totalCount\n      totalAnnualValue\n      page\n      pageSize\n      pageCount\n      nodes {\n        id\n        reference\n        title\n        status\n        endDate\n        annualValue\n        riskRating\n        provider {\n          id\n          name\n        }\n        priorityIssues {\n          code\n        }\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n    initiatives {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n": types.PortfolioDocument,
    "\n  query ServiceFormOptions {\n    organisations {\n      id\n      kind\n      name\n      archived\n      users {\n        id\n        name\n        role\n        active\n      }\n    }\n    areas {\n      id\n      name\n    }\n    priorityIssues {\n      code\n      title\n    }\n    harmTypes {\n      id\n      name\n    }\n    partnershipForums {\n      id\n      name\n    }\n  }\n": types.ServiceFormOptionsDocument,
    "\n  mutation CreateService($input: CreateCommissionedServiceInput!) {\n    createCommissionedService(input: $input) {\n      __typename\n      ... on MutationCreateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on ReferenceTaken {\n        message\n      }\n    }\n  }\n": types.CreateServiceDocument,
    "\n  query PortfolioCsv($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      pageCount\n      nodes {\n        reference\n        title\n        provider {\n          name\n        }\n        status\n        startDate\n        endDate\n        annualValue\n        totalValue\n        riskRating\n        priorityIssues {\n          code\n        }\n        areas {\n          name\n        }\n        initiatives {\n          initiative {\n            name\n          }\n        }\n        fundingByYear {\n          label\n          amount\n        }\n      }\n    }\n  }\n": types.PortfolioCsvDocument,
    "\n  query UserDetail($id: ID!) {\n    me {\n      id\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      lastSignInAt\n      createdAt\n      deactivatedAt\n      version\n      organisation {\n        id\n        name\n        archived\n      }\n    }\n  }\n": types.UserDetailDocument,
    "\n  mutation DeactivateUser($input: UserVersionInput!) {\n    deactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($input: UserVersionInput!) {\n    reactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      __typename\n      ... on MutationResetUserPasswordSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ResetUserPasswordDocument,
    "\n  query EditUser($id: ID!) {\n    organisations {\n      id\n      name\n      kind\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      version\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.EditUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on MutationUpdateUserSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query Users($organisationId: ID) {\n    organisations(includeArchived: true) {\n      id\n      name\n      archived\n    }\n    users(organisationId: $organisationId, includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query NewUser {\n    organisations {\n      id\n      name\n      kind\n    }\n  }\n": types.NewUserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on MutationCreateUserSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n          user {\n            id\n            name\n            email\n            role\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on EmailTaken {\n        message\n      }\n    }\n  }\n": types.CreateUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      name\n      role\n      organisation {\n        name\n        kind\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    reportingPeriods {\n      label\n      state\n      opensOn\n      dueDate\n      locksOn\n    }\n    initiatives {\n      name\n    }\n    organisations(kind: PROVIDER) {\n      id\n    }\n  }\n"): typeof import('./graphql').HomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevokeApiTokenPage {\n    apiTokens(includeRevoked: true) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      status\n      organisation {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RevokeApiTokenPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on MutationRevokeApiTokenSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($organisationId: ID, $includeRevoked: Boolean) {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {\n      id\n      name\n      prefix\n      createdBy\n      createdAt\n      lastUsedAt\n      expiresAt\n      revokedAt\n      status\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokenProviders {\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ApiTokenProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewApiToken {\n    me {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').NewApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on MutationCreateApiTokenSuccess {\n        data {\n          token\n          apiToken {\n            id\n            name\n            prefix\n            expiresAt\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InitiativePage($id: ID!) {\n    me {\n      role\n    }\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InitiativePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArchiveInitiativePage($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      archived\n      version\n      services {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ArchiveInitiativePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveInitiative($input: ArchiveInitiativeInput!) {\n    archiveInitiative(input: $input) {\n      __typename\n      ... on MutationArchiveInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ArchiveInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      name\n      description\n      leadPartner\n      status\n      version\n    }\n  }\n"): typeof import('./graphql').EditInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInitiative($input: UpdateInitiativeInput!) {\n    updateInitiative(input: $input) {\n      __typename\n      ... on MutationUpdateInitiativeSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Initiatives {\n    me {\n      role\n      organisation {\n        kind\n      }\n    }\n    initiatives {\n      id\n      name\n      description\n      leadPartner\n      status\n      fromBriefing\n      funding {\n        label\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').InitiativesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInitiative($input: CreateInitiativeInput!) {\n    createInitiative(input: $input) {\n      __typename\n      ... on MutationCreateInitiativeSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationDetail($id: ID!) {\n    me {\n      role\n      organisation {\n        id\n      }\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      archivedAt\n      version\n      areas {\n        name\n      }\n      contacts {\n        id\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n      services {\n        id\n        reference\n        title\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').OrganisationDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArchiveOrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id\n      kind\n      name\n      archived\n      version\n      users(includeDeactivated: false) {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ArchiveOrganisationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveOrganisation($input: ArchiveOrganisationInput!) {\n    archiveOrganisation(input: $input) {\n      __typename\n      ... on MutationArchiveOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ArchiveOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditOrganisation($id: ID!) {\n    areas {\n      id\n      name\n    }\n    organisation(id: $id) {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      email\n      phone\n      address\n      website\n      archived\n      version\n      areas {\n        id\n        name\n      }\n      contacts {\n        name\n        jobTitle\n        email\n        phone\n        isPrimary\n      }\n    }\n  }\n"): typeof import('./graphql').EditOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      __typename\n      ... on MutationUpdateOrganisationSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations {\n    me {\n      role\n    }\n    organisations {\n      id\n      kind\n      name\n      type\n      registeredNumber\n      areas {\n        name\n      }\n      users {\n        id\n        name\n        email\n        role\n        active\n      }\n    }\n  }\n"): typeof import('./graphql').OrganisationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewOrganisation {\n    areas {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').NewOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      __typename\n      ... on MutationCreateOrganisationSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ... on NameTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriorityIssue($code: String!) {\n    priorityIssue(code: $code) {\n      code\n      title\n      description\n      briefingText\n      version\n      investment {\n        label\n        amount\n      }\n      services {\n        id\n        reference\n        title\n        status\n        annualValue\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PriorityIssueDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($id: ID!) {\n    me {\n      role\n    }\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      status\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        name\n      }\n      areas {\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        name\n      }\n      forums {\n        name\n      }\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          label\n          amount\n        }\n      }\n      statusHistory {\n        id\n        from\n        to\n        reason\n        newEndDate\n        changedBy\n        at\n      }\n    }\n  }\n"): typeof import('./graphql').ServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceActivity($id: ID!) {\n    service(id: $id) {\n      activity {\n        id\n        at\n        actor\n        action\n        table\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ServiceActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveService($input: ArchiveCommissionedServiceInput!) {\n    archiveCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ArchiveServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditService($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      description\n      startDate\n      endDate\n      annualValue\n      totalValue\n      cohortMinAge\n      cohortMaxAge\n      riskRating\n      riskReason\n      archived\n      version\n      provider {\n        id\n        name\n      }\n      leadOfficer {\n        id\n        name\n      }\n      areas {\n        id\n        name\n      }\n      priorityIssues {\n        code\n        title\n      }\n      harmTypes {\n        id\n        name\n      }\n      forums {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').EditServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($input: UpdateCommissionedServiceInput!) {\n    updateCommissionedService(input: $input) {\n      __typename\n      ... on MutationUpdateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on ReferenceTaken {\n        message\n      }\n      ... on InvalidTransition {\n        message\n      }\n      ... on NotFound {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceFunding($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      version\n      archived\n      startDate\n      endDate\n      funding {\n        financialYear\n        label\n        source\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').ServiceFundingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetServiceFunding($input: SetServiceFundingInput!) {\n    setServiceFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SetServiceFundingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceInitiatives($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      archived\n      fundingByYear {\n        financialYear\n        label\n        amount\n      }\n      initiatives {\n        initiative {\n          id\n          name\n        }\n        funding {\n          financialYear\n          label\n          amount\n        }\n      }\n    }\n    initiatives {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ServiceInitiativesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkServiceInitiative($input: ServiceInitiativeInput!) {\n    linkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').LinkServiceInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkServiceInitiative($input: ServiceInitiativeInput!) {\n    unlinkServiceInitiative(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UnlinkServiceInitiativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInitiativeFunding($input: SetInitiativeFundingInput!) {\n    setInitiativeFunding(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SetInitiativeFundingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceStatus($id: ID!) {\n    service(id: $id) {\n      id\n      reference\n      title\n      status\n      startDate\n      endDate\n      archived\n      version\n    }\n  }\n"): typeof import('./graphql').ServiceStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateService($input: ActivateCommissionedServiceInput!) {\n    activateCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ActivateServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendService($input: ExtendCommissionedServiceInput!) {\n    extendCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ExtendServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndService($input: EndCommissionedServiceInput!) {\n    endCommissionedService(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').EndServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portfolio($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    me {\n      role\n    }\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      totalCount\n      totalAnnualValue\n      page\n      pageSize\n      pageCount\n      nodes {\n        id\n        reference\n        title\n        status\n        endDate\n        annualValue\n        riskRating\n        provider {\n          id\n          name\n        }\n        priorityIssues {\n          code\n        }\n      }\n    }\n    priorityIssues {\n      code\n      title\n    }\n    organisations(kind: PROVIDER) {\n      id\n      name\n    }\n    initiatives {\n      id\n      name\n    }\n    areas {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').PortfolioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceFormOptions {\n    organisations {\n      id\n      kind\n      name\n      archived\n      users {\n        id\n        name\n        role\n        active\n      }\n    }\n    areas {\n      id\n      name\n    }\n    priorityIssues {\n      code\n      title\n    }\n    harmTypes {\n      id\n      name\n    }\n    partnershipForums {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ServiceFormOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($input: CreateCommissionedServiceInput!) {\n    createCommissionedService(input: $input) {\n      __typename\n      ... on MutationCreateCommissionedServiceSuccess {\n        data {\n          id\n        }\n      }\n      ... on ReferenceTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateServiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortfolioCsv($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {\n    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {\n      pageCount\n      nodes {\n        reference\n        title\n        provider {\n          name\n        }\n        status\n        startDate\n        endDate\n        annualValue\n        totalValue\n        riskRating\n        priorityIssues {\n          code\n        }\n        areas {\n          name\n        }\n        initiatives {\n          initiative {\n            name\n          }\n        }\n        fundingByYear {\n          label\n          amount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PortfolioCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserDetail($id: ID!) {\n    me {\n      id\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      lastSignInAt\n      createdAt\n      deactivatedAt\n      version\n      organisation {\n        id\n        name\n        archived\n      }\n    }\n  }\n"): typeof import('./graphql').UserDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($input: UserVersionInput!) {\n    deactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($input: UserVersionInput!) {\n    reactivateUser(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      __typename\n      ... on MutationResetUserPasswordSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditUser($id: ID!) {\n    organisations {\n      id\n      name\n      kind\n    }\n    user(id: $id) {\n      id\n      name\n      email\n      role\n      version\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').EditUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on MutationUpdateUserSuccess {\n        data {\n          id\n        }\n      }\n      ... on VersionConflict {\n        message\n        currentVersion\n      }\n      ... on NotFound {\n        message\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($organisationId: ID) {\n    organisations(includeArchived: true) {\n      id\n      name\n      archived\n    }\n    users(organisationId: $organisationId, includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      hasPassword\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewUser {\n    organisations {\n      id\n      name\n      kind\n    }\n  }\n"): typeof import('./graphql').NewUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on MutationCreateUserSuccess {\n        data {\n          setPasswordUrl\n          expiresAt\n          user {\n            id\n            name\n            email\n            role\n            organisation {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on EmailTaken {\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
