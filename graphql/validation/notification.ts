// Inputs of the notifications API, shared by the API and the notifications page.
import { z } from 'zod';

export const MAX_NOTIFICATIONS_PER_MARK = 500;

export const MarkNotificationsReadSchema = z
  .object({
    ids: z
      .array(z.string().uuid({ error: 'Choose notifications from the list' }))
      .max(MAX_NOTIFICATIONS_PER_MARK, { error: `Mark no more than ${MAX_NOTIFICATIONS_PER_MARK} notifications at once` })
      .nullish()
      .transform((ids) => ids ?? []),
    all: z.boolean().nullish().transform((all) => all ?? false),
  })
  .refine((input) => input.all || input.ids.length > 0, { error: 'Choose the notifications to mark as read', path: ['ids'] });
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadSchema>;
