// Factories for the reminder job tests: a provider with users, services in a period, returns in a given status.
import type { ReturnStatus, ServiceStatus } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { createOrganisation, createUser } from './factories';
import { createService } from './service-factories';

export async function period(label: string) {
  return getPrisma().reportingPeriod.findUniqueOrThrow({ where: { label } });
}

/** A provider with two active users and one deactivated user. */
export async function providerWithUsers() {
  const provider = await createOrganisation();
  const [first, second, gone] = await Promise.all([
    createUser({ role: 'PROVIDER', organisationId: provider.id }),
    createUser({ role: 'PROVIDER', organisationId: provider.id }),
    createUser({ role: 'PROVIDER', organisationId: provider.id }),
  ]);
  await getPrisma().user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
  return { provider, active: [first, second], deactivated: gone };
}

export async function serviceWithReturn(options: {
  providerId: string;
  leadOfficerId?: string | null;
  status?: ServiceStatus;
  startDate?: string;
  endDate?: string;
  archived?: boolean;
  /** The return for `periodLabel` in this status; none made when left out. */
  returnStatus?: ReturnStatus;
  periodLabel?: string;
  /** Who submitted it, for statuses past IN_PROGRESS (default: a new user of the provider). */
  submittedById?: string;
}) {
  const db = getPrisma();
  const service = await createService({
    providerId: options.providerId,
    status: options.status ?? 'ACTIVE',
    startDate: options.startDate,
    endDate: options.endDate,
    archived: options.archived,
  });
  if (options.leadOfficerId) {
    await db.commissionedService.update({ where: { id: service.id }, data: { leadOfficerId: options.leadOfficerId } });
  }
  let returnId: string | null = null;
  if (options.returnStatus) {
    const [template, reporting] = await Promise.all([
      db.returnTemplate.findFirstOrThrow({ orderBy: { version: 'asc' } }),
      period(options.periodLabel ?? '2026/27 Q3'),
    ]);
    // Anything past IN_PROGRESS was submitted once (a check constraint), and RETURNED says why.
    const submitted = !['NOT_STARTED', 'IN_PROGRESS'].includes(options.returnStatus);
    const submitter = !submitted
      ? null
      : options.submittedById
        ? { id: options.submittedById }
        : await createUser({ role: 'PROVIDER', organisationId: options.providerId });
    const created = await db.performanceReturn.create({
      data: {
        serviceId: service.id,
        periodId: reporting.id,
        templateId: template.id,
        status: options.returnStatus,
        submittedAt: submitter ? new Date('2027-01-20T10:00:00Z') : null,
        submittedById: submitter?.id ?? null,
        returnedReason: options.returnStatus === 'RETURNED' ? 'Please explain the fall in referrals.' : null,
      },
    });
    returnId = created.id;
  }
  return { service, returnId };
}

/** The reminders written for a service: notifications and outbox rows, oldest first. */
export async function remindersFor(serviceId: string) {
  const db = getPrisma();
  const prefix = `reminder:${serviceId}:`;
  const [notifications, emails] = await Promise.all([
    db.notification.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }] }),
    db.emailOutbox.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }] }),
  ]);
  const event = (key: string) => key.split(':')[3];
  return {
    notifications,
    emails,
    events: notifications.map((n) => `${event(n.dedupeKey)}:${n.userId}`).sort(),
  };
}
