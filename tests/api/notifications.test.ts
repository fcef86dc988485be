// In-app notifications (own only: listed, counted and marked read by their person, never anyone else's) and the
// e-mail outbox (admins only), including what the reminders job writes.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { runReminders } from '../../graphql/jobs/reminders';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { tokenViewer } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';

let me: Viewer;
let someoneElse: Viewer;
let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let providerId: string;

beforeAll(async () => {
  providerId = (await createOrganisation()).id;
  me = await viewerFor('PROVIDER', providerId);
  someoneElse = await viewerFor('PROVIDER', providerId);
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
});

const LIST = `query ($unreadOnly: Boolean) { notifications(unreadOnly: $unreadOnly) { id kind subject body createdAt readAt read returnId } unreadNotificationCount }`;
const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unread } }`;
const OUTBOX = `query ($page: Int) { emailOutbox(page: $page) { page pageCount total unsent nodes { id to subject body createdAt sentAt error } } }`;

async function notify(userId: string, subject: string, minutesAgo: number, read = false) {
  return getPrisma().notification.create({
    data: {
      userId,
      kind: 'TEST',
      subject,
      body: `Body of ${subject}`,
      dedupeKey: `test:${randomUUID()}`,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      readAt: read ? new Date() : null,
    },
  });
}

describe('notifications', () => {
  it('lists only your own, newest first, with unread in words and a count', async () => {
    const viewer = await viewerFor('PROVIDER', providerId);
    await notify(viewer.userId!, 'Older', 60);
    await notify(viewer.userId!, 'Newer', 5);
    await notify(viewer.userId!, 'Already read', 30, true);
    await notify(someoneElse.userId!, 'Not yours', 1);
    const { data } = await execute(LIST, {}, { viewer });
    expect(data.notifications.map((n: any) => [n.subject, n.read])).toEqual([
      ['Newer', false],
      ['Already read', true],
      ['Older', false],
    ]);
    expect(data.unreadNotificationCount).toBe(2);
    const unread = await execute(LIST, { unreadOnly: true }, { viewer });
    expect(unread.data.notifications.map((n: any) => n.subject)).toEqual(['Newer', 'Older']);
  });

  it('are marked read by their person only: ids of anyone else\'s are ignored', async () => {
    const viewer = await viewerFor('PROVIDER', providerId);
    const mine = await notify(viewer.userId!, 'Mine', 10);
    const also = await notify(viewer.userId!, 'Also mine', 11);
    const theirs = await notify(someoneElse.userId!, 'Theirs', 10);
    const { data } = await execute(MARK, { input: { ids: [mine.id, theirs.id] } }, { viewer });
    expect(data.markNotificationsRead).toEqual({ marked: 1, unread: 1 });
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    const all = await execute(MARK, { input: { all: true } }, { viewer });
    expect(all.data.markNotificationsRead).toEqual({ marked: 1, unread: 0 });
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: also.id } })).readAt).not.toBeNull();
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it('refuses bad input: no ids, ids that are not ids', async () => {
    expect(codes(await execute(MARK, { input: {} }, { viewer: me }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await execute(MARK, { input: { ids: ['nope'] } }, { viewer: me }))).toEqual(['BAD_USER_INPUT']);
  });

  it('are for signed-in people: anonymous callers are UNAUTHENTICATED, an API token FORBIDDEN', async () => {
    expect(codes(await execute(LIST))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await execute(MARK, { input: { all: true } }))).toEqual(['UNAUTHENTICATED']);
    const token = tokenViewer(providerId);
    expect(codes(await execute(`{ notifications { id } }`, {}, { viewer: token }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(MARK, { input: { all: true } }, { viewer: token }))).toEqual(['FORBIDDEN']);
  });

  it('shows what the reminders job wrote, linked to the return, and lists without a query per row', async () => {
    const org = (await createOrganisation()).id;
    const viewer = await viewerFor('PROVIDER', org);
    await createService({ providerId: org, startDate: '2024-04-01' });
    // 2026/27 Q2 opens on 1 October 2026: the job sends WINDOW_OPEN (or a later stage) for the missing return.
    const run = await runReminders(getPrisma(), { today: '2026-10-02' });
    expect(run.notificationsCreated).toBeGreaterThan(0);
    const { data } = await execute(LIST, {}, { viewer });
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notifications[0].kind).toMatch(/^RETURN_/);
    expect(data.notifications[0].subject).toMatch(/2026\/27 Q2/);
    for (let i = 0; i < 5; i++) await notify(viewer.userId!, `Extra ${i}`, 100 + i);
    const few = await countStatements(() => execute(LIST, {}, { viewer: me }));
    const many = await countStatements(() => execute(LIST, {}, { viewer }));
    expect(many.statements).toBe(few.statements);
  });
});

describe('the e-mail outbox', () => {
  it('is for admins only', async () => {
    for (const viewer of [officer, commissioner, me, tokenViewer(providerId)]) {
      expect(codes(await execute(OUTBOX, {}, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(OUTBOX))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists e-mails newest first, 50 a page, with what was sent and what failed', async () => {
    const db = getPrisma();
    const base = Date.now();
    await db.emailOutbox.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        toAddress: `person${i}@test.example`,
        subject: `Message ${i}`,
        body: 'Hello',
        dedupeKey: `outbox-test:${randomUUID()}`,
        createdAt: new Date(base + i * 1000),
        sentAt: i % 2 === 0 ? new Date(base + i * 1000 + 10) : null,
        error: i === 53 ? 'SMTP refused: mailbox unavailable' : null,
      })),
    });
    const first = (await execute(OUTBOX, {}, { viewer: admin })).data.emailOutbox;
    expect(first.total).toBeGreaterThanOrEqual(55);
    expect(first.nodes).toHaveLength(50);
    expect(first.nodes[0]).toMatchObject({ to: 'person54@test.example', subject: 'Message 54' });
    expect(first.nodes[0].sentAt).not.toBeNull();
    expect(first.nodes[1]).toMatchObject({ subject: 'Message 53', sentAt: null, error: 'SMTP refused: mailbox unavailable' });
    const last = (await execute(OUTBOX, { page: 99 }, { viewer: admin })).data.emailOutbox;
    expect(last.page).toBe(last.pageCount);
    expect(last.unsent).toBeGreaterThanOrEqual(27);
  });
});
