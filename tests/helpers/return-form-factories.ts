// Factories for the provider pages' API tests: returns in any status (submitted ones carry who and when).
import type { ReturnStatus } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { createUser } from './factories';
import { createReturn } from './return-factories';

/** A return made directly in any status; SUBMITTED, RETURNED, APPROVED and REOPENED ones get a submitter. */
export async function returnInStatus(options: {
  serviceId: string;
  periodId: string;
  providerId: string;
  status: ReturnStatus;
  values?: Record<string, string>;
}) {
  const ret = await createReturn({ serviceId: options.serviceId, periodId: options.periodId, status: 'IN_PROGRESS', values: options.values });
  if (options.status === 'IN_PROGRESS') return ret;
  const submitted = !['NOT_STARTED', 'IN_PROGRESS'].includes(options.status);
  const submitter = submitted ? await createUser({ role: 'PROVIDER', organisationId: options.providerId }) : null;
  return getPrisma().performanceReturn.update({
    where: { id: ret.id },
    data: {
      status: options.status,
      submittedAt: submitter ? new Date() : null,
      submittedById: submitter?.id ?? null,
      declarationName: submitter?.name ?? null,
      returnedReason: options.status === 'RETURNED' ? 'Please check the referral figures.' : null,
    },
  });
}
