import { InitiativeStatus, OrganisationKind, OrganisationType, Role } from '../../prisma/client';
import { builder } from '../builder';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'What a user may do: see docs/permissions in the README.',
});
export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: 'OrganisationKind' });
export const OrganisationTypeEnum = builder.enumType(OrganisationType, { name: 'OrganisationType' });
export const InitiativeStatusEnum = builder.enumType(InitiativeStatus, { name: 'InitiativeStatus' });
