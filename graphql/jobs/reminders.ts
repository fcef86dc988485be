// Reminders and escalation for quarterly returns: in-app notifications and e-mails (outbox rows), sent by the
// `npm run jobs` job (graphql/jobs/cli.ts) once a day.
//
// What is reminded: each (service, period) pair where the service is ACTIVE or EXTENDED (not archived) and ran
// during the period (start date on or before the period's end, end date on or after its start), whose return is
// missing (not made yet = not started) or NOT_STARTED, IN_PROGRESS or RETURNED, and whose period is open for
// returns and not yet locked (opensOn <= today < locksOn). After the lock date the OPCC deals with it by hand.
//
// Events (working days: Monday to Friday except bank holidays, graphql/domain/periods.ts):
// - WINDOW_OPEN  from opensOn                          to the provider's active users
// - DUE_SOON     from 5 working days before dueDate    to the provider's active users
// - DUE_TODAY    on dueDate                           to the provider's active users
// - OVERDUE      after dueDate                        to the provider's active users
// - ESCALATED    from 5 working days after dueDate    to the service's lead officer (when active), otherwise to
//                                                      every active policy officer
//
// The rule when the job runs late (or for the first time): each pair gets only the provider event of the stage it
// is in today (the latest of WINDOW_OPEN, DUE_SOON, DUE_TODAY, OVERDUE that applies), plus ESCALATED when that is
// due too; earlier stages that were missed are not sent as a backlog. So a first run on the day after the due date
// sends OVERDUE only, and a first run at 5 working days overdue sends OVERDUE to the provider and ESCALATED to the
// officer. Periods already locked send nothing.
//
// Idempotent: every notification and outbox row has a dedupe key `reminder:<serviceId>:<periodId>:<event>:<userId>`
// (unique columns) and is inserted with ON CONFLICT DO NOTHING, so running twice, or two runs at once, sends each
// event once per recipient. A return made after its WINDOW_OPEN went out does not change the key.
//
// Work in a fixed number of statements whatever the number of services: one query for the pairs, one for the
// recipients, one insert for notifications, one for the outbox (then the mailer's batch, when SMTP is set).
import type { PrismaClient } from '../../prisma/client';
import { formatDate } from '../../app/components/format/dates';
import { addWorkingDays, toIsoDate, type DateInput, type IsoDate } from '../domain/periods';
import { sendOutbox, type MailTransport, type SendOutboxResult } from './mailer';

export const REMINDER_EVENTS = ['WINDOW_OPEN', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'ESCALATED'] as const;
export type ReminderEvent = (typeof REMINDER_EVENTS)[number];

/** Notification.kind of each event. */
export const REMINDER_KINDS: Record<ReminderEvent, string> = {
  WINDOW_OPEN: 'RETURN_WINDOW_OPEN',
  DUE_SOON: 'RETURN_DUE_SOON',
  DUE_TODAY: 'RETURN_DUE_TODAY',
  OVERDUE: 'RETURN_OVERDUE',
  ESCALATED: 'RETURN_ESCALATED',
};

/** DUE_SOON starts this many working days before the due date; ESCALATED this many after it. */
export const DUE_SOON_WORKING_DAYS = 5;
export const ESCALATE_WORKING_DAYS = 5;

export interface PeriodDates {
  opensOn: DateInput;
  dueDate: DateInput;
  locksOn: DateInput;
}

/** The events a pair is due on `today` (see the rule at the top of this file). Pure. */
export function eventsOn(today: DateInput, period: PeriodDates): ReminderEvent[] {
  const day = toIsoDate(today);
  const opensOn = toIsoDate(period.opensOn);
  const dueDate = toIsoDate(period.dueDate);
  const locksOn = toIsoDate(period.locksOn);
  if (day < opensOn || day >= locksOn) return [];
  const events: ReminderEvent[] = [];
  if (day > dueDate) events.push('OVERDUE');
  else if (day === dueDate) events.push('DUE_TODAY');
  else if (day >= addWorkingDays(dueDate, -DUE_SOON_WORKING_DAYS)) events.push('DUE_SOON');
  else events.push('WINDOW_OPEN');
  if (day >= addWorkingDays(dueDate, ESCALATE_WORKING_DAYS)) events.push('ESCALATED');
  return events;
}

/** A (service, period) pair that still owes a return, as the pairs query reads it. */
export interface ReminderPair {
  serviceId: string;
  reference: string;
  title: string;
  providerId: string;
  providerName: string;
  leadOfficerId: string | null;
  periodId: string;
  label: string;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
  returnId: string | null;
}

export interface Recipient {
  id: string;
  email: string;
  role: string;
  organisationId: string;
}

export interface PlannedMessage {
  event: ReminderEvent;
  userId: string;
  toAddress: string;
  kind: string;
  subject: string;
  body: string;
  returnId: string | null;
  dedupeKey: string;
}

export const dedupeKey = (serviceId: string, periodId: string, event: ReminderEvent, userId: string) =>
  `reminder:${serviceId}:${periodId}:${event}:${userId}`;

/** Subject and body, in plain English: the service reference and title, the period, due and lock dates apart. */
export function reminderText(event: ReminderEvent, pair: ReminderPair): { subject: string; body: string } {
  const service = `${pair.reference} ${pair.title}`;
  const due = formatDate(toIsoDate(pair.dueDate));
  const locks = formatDate(toIsoDate(pair.locksOn));
  const dates = `${pair.label} is due on ${due} and locks on ${locks}.`;
  const afterLock = 'After the lock date only the OPCC can allow changes.';
  switch (event) {
    case 'WINDOW_OPEN':
      return {
        subject: `Your ${pair.label} return for ${service} is open`,
        body: `You can now complete the ${pair.label} return for ${service}. ${dates}`,
      };
    case 'DUE_SOON':
      return {
        subject: `Your ${pair.label} return for ${service} is due on ${due}`,
        body: `The ${pair.label} return for ${service} has not been submitted yet. ${dates}`,
      };
    case 'DUE_TODAY':
      return {
        subject: `Your ${pair.label} return for ${service} is due today`,
        body: `The ${pair.label} return for ${service} has not been submitted yet and is due today. ${dates}`,
      };
    case 'OVERDUE':
      return {
        subject: `Your ${pair.label} return for ${service} is overdue`,
        body:
          `The ${pair.label} return for ${service} has not been submitted. ${dates} ${afterLock} ` +
          'Please contact the OPCC if you need help.',
      };
    case 'ESCALATED':
      return {
        subject: `The ${pair.label} return for ${service} is ${ESCALATE_WORKING_DAYS} working days overdue`,
        body:
          `${pair.providerName} has not submitted the ${pair.label} return for ${service}. ${dates} ` +
          `It is now ${ESCALATE_WORKING_DAYS} working days overdue: please contact the provider.`,
      };
  }
}

/**
 * Who gets each event: the provider's active PROVIDER users for the provider events; for ESCALATED the lead
 * officer when set and active, otherwise every active POLICY_OFFICER. `recipients` holds only active users.
 */
export function recipientsFor(event: ReminderEvent, pair: ReminderPair, recipients: Recipient[]): Recipient[] {
  if (event !== 'ESCALATED') {
    return recipients.filter((user) => user.role === 'PROVIDER' && user.organisationId === pair.providerId);
  }
  const lead = pair.leadOfficerId ? recipients.find((user) => user.id === pair.leadOfficerId) : undefined;
  if (lead && lead.role !== 'PROVIDER') return [lead];
  return recipients.filter((user) => user.role === 'POLICY_OFFICER');
}

/** Every message due on `today` for these pairs. Pure: no database, no clock. */
export function planReminders(today: DateInput, pairs: ReminderPair[], recipients: Recipient[]): PlannedMessage[] {
  const messages: PlannedMessage[] = [];
  for (const pair of pairs) {
    for (const event of eventsOn(today, pair)) {
      const { subject, body } = reminderText(event, pair);
      for (const user of recipientsFor(event, pair, recipients)) {
        messages.push({
          event,
          userId: user.id,
          toAddress: user.email,
          kind: REMINDER_KINDS[event],
          subject,
          body,
          returnId: pair.returnId,
          dedupeKey: dedupeKey(pair.serviceId, pair.periodId, event, user.id),
        });
      }
    }
  }
  return messages;
}

/** The pairs that still owe a return in a period open on `today` and not yet locked. One statement. */
export async function findReminderPairs(db: PrismaClient, today: IsoDate): Promise<ReminderPair[]> {
  return db.$queryRaw<ReminderPair[]>`
    SELECT s.id AS "serviceId", s.reference, s.title, s.provider_id AS "providerId", o.name AS "providerName",
           s.lead_officer_id AS "leadOfficerId", p.id AS "periodId", p.label, p.opens_on AS "opensOn",
           p.due_date AS "dueDate", p.locks_on AS "locksOn", r.id AS "returnId"
    FROM reporting_period p
    JOIN commissioned_service s
      ON s.status IN ('ACTIVE', 'EXTENDED') AND s.archived_at IS NULL
     AND s.start_date <= p.end_date AND s.end_date >= p.start_date
    JOIN organisation o ON o.id = s.provider_id
    LEFT JOIN performance_return r ON r.service_id = s.id AND r.period_id = p.id
    WHERE p.opens_on <= ${today}::date AND p.locks_on > ${today}::date
      AND (r.id IS NULL OR r.status IN ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED'))
    ORDER BY p.opens_on, s.reference`;
}

async function findRecipients(db: PrismaClient, pairs: ReminderPair[]): Promise<Recipient[]> {
  if (pairs.length === 0) return [];
  const providerIds = [...new Set(pairs.map((pair) => pair.providerId))];
  const leadIds = [...new Set(pairs.flatMap((pair) => (pair.leadOfficerId ? [pair.leadOfficerId] : [])))];
  return db.user.findMany({
    where: {
      deactivatedAt: null,
      OR: [
        { role: 'PROVIDER', organisationId: { in: providerIds } },
        { id: { in: leadIds } },
        { role: 'POLICY_OFFICER' },
      ],
    },
    select: { id: true, email: true, role: true, organisationId: true },
    orderBy: { email: 'asc' },
  });
}

export interface ReminderRunOptions {
  /** The calendar date the run is for ("today in London" in the job). */
  today: DateInput;
  /** Set when SMTP is configured: unsent outbox rows are then sent with it. */
  transport?: MailTransport | null;
  from?: string;
}

export interface ReminderRunResult {
  today: IsoDate;
  pairs: number;
  planned: number;
  notificationsCreated: number;
  emailsQueued: number;
  /** New notifications of each event in this run (0 everywhere on a second run the same day). */
  byEvent: Record<ReminderEvent, number>;
  /** null when no transport: the e-mails stay in the outbox. */
  mail: SendOutboxResult | null;
}

/** Plans and writes the reminders for `today`, then sends the outbox when a transport is given. */
export async function runReminders(db: PrismaClient, options: ReminderRunOptions): Promise<ReminderRunResult> {
  const today = toIsoDate(options.today);
  const pairs = await findReminderPairs(db, today);
  const recipients = await findRecipients(db, pairs);
  const messages = planReminders(today, pairs, recipients);

  const byEvent = Object.fromEntries(REMINDER_EVENTS.map((event) => [event, 0])) as Record<ReminderEvent, number>;
  let notificationsCreated = 0;
  let emailsQueued = 0;
  if (messages.length) {
    // Each insert is one statement with ON CONFLICT DO NOTHING: what was sent before is skipped, not sent again.
    const created = await db.notification.createManyAndReturn({
      data: messages.map((m) => ({
        userId: m.userId,
        kind: m.kind,
        subject: m.subject,
        body: m.body,
        returnId: m.returnId,
        dedupeKey: m.dedupeKey,
      })),
      skipDuplicates: true,
      select: { dedupeKey: true },
    });
    notificationsCreated = created.length;
    for (const { dedupeKey: key } of created) byEvent[key.split(':')[3] as ReminderEvent] += 1;
    emailsQueued = (
      await db.emailOutbox.createMany({
        data: messages.map((m) => ({ toAddress: m.toAddress, subject: m.subject, body: emailBody(m), dedupeKey: m.dedupeKey })),
        skipDuplicates: true,
      })
    ).count;
  }

  const mail = options.transport
    ? await sendOutbox(db, options.transport, options.from ?? 'portal@opcc.example')
    : null;
  return { today, pairs: pairs.length, planned: messages.length, notificationsCreated, emailsQueued, byEvent, mail };
}

function emailBody(message: PlannedMessage): string {
  return `${message.body}\n\nSign in to the PCC Commissioning and Outcomes Portal to see the return.\n`;
}
