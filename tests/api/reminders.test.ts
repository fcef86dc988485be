// The reminders job: the right event on the right (working) day, to the right people, once; no backlog when it
// runs late; nothing for submitted or approved returns or ended services; e-mail through an injected transport.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { toIsoDate } from '../../graphql/domain/periods';
import type { MailMessage, MailTransport } from '../../graphql/jobs/mailer';
import { eventsOn, runReminders, type ReminderEvent } from '../../graphql/jobs/reminders';
import { createUser } from '../helpers/factories';
import { period, providerWithUsers, remindersFor, serviceWithReturn } from '../helpers/reminder-factories';
import { countStatements } from '../helpers/statements';

const Q3 = '2026/27 Q3';
const run = (today: string, extra: { transport?: MailTransport } = {}) =>
  runReminders(getPrisma(), { today, from: 'portal@opcc.example', ...extra });
const ids = (users: { id: string }[]) => users.map((user) => user.id);
const expected = (event: ReminderEvent, users: { id: string }[]) => ids(users).map((id) => `${event}:${id}`);

describe('when each event is due (pure)', () => {
  it('follows the 2026/27 Q3 dates in the database: opens on the New Year bank holiday, due 22 Jan, locks 5 Feb', async () => {
    const q3 = await period(Q3);
    expect([toIsoDate(q3.opensOn), toIsoDate(q3.dueDate), toIsoDate(q3.locksOn)]).toEqual([
      '2027-01-01',
      '2027-01-22',
      '2027-02-05',
    ]);
    const on = (day: string) => eventsOn(day, q3);
    expect(on('2026-12-31')).toEqual([]);
    expect(on('2027-01-01')).toEqual(['WINDOW_OPEN']); // a bank holiday: the window still opens that day
    expect(on('2027-01-14')).toEqual(['WINDOW_OPEN']);
    expect(on('2027-01-15')).toEqual(['DUE_SOON']); // 5 working days before Fri 22 Jan
    expect(on('2027-01-21')).toEqual(['DUE_SOON']);
    expect(on('2027-01-22')).toEqual(['DUE_TODAY']);
    expect(on('2027-01-23')).toEqual(['OVERDUE']);
    expect(on('2027-01-28')).toEqual(['OVERDUE']);
    expect(on('2027-01-29')).toEqual(['OVERDUE', 'ESCALATED']); // 5 working days after the due date
    expect(on('2027-02-04')).toEqual(['OVERDUE', 'ESCALATED']);
    expect(on('2027-02-05')).toEqual([]); // locked: the OPCC takes it from there
  });

  it('counts working days around bank holidays (Easter 2026, early May 2028)', async () => {
    // 2025/26 Q4: due Thu 23 Apr 2026 (Good Friday and Easter Monday are not working days).
    const q4 = await period('2025/26 Q4');
    expect(toIsoDate(q4.dueDate)).toBe('2026-04-23');
    expect(eventsOn('2026-04-15', q4)).toEqual(['WINDOW_OPEN']);
    expect(eventsOn('2026-04-16', q4)).toEqual(['DUE_SOON']);
    // 2027/28 Q4: due Tue 25 Apr 2028; Mon 1 May 2028 is a bank holiday, so escalation is Wed 3 May, not Tue 2 May.
    const late = await period('2027/28 Q4');
    expect(toIsoDate(late.dueDate)).toBe('2028-04-25');
    expect(eventsOn('2028-05-02', late)).toEqual(['OVERDUE']);
    expect(eventsOn('2028-05-03', late)).toEqual(['OVERDUE', 'ESCALATED']);
  });
});

describe('the reminders job', () => {
  it('sends each event on its day to the provider\'s active users, once, and escalates to the lead officer', async () => {
    const { provider, active, deactivated } = await providerWithUsers();
    const other = await providerWithUsers();
    const lead = await createUser({ role: 'POLICY_OFFICER' });
    const { service } = await serviceWithReturn({ providerId: provider.id, leadOfficerId: lead.id });
    await serviceWithReturn({ providerId: other.provider.id, leadOfficerId: lead.id });

    await run('2026-12-31');
    expect((await remindersFor(service.id)).events).toEqual([]);

    const first = await run('2027-01-01');
    expect(first.notificationsCreated).toBeGreaterThanOrEqual(2);
    let sent = await remindersFor(service.id);
    expect(sent.events).toEqual(expected('WINDOW_OPEN', active).sort());
    expect(sent.events.join()).not.toContain(deactivated.id);
    expect(sent.emails.map((email) => email.toAddress).sort()).toEqual(active.map((user) => user.email).sort());
    const notification = sent.notifications[0]!;
    expect(notification.kind).toBe('RETURN_WINDOW_OPEN');
    expect(notification.returnId).toBeNull(); // no return row yet: treated as not started, and none is made
    expect(notification.subject).toContain(service.reference);
    expect(notification.body).toContain(`${service.reference} ${service.title}`);
    expect(notification.body).toContain('2026/27 Q3 is due on 22 January 2027 and locks on 5 February 2027');
    expect(sent.emails[0]!.body).toContain('2026/27 Q3 is due on 22 January 2027 and locks on 5 February 2027');
    expect(sent.emails.every((email) => email.sentAt === null)).toBe(true); // no SMTP: they stay in the outbox

    // Running again the same day sends nothing twice.
    const again = await run('2027-01-01');
    expect(again.notificationsCreated).toBe(0);
    expect(again.emailsQueued).toBe(0);
    expect((await remindersFor(service.id)).notifications).toHaveLength(2);

    await run('2027-01-14'); // still the open window: nothing new
    expect((await remindersFor(service.id)).notifications).toHaveLength(2);

    for (const day of ['2027-01-15', '2027-01-15', '2027-01-22', '2027-01-25', '2027-01-26']) await run(day);
    sent = await remindersFor(service.id);
    expect(sent.events).toEqual(
      [
        ...expected('WINDOW_OPEN', active),
        ...expected('DUE_SOON', active),
        ...expected('DUE_TODAY', active),
        ...expected('OVERDUE', active),
      ].sort(),
    );

    await run('2027-01-28');
    expect((await remindersFor(service.id)).events.filter((e) => e.startsWith('ESCALATED'))).toEqual([]);
    await run('2027-01-29');
    await run('2027-02-01');
    sent = await remindersFor(service.id);
    expect(sent.events.filter((e) => e.startsWith('ESCALATED'))).toEqual([`ESCALATED:${lead.id}`]);
    const escalation = sent.notifications.find((n) => n.kind === 'RETURN_ESCALATED')!;
    expect(escalation.subject).toContain('5 working days overdue');
    expect(escalation.body).toContain(provider.name);
    expect(sent.emails.find((email) => email.dedupeKey === escalation.dedupeKey)?.toAddress).toBe(lead.email);
    // The other provider's users never hear about this service.
    expect(sent.notifications.some((n) => ids(other.active).includes(n.userId))).toBe(false);
  });

  it('reminds about missing, not started, in-progress and returned returns only, of active or extended services', async () => {
    const { provider, active } = await providerWithUsers();
    const lead = await createUser({ role: 'POLICY_OFFICER' });
    const make = (options: Partial<Parameters<typeof serviceWithReturn>[0]>) =>
      serviceWithReturn({ providerId: provider.id, leadOfficerId: lead.id, submittedById: active[0]!.id, ...options });
    const reminded = await Promise.all([
      make({}),
      make({ returnStatus: 'NOT_STARTED' }),
      make({ returnStatus: 'IN_PROGRESS' }),
      make({ returnStatus: 'RETURNED' }),
      make({ status: 'EXTENDED' }),
    ]);
    const silent = await Promise.all([
      make({ returnStatus: 'SUBMITTED' }),
      make({ returnStatus: 'APPROVED' }),
      make({ status: 'ENDED' }),
      make({ status: 'PLANNED' }),
      make({ archived: true }),
      make({ startDate: '2027-01-01', endDate: '2028-03-31' }), // starts after the quarter
      make({ startDate: '2024-04-01', endDate: '2026-09-30' }), // ended before the quarter
    ]);

    await run('2027-01-25');
    for (const { service, returnId } of reminded) {
      const sent = await remindersFor(service.id);
      expect(sent.events, service.reference).toEqual(expected('OVERDUE', active).sort());
      expect(sent.notifications.every((n) => n.returnId === returnId)).toBe(true);
    }
    for (const { service } of silent) {
      expect((await remindersFor(service.id)).notifications, service.reference).toEqual([]);
      expect((await remindersFor(service.id)).emails, service.reference).toEqual([]);
    }
  });

  it('sends no backlog when it first runs late, and nothing once the period is locked', async () => {
    const { provider, active } = await providerWithUsers();
    const lead = await createUser({ role: 'POLICY_OFFICER' });
    const late = await serviceWithReturn({ providerId: provider.id, leadOfficerId: lead.id, returnStatus: 'IN_PROGRESS' });

    await run('2027-02-02');
    expect((await remindersFor(late.service.id)).events).toEqual(
      [...expected('OVERDUE', active), `ESCALATED:${lead.id}`].sort(),
    );

    const locked = await serviceWithReturn({ providerId: provider.id, leadOfficerId: lead.id });
    await run('2027-02-05');
    await run('2027-03-01');
    expect((await remindersFor(locked.service.id)).notifications).toEqual([]);
  });

  it('escalates to every active policy officer when the service has no active lead officer', async () => {
    const { provider } = await providerWithUsers();
    const officer = await createUser({ role: 'POLICY_OFFICER' });
    const gone = await createUser({ role: 'POLICY_OFFICER' });
    await getPrisma().user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await createUser({ role: 'ADMIN' });
    await createUser({ role: 'COMMISSIONER' });
    const none = await serviceWithReturn({ providerId: provider.id, leadOfficerId: null });
    const leftLead = await serviceWithReturn({ providerId: provider.id, leadOfficerId: gone.id });

    await run('2027-01-29');
    const policyOfficers = await getPrisma().user.findMany({
      where: { role: 'POLICY_OFFICER', deactivatedAt: null },
      select: { id: true },
    });
    expect(ids(policyOfficers)).toContain(officer.id);
    for (const { service } of [none, leftLead]) {
      const escalated = (await remindersFor(service.id)).events.filter((e) => e.startsWith('ESCALATED'));
      expect(escalated).toEqual(expected('ESCALATED', policyOfficers).sort());
      expect(escalated.join()).not.toContain(gone.id);
    }
  });

  it('two runs at once still send each event once', async () => {
    const { provider, active } = await providerWithUsers();
    const { service } = await serviceWithReturn({ providerId: provider.id });
    const [a, b] = await Promise.all([run('2027-01-15'), run('2027-01-15')]);
    expect(a.planned).toBe(b.planned);
    const sent = await remindersFor(service.id);
    expect(sent.events).toEqual(expected('DUE_SOON', active).sort());
    expect(sent.emails).toHaveLength(active.length);
  });

  it('does its work in a fixed number of statements, however many returns are outstanding', async () => {
    const { provider } = await providerWithUsers();
    const lead = await createUser({ role: 'POLICY_OFFICER' });
    await Promise.all(
      Array.from({ length: 12 }, () => serviceWithReturn({ providerId: provider.id, leadOfficerId: lead.id })),
    );
    const { statements, result } = await countStatements(() => run('2027-02-03'));
    expect(result.pairs).toBeGreaterThanOrEqual(12);
    expect(result.notificationsCreated).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(6);
  });

  it('sends the outbox over SMTP when a transport is given: sent_at set, failures recorded and retried', async () => {
    const { provider, active } = await providerWithUsers();
    const { service } = await serviceWithReturn({ providerId: provider.id });
    const delivered: MailMessage[] = [];
    let refuse: string | null = active[0]!.email;
    const transport: MailTransport = {
      async sendMail(message) {
        if (message.to === refuse) throw new Error('452 mailbox full');
        delivered.push(message);
        return { messageId: `<${delivered.length}@test>` };
      },
    };

    const first = await run('2027-01-22', { transport });
    expect(first.mail?.failed.map((f) => f.toAddress)).toContain(active[0]!.email);
    let emails = (await remindersFor(service.id)).emails;
    const byAddress = (address: string) => emails.find((email) => email.toAddress === address)!;
    expect(byAddress(active[1]!.email).sentAt).toBeInstanceOf(Date);
    expect(byAddress(active[1]!.email).error).toBeNull();
    expect(byAddress(active[0]!.email).sentAt).toBeNull();
    expect(byAddress(active[0]!.email).error).toBe('452 mailbox full');
    const message = delivered.find((m) => m.to === active[1]!.email)!;
    expect(message).toMatchObject({ from: 'portal@opcc.example', subject: expect.stringContaining('is due today') });
    expect(message.text).toContain('2026/27 Q3 is due on 22 January 2027 and locks on 5 February 2027');

    // The next run retries the failure; nothing already sent goes again.
    refuse = null;
    const countBefore = delivered.filter((m) => m.to === active[1]!.email).length;
    const second = await run('2027-01-22', { transport });
    expect(second.emailsQueued).toBe(0);
    emails = (await remindersFor(service.id)).emails;
    expect(emails.every((email) => email.sentAt instanceof Date)).toBe(true);
    expect(byAddress(active[0]!.email).error).toBeNull();
    expect(delivered.filter((m) => m.to === active[1]!.email).length).toBe(countBefore);
    expect(delivered.filter((m) => m.to === active[0]!.email)).toHaveLength(1);
  });
});
