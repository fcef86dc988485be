// Targets: a service's target for a measure in a financial year (quarter 0) or one of its quarters (1-4). The
// shape is checked here; each value is read per the measure's unit by graphql/domain/values.ts#parseValue in the
// API (which knows the measure), with a message that names the measure and the quarter.
import { z } from 'zod';
import { expectedVersion, financialYear, id } from './common';

export const QUARTERS = [0, 1, 2, 3, 4] as const;

/** "the annual target", "the Q2 target". */
export const quarterWords = (quarter: number) => (quarter === 0 ? 'annual' : `Q${quarter}`);

export const TargetInputSchema = z.object({
  measureCode: z
    .string({ error: 'Enter a measure code' })
    .trim()
    .min(1, { error: 'Enter a measure code' })
    .max(60, { error: 'Measure code must be 60 characters or fewer' })
    .transform((code) => code.toUpperCase()),
  quarter: z
    .number({ error: 'Enter a quarter: 0 for the whole year, or 1 to 4' })
    .int({ error: 'Enter a quarter: 0 for the whole year, or 1 to 4' })
    .min(0, { error: 'Enter a quarter: 0 for the whole year, or 1 to 4' })
    .max(4, { error: 'Enter a quarter: 0 for the whole year, or 1 to 4' }),
  value: z
    .string()
    .max(40, { error: 'A target must be 40 characters or fewer' })
    .nullish()
    .transform((value) => (value ?? '').trim()),
});
export type TargetInput = z.infer<typeof TargetInputSchema>;

export const MAX_TARGETS_PER_SAVE = 2_000;

export const UpdateServiceTargetsSchema = z
  .object({
    serviceId: id('the service'),
    financialYear,
    expectedVersion,
    targets: z
      .array(TargetInputSchema)
      .max(MAX_TARGETS_PER_SAVE, { error: `Save no more than ${MAX_TARGETS_PER_SAVE.toLocaleString('en-GB')} targets at once` }),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.targets.forEach((target, index) => {
      const key = `${target.measureCode}:${target.quarter}`;
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['targets', index, 'measureCode'],
          message: `The ${quarterWords(target.quarter)} target for ${target.measureCode} is given more than once`,
        });
      }
      seen.add(key);
    });
  });
export type UpdateServiceTargetsInput = z.infer<typeof UpdateServiceTargetsSchema>;
