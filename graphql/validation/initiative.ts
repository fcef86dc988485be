// One zod schema per input, shared by the API (Pothos `validate:`) and the pages' actions.
import { z } from 'zod';
import { expectedVersion, id, optionalText, text } from './common';

export const INITIATIVE_STATUSES = ['PLANNED', 'ACTIVE', 'PAUSED', 'CLOSED'] as const;
const fields = {
  name: text('a name', 200),
  description: text('a description', 2000),
  leadPartner: optionalText('lead partner', 200),
  status: z.enum(INITIATIVE_STATUSES, { error: 'Choose a status' }),
};

export const CreateInitiativeSchema = z.object(fields);
export type CreateInitiativeInput = z.output<typeof CreateInitiativeSchema>;

export const UpdateInitiativeSchema = z.object({ id: id('an initiative'), ...fields, expectedVersion });
export type UpdateInitiativeInput = z.output<typeof UpdateInitiativeSchema>;

export const ArchiveInitiativeSchema = z.object({ id: id('an initiative'), expectedVersion });
