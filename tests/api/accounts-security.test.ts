// Accounts (issue 7, item 6): the NCSC-style password policy with its deny-list; session rotation, idle and absolute
// timeouts (with SESSION_EXPIRED in the audit trail and a message on the sign-in page); two-factor sign-in (TOTP):
// the code step, replay refused, throttling, set-up and turning off, administrators made to set it up; and the audit
// trail of each. Server functions and route handlers against a real database, no mocks.
import { readFileSync } from 'node:fs';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { timeStep, totpCode } from '../../graphql/auth/totp';
import { openTotpSecret } from '../../graphql/auth/totp-keys';
import {
  COMMON_PASSWORD_MESSAGE,
  EMAIL_PASSWORD_MESSAGE,
  PERSONAL_PASSWORD_MESSAGE,
  REPEATED_PASSWORD_MESSAGE,
  commonPasswords,
  passwordProblem,
} from '../../graphql/auth/password-policy';
import { SetPasswordSchema } from '../../graphql/validation/user';
import {
  ADMIN_TWO_FACTOR_MESSAGE,
  CODE_REQUIRED_MESSAGE,
  CODE_WRONG_MESSAGE,
  SIGN_IN_THROTTLED_MESSAGE,
  confirmTwoFactorSetup,
  disableTwoFactor,
  signIn,
  signInWithCode,
  startTwoFactorSetup,
  twoFactorStatus,
  type SignInOutcome,
} from '../../app/utils/auth.server';
import { getOptionalUser, requireRole, requireUser, viewerOf, type SessionUser } from '../../app/utils/session.server';
import { setPasswordWithLink } from '../../app/utils/password-reset.server';
import { loader as signInLoader } from '../../app/routes/sign-in';
import { action as graphqlAction } from '../../app/routes/graphql';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories';
import { cookiePair, createTwoFactorUser, requestWith, sessionRowOf, signInMeta, tokenOf } from '../helpers/accounts-factories';
import { hashToken } from '../../graphql/auth/tokens';
import { EnvError, parseEnv } from '../../app/utils/env.server';

afterEach(() => {
  vi.restoreAllMocks();
});

const prisma = () => getPrisma();
/** Rows as text (audit ids are bigints). */
const json = (value: unknown) => JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? String(item) : item));

function signedIn(outcome: SignInOutcome): Extract<SignInOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`sign-in failed: ${outcome.message}`);
  return outcome;
}

/** What a thrown Remix redirect points to. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) return thrown.headers.get('location')!;
    throw thrown;
  }
  throw new Error('expected a redirect');
}

const auditRows = (action: string, userId: string) =>
  prisma().auditEvent.findMany({ where: { action, entityId: userId }, orderBy: { occurredAt: 'asc' } });

// =====================================================================================================================
// Passwords
// =====================================================================================================================

describe('the password policy (NCSC: length and a deny-list, no composition rules)', () => {
  const person = { email: 'verna.fee@opcc.example', name: 'Verna Fee', organisationName: "Harbour Lights Children's Trust" };

  it('needs 12 to 256 characters, and nothing else about what they are', () => {
    expect(passwordProblem('eleven chars')).toBeNull(); // 12, all lower-case letters and spaces: fine
    expect(passwordProblem('elevenchars')).toBe('Enter a password of at least 12 characters');
    expect(passwordProblem('x'.repeat(240) + 'river stone 42!!')).toBeNull(); // 256
    expect(passwordProblem('x'.repeat(241) + 'river stone 42!!')).toBe('Password must be 256 characters or fewer');
    for (const fine of ['river stone lantern', 'RIVER STONE LANTERN', '738291047362 but longer', 'ñandú pingüino café']) {
      expect(passwordProblem(fine, person)).toBeNull();
    }
  });

  it('refuses passwords on the list, whatever their case, and with digits or symbols around them or spaces inside', () => {
    for (const common of ['password1234', 'PASSWORD1234', 'Password1234', 'QAZWSXEDCRFV', '123456789012', 'iloveyou2024!!', '!!Dragon!!!!!!', 'pass word 1234']) {
      expect(passwordProblem(common), common).toBe(COMMON_PASSWORD_MESSAGE);
    }
  });

  it('refuses a few characters repeated', () => {
    expect(passwordProblem('xyzqxyzqxyzq')).toBe(REPEATED_PASSWORD_MESSAGE);
    expect(passwordProblem('kq7kq7kq7kq7kq7')).toBe(REPEATED_PASSWORD_MESSAGE);
  });

  it('refuses the email address, and passwords made of the name, email, organisation or the portal plus digits', () => {
    expect(passwordProblem('Verna.Fee@opcc.example', person)).toBe(EMAIL_PASSWORD_MESSAGE);
    for (const personal of ['Verna.Fee2024!', 'vernafee123456', 'HarbourLights1!', 'opcc-portal-2026', 'opcc2026opcc2026', 'fee verna 1970', 'Durham police 1', 'portal password']) {
      expect(passwordProblem(personal, person), personal).toBe(PERSONAL_PASSWORD_MESSAGE);
    }
    // A word of theirs inside a real passphrase is fine.
    expect(passwordProblem('verna walks the harbour at dawn', person)).toBeNull();
  });

  it('allows the demo password, which is not on the list', () => {
    expect(commonPasswords().has('portal-demo-password')).toBe(false);
    expect(passwordProblem('portal-demo-password', { email: 'admin@opcc.example', name: 'Alex Admin', organisationName: 'Office of the Durham Police and Crime Commissioner' })).toBeNull();
  });

  it('ships the list as data with its source and licence, reads it once, lower-case', () => {
    const file = readFileSync('graphql/auth/common-passwords.txt', 'utf8');
    expect(file).toMatch(/^# .*\n# Source: the password list of the npm package @zxcvbn-ts\/language-common/);
    expect(file).toContain('# Permission is hereby granted, free of charge');
    const list = commonPasswords();
    expect(commonPasswords()).toBe(list);
    expect(list.size).toBeGreaterThan(40_000);
    expect([...list].every((entry) => entry === entry.toLowerCase() && !entry.startsWith('#'))).toBe(true);
    expect(list.has('password')).toBe(true);
  });

  it('is the set-password form schema (the rules that need no person)', () => {
    const issues = (password: string) =>
      SetPasswordSchema.safeParse({ password, confirmPassword: password }).error?.issues.map((issue) => issue.message) ?? [];
    expect(issues('Password1234')).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(issues('xyzqxyzqxyzq')).toEqual([REPEATED_PASSWORD_MESSAGE]);
    expect(issues('short')).toEqual(['Enter a password of at least 12 characters']);
    expect(issues('x'.repeat(257))).toEqual(['Password must be 256 characters or fewer']);
    expect(issues('river stone lantern')).toEqual([]);
  });

  it('applies where passwords are set: the one-time link refuses a common or personal password and stays usable', async () => {
    const org = await createOrganisation({ name: `Riverside Trust ${crypto.randomUUID().slice(0, 6)}` });
    const user = await createUser({ role: 'PROVIDER', organisationId: org.id });
    const token = 'link-token-for-policy-test-0123456789';
    await prisma().passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const meta = { ipAddress: '127.0.0.1', requestId: 'req-policy' };
    const attempt = (password: string) => setPasswordWithLink(token, { password, confirmPassword: password }, meta);
    expect(await attempt('Password1234')).toEqual({ ok: false, expired: false, errors: [{ field: 'password', message: COMMON_PASSWORD_MESSAGE }] });
    expect(await attempt('riverside trust 99')).toEqual({ ok: false, expired: false, errors: [{ field: 'password', message: PERSONAL_PASSWORD_MESSAGE }] });
    expect(await attempt('a long new password 42')).toEqual({ ok: true, email: user.email });
    expect(await prisma().auditEvent.count({ where: { action: 'PASSWORD_SET', entityId: user.id } })).toBe(1);
  });
});

// =====================================================================================================================
// Sessions
// =====================================================================================================================

describe('session rotation', () => {
  it('a sign-in makes a new session: the cookie the browser had stops working and the session id changes', async () => {
    const user = await createUser({ role: 'POLICY_OFFICER' });
    const first = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta()));
    const firstRow = await sessionRowOf(first.setCookie);
    const second = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta({ previousToken: await tokenOf(first.setCookie) })));
    const secondRow = await sessionRowOf(second.setCookie);
    expect(secondRow!.id).not.toBe(firstRow!.id);
    expect(await sessionRowOf(first.setCookie)).toBeNull();
    expect(await getOptionalUser(requestWith([first.setCookie]))).toBeNull();
    expect((await getOptionalUser(requestWith([second.setCookie])))!.sessionId).toBe(secondRow!.id);
  });
});

describe('idle and absolute timeouts', () => {
  async function sessionFor(role: 'COMMISSIONER' | 'PROVIDER' = 'COMMISSIONER') {
    const user = await createUser({ role });
    const { setCookie } = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta()));
    return { user, setCookie, row: (await sessionRowOf(setCookie))! };
  }

  it('refuses a session idle for longer than SESSION_IDLE_MINUTES (30), sends the person to sign in saying why, and audits SESSION_EXPIRED once', async () => {
    const { user, setCookie, row } = await sessionFor();
    await prisma().session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const request = requestWith([setCookie], 'http://portal.test/services?page=2', { headers: { 'x-request-id': 'req-idle' } });
    expect(await redirectOf(requireUser(request))).toBe('/sign-in?redirectTo=%2Fservices%3Fpage%3D2&ended=idle');
    expect(await prisma().session.count({ where: { id: row.id } })).toBe(0);
    // The same cookie again: no session, and no second event.
    expect(await getOptionalUser(requestWith([setCookie]))).toBeNull();
    const events = await auditRows('SESSION_EXPIRED', user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: user.id, actorLabel: user.email, requestId: 'req-idle', operation: 'session' });
    expect(events[0]!.after).toMatchObject({ reason: 'idle timeout' });
  });

  it('keeps a session used 29 minutes ago', async () => {
    const { setCookie, row } = await sessionFor();
    await prisma().session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
    expect(await getOptionalUser(requestWith([setCookie]))).not.toBeNull();
    // ... and moves its idle clock on.
    expect((await prisma().session.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a session past its absolute expiry even when in use, and says so', async () => {
    const { user, setCookie, row } = await sessionFor('PROVIDER');
    await prisma().session.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - 12 * 3600_000 - 1000), expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect(await redirectOf(requireUser(requestWith([setCookie])))).toBe('/sign-in?ended=absolute');
    const events = await auditRows('SESSION_EXPIRED', user.id);
    expect(events.map((event) => (event.after as { reason: string }).reason)).toEqual(['absolute timeout']);
  });

  it('a new session expires SESSION_ABSOLUTE_HOURS (12) after sign-in', async () => {
    const { row } = await sessionFor();
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(12 * 3600_000 - 5000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(12 * 3600_000 + 5000);
  });

  it('the sign-in page says "You were signed out because ..."', async () => {
    const page = async (query: string) => {
      const response = (await signInLoader({ request: new Request(`http://portal.test/sign-in${query}`), params: {}, context: {} } as LoaderFunctionArgs)) as Response;
      return ((await response.json()) as { ended: string | null }).ended;
    };
    expect(await page('?ended=idle')).toBe('You were signed out because you did not use the portal for 30 minutes. Sign in again to continue.');
    expect(await page('?ended=absolute')).toBe('You were signed out because you signed in more than 12 hours ago. Sign in again to continue.');
    expect(await page('?ended=<script>')).toBeNull();
    expect(await page('')).toBeNull();
  });
});

// =====================================================================================================================
// Two-factor sign-in
// =====================================================================================================================

/** Signs in with the password; answers the cookie of the sign-in waiting for its code. */
async function passwordStep(email: string, meta = signInMeta()) {
  const outcome = signedIn(await signIn({ email, password: TEST_PASSWORD }, meta));
  expect(outcome.next).toBe('second-factor');
  return outcome.setCookie;
}

describe('signing in with two-factor sign-in on', () => {
  it('a right password starts no session: it asks for the code; the right code starts one, audited as SIGN_IN', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const meta = signInMeta();
    const pending = await passwordStep(user.email, meta);
    expect(pending).toMatch(/^portal_sign_in=/);
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/Max-Age=300/i);
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getOptionalUser(requestWith([pending]))).toBeNull();
    expect(await prisma().auditEvent.count({ where: { action: 'SIGN_IN', entityId: user.id } })).toBe(0);

    const step = timeStep();
    const outcome = await signInWithCode(requestWith([pending]), { code: totpCode(secret, { step }) }, meta);
    if (!outcome.ok) throw new Error(outcome.message);
    const [session, cleared] = outcome.setCookies;
    expect(cleared).toMatch(/^portal_sign_in=;.*Max-Age=0/i);
    expect(await getOptionalUser(requestWith([session!]))).toMatchObject({ id: user.id, twoFactorEnabled: true, twoFactorSetupRequired: false });
    const [event] = await auditRows('SIGN_IN', user.id);
    expect(event).toMatchObject({ actorUserId: user.id, operation: 'sign-in', requestId: meta.requestId });
    expect(event!.after).toEqual({ secondFactor: 'totp' });
    const row = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpLastStep).toBe(step);
  });

  it('rotates the session after the second factor too: the old cookie stops working, the id changes', async () => {
    const { user, secret } = await createTwoFactorUser('COMMISSIONER');
    const first = await signInWithCode(requestWith([await passwordStep(user.email)]), { code: totpCode(secret, { step: timeStep() - 1 }) }, signInMeta());
    if (!first.ok) throw new Error(first.message);
    const firstSession = first.setCookies[0]!;
    const firstRow = (await sessionRowOf(firstSession))!;
    // Signing in again from the same browser: the password step already ends the old session.
    const pending = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta({ previousToken: await tokenOf(firstSession) }))).setCookie;
    expect(await getOptionalUser(requestWith([firstSession]))).toBeNull();
    const second = await signInWithCode(requestWith([pending, firstSession]), { code: totpCode(secret) }, signInMeta({ previousToken: await tokenOf(firstSession) }));
    if (!second.ok) throw new Error(second.message);
    const secondRow = (await sessionRowOf(second.setCookies[0]!))!;
    expect(secondRow.id).not.toBe(firstRow.id);
    expect(await prisma().session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: secondRow.id }]);
  });

  it('a wrong code: the message, SIGN_IN_SECOND_FACTOR_FAILED, no session; an empty one only asks for the code', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const pending = await passwordStep(user.email);
    const right = totpCode(secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await signInWithCode(requestWith([pending]), { code: wrong }, signInMeta())).toEqual({ ok: false, field: 'code', message: CODE_WRONG_MESSAGE });
    expect(await signInWithCode(requestWith([pending]), { code: 'abc' }, signInMeta())).toEqual({ ok: false, field: 'code', message: CODE_WRONG_MESSAGE });
    expect(await signInWithCode(requestWith([pending]), { code: '  ' }, signInMeta())).toEqual({ ok: false, field: 'code', message: CODE_REQUIRED_MESSAGE });
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
    const failures = await auditRows('SIGN_IN_SECOND_FACTOR_FAILED', user.id);
    expect(failures.map((event) => (event.after as { reason: string }).reason)).toEqual(['wrong code', 'not a 6-digit code']);
    expect(await prisma().loginAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(2);
  });

  it('a code works once: the same code again, even at a new sign-in, is refused as a replay', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const code = totpCode(secret);
    const first = await signInWithCode(requestWith([await passwordStep(user.email)]), { code }, signInMeta());
    expect(first.ok).toBe(true);
    const again = await signInWithCode(requestWith([await passwordStep(user.email)]), { code }, signInMeta());
    expect(again).toEqual({ ok: false, field: 'code', message: CODE_WRONG_MESSAGE });
    // An older code still inside the window is refused too: steps only move forward.
    const older = await signInWithCode(requestWith([await passwordStep(user.email)]), { code: totpCode(secret, { step: timeStep() - 1 }) }, signInMeta());
    expect(older.ok).toBe(false);
    const reasons = (await auditRows('SIGN_IN_SECOND_FACTOR_FAILED', user.id)).map((event) => (event.after as { reason: string }).reason);
    expect(reasons).toEqual(['code already used', 'code already used']);
  });

  it('of two sign-ins racing with the same code, exactly one gets in', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const [a, b] = [await passwordStep(user.email), await passwordStep(user.email)];
    const code = totpCode(secret);
    const outcomes = await Promise.all([a, b].map((pending) => signInWithCode(requestWith([pending]), { code }, signInMeta())));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('throttles wrong codes like wrong passwords: after 5, even the right code is refused, and that is audited', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const pending = await passwordStep(user.email);
    for (let i = 0; i < 5; i++) await signInWithCode(requestWith([pending]), { code: '000000' === totpCode(secret) ? '111111' : '000000' }, signInMeta());
    const blocked = await signInWithCode(requestWith([pending]), { code: totpCode(secret) }, signInMeta());
    expect(blocked).toEqual({ ok: false, field: 'code', message: SIGN_IN_THROTTLED_MESSAGE });
    const [event] = await auditRows('SIGN_IN_THROTTLED', user.id);
    expect(event!.after).toMatchObject({ stage: 'code', accountFailures: 5 });
    // ... and the password step is throttled as well.
    expect(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta())).toEqual({ ok: false, message: SIGN_IN_THROTTLED_MESSAGE });
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('the waiting sign-in lasts 5 minutes, cannot be forged, and ends when the password changes', async () => {
    const { user, secret } = await createTwoFactorUser('POLICY_OFFICER');
    const pending = await passwordStep(user.email);
    const realNow = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(realNow + 5 * 60_000 + 1000);
    expect(await signInWithCode(requestWith([pending]), { code: totpCode(secret, { now: realNow }) }, signInMeta())).toMatchObject({ ok: false, restart: true });
    vi.restoreAllMocks();

    const [name, value] = cookiePair(pending).split('=');
    const forged = `${name}=${value!.slice(0, -3)}abc`;
    expect(await signInWithCode(requestWith([forged]), { code: totpCode(secret) }, signInMeta())).toMatchObject({ ok: false, restart: true });
    const unsigned = `${name}=${Buffer.from(JSON.stringify({ u: user.id, t: Date.now(), p: 'x' })).toString('base64')}`;
    expect(await signInWithCode(requestWith([unsigned]), { code: totpCode(secret) }, signInMeta())).toMatchObject({ ok: false, restart: true });

    await prisma().user.update({ where: { id: user.id }, data: { passwordHash: 'scrypt$changed' } });
    expect(await signInWithCode(requestWith([pending]), { code: totpCode(secret) }, signInMeta())).toMatchObject({ ok: false, restart: true });
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('stores the key sealed (AES-256-GCM), never in the clear, and never in the audit trail', async () => {
    const { user, secret } = await createTwoFactorUser('ADMIN');
    const row = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    expect(openTotpSecret(row.totpSecret!)).toEqual({ secret, stale: false });
    const outcome = await signInWithCode(requestWith([await passwordStep(user.email)]), { code: totpCode(secret) }, signInMeta());
    expect(outcome.ok).toBe(true);
    const events = await prisma().auditEvent.findMany({ where: { OR: [{ entityId: user.id }, { actorUserId: user.id }] } });
    expect(events.length).toBeGreaterThan(0);
    const text = json(events);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(row.totpSecret!);
    expect(text).not.toContain('totp_secret');
  });
});

// =====================================================================================================================
// Setting it up, turning it off, administrators
// =====================================================================================================================

async function sessionUserFor(role: 'ADMIN' | 'POLICY_OFFICER' | 'COMMISSIONER' | 'PROVIDER') {
  const user = await createUser({ role });
  const outcome = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta()));
  const sessionUser = (await getOptionalUser(requestWith([outcome.setCookie])))!;
  return { user, setCookie: outcome.setCookie, sessionUser, outcome };
}

const keyOf = async (user: SessionUser) => (await twoFactorStatus(user)).setup!.key;
const actionMeta = () => ({ ipAddress: signInMeta().ipAddress, requestId: crypto.randomUUID() });

describe('setting up two-factor sign-in', () => {
  it('an officer sets it up with a code from the app: TWO_FACTOR_ENABLED, other sessions end, this one stays', async () => {
    const { user, sessionUser, setCookie } = await sessionUserFor('POLICY_OFFICER');
    const other = signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta()));
    expect(await twoFactorStatus(sessionUser)).toMatchObject({ offered: true, required: false, enabled: false, setup: null });
    expect(await startTwoFactorSetup(sessionUser)).toEqual({ ok: true });
    const status = await twoFactorStatus(sessionUser);
    expect(status.setup!.key).toMatch(/^[A-Z2-7]{32}$/);
    expect(status.setup!.formattedKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(status.setup!.uri).toContain(`otpauth://totp/PCC%20Commissioning%20Portal:${encodeURIComponent(user.email)}?secret=${status.setup!.key}`);
    const stored = (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(status.setup!.key);

    expect(await confirmTwoFactorSetup(sessionUser, { code: '' }, actionMeta())).toEqual({ ok: false, message: CODE_REQUIRED_MESSAGE });
    expect(await confirmTwoFactorSetup(sessionUser, { code: '12345' }, actionMeta())).toEqual({ ok: false, message: CODE_WRONG_MESSAGE });
    const meta = actionMeta();
    const setupCode = totpCode(status.setup!.key);
    expect(await confirmTwoFactorSetup(sessionUser, { code: setupCode }, meta)).toEqual({ ok: true });
    expect(await twoFactorStatus(sessionUser)).toMatchObject({ enabled: true, setup: null });
    const [event] = await auditRows('TWO_FACTOR_ENABLED', user.id);
    expect(event).toMatchObject({ actorUserId: user.id, requestId: meta.requestId, operation: 'two-factor' });
    expect(await getOptionalUser(requestWith([setCookie]))).not.toBeNull();
    expect(await getOptionalUser(requestWith([other.setCookie]))).toBeNull();
    // From now on the password alone starts no session.
    expect(signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta())).next).toBe('second-factor');
    // The set-up code cannot be used to sign in.
    const replay = await signInWithCode(requestWith([await passwordStep(user.email)]), { code: setupCode }, signInMeta());
    expect(replay.ok).toBe(false);
    expect(json(await prisma().auditEvent.findMany({ where: { entityId: user.id } }))).not.toContain(status.setup!.key);
  });

  it('starting again makes a new key; starting when it is on is refused', async () => {
    const { sessionUser } = await sessionUserFor('COMMISSIONER');
    await startTwoFactorSetup(sessionUser);
    const first = await keyOf(sessionUser);
    await startTwoFactorSetup(sessionUser);
    const second = await keyOf(sessionUser);
    expect(second).not.toBe(first);
    expect(await confirmTwoFactorSetup(sessionUser, { code: totpCode(first) }, actionMeta())).toEqual({ ok: false, message: CODE_WRONG_MESSAGE });
    expect(await confirmTwoFactorSetup(sessionUser, { code: totpCode(second) }, actionMeta())).toEqual({ ok: true });
    expect(await startTwoFactorSetup(sessionUser)).toEqual({ ok: false, message: 'Two-factor sign-in is already on for your account.' });
  });

  it('is not offered to provider accounts', async () => {
    const { sessionUser } = await sessionUserFor('PROVIDER');
    expect(await twoFactorStatus(sessionUser)).toMatchObject({ offered: false, enabled: false, setup: null });
    expect((await startTwoFactorSetup(sessionUser)).ok).toBe(false);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: sessionUser.id } })).totpSecret).toBeNull();
  });
});

describe('turning two-factor sign-in off', () => {
  async function officerWithTwoFactor() {
    const { user, sessionUser } = await sessionUserFor('POLICY_OFFICER');
    await startTwoFactorSetup(sessionUser);
    const key = await keyOf(sessionUser);
    const setupCode = totpCode(key);
    await confirmTwoFactorSetup(sessionUser, { code: setupCode }, actionMeta());
    return { user, sessionUser, key, setupCode };
  }

  it('needs a current, unused code; a wrong one is audited and counted', async () => {
    const { user, sessionUser, key, setupCode } = await officerWithTwoFactor();
    expect(await disableTwoFactor(sessionUser, { code: '' }, actionMeta())).toEqual({ ok: false, message: CODE_REQUIRED_MESSAGE });
    // The code that turned it on: already used.
    expect(await disableTwoFactor(sessionUser, { code: setupCode }, actionMeta())).toEqual({ ok: false, message: CODE_WRONG_MESSAGE });
    const failures = await auditRows('TWO_FACTOR_DISABLE_FAILED', user.id);
    expect(failures.map((event) => (event.after as { reason: string }).reason)).toEqual(['code already used']);
    expect(await prisma().loginAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(1);

    const meta = actionMeta();
    expect(await disableTwoFactor(sessionUser, { code: totpCode(key, { step: timeStep() + 1 }) }, meta)).toEqual({ ok: true });
    const row = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await auditRows('TWO_FACTOR_DISABLED', user.id)).toEqual([expect.objectContaining({ requestId: meta.requestId, actorUserId: user.id })]);
    expect(signedIn(await signIn({ email: user.email, password: TEST_PASSWORD }, signInMeta())).next).toBe('signed-in');
  });

  it('is refused to administrators', async () => {
    const { user, secret } = await createTwoFactorUser('ADMIN');
    const outcome = await signInWithCode(requestWith([await passwordStep(user.email)]), { code: totpCode(secret) }, signInMeta());
    if (!outcome.ok) throw new Error('sign-in failed');
    const admin = (await getOptionalUser(requestWith([outcome.setCookies[0]!])))!;
    expect(await disableTwoFactor(admin, { code: totpCode(secret, { step: timeStep() + 1 }) }, actionMeta())).toEqual({ ok: false, message: ADMIN_TWO_FACTOR_MESSAGE });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe('an administrator without two-factor sign-in', () => {
  const graphql = (setCookie: string, query: string) =>
    graphqlAction({
      request: requestWith([setCookie], 'http://portal.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      }),
      params: {},
      context: {},
    }).then((response) => response.json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>);

  it('is sent to set it up, can reach nothing else (pages or API) until it is on, then everything', async () => {
    const { user, setCookie, sessionUser, outcome } = await sessionUserFor('ADMIN');
    expect(outcome.next).toBe('two-factor-setup');
    expect(sessionUser).toMatchObject({ role: 'ADMIN', twoFactorEnabled: false, twoFactorSetupRequired: true });
    expect(viewerOf(sessionUser)).toBeNull();
    expect(await redirectOf(requireUser(requestWith([setCookie], 'http://portal.test/users')))).toBe('/account/two-factor');
    expect(await redirectOf(requireRole(requestWith([setCookie], 'http://portal.test/users'), ['ADMIN']))).toBe('/account/two-factor');
    expect(await requireUser(requestWith([setCookie]), { twoFactorSetup: true })).toMatchObject({ id: user.id });
    // The sign-in page sends a signed-in admin without it to the set-up page too (no loop through redirectTo).
    expect(await redirectOf(signInLoader({ request: requestWith([setCookie], 'http://portal.test/sign-in?redirectTo=%2Fusers'), params: {}, context: {} } as LoaderFunctionArgs) as Promise<unknown>)).toBe('/account/two-factor');
    // The API, with the session cookie: signed out.
    const refused = await graphql(setCookie, '{ users { id email } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graphql(setCookie, '{ me { id } }')).data?.me ?? null).toBeNull();

    await startTwoFactorSetup(sessionUser);
    expect(await confirmTwoFactorSetup(sessionUser, { code: totpCode(await keyOf(sessionUser)) }, actionMeta())).toEqual({ ok: true });
    const now = (await getOptionalUser(requestWith([setCookie])))!;
    expect(now).toMatchObject({ twoFactorEnabled: true, twoFactorSetupRequired: false });
    expect(viewerOf(now)).toMatchObject({ userId: user.id, role: 'ADMIN' });
    expect(await requireUser(requestWith([setCookie], 'http://portal.test/users'))).toMatchObject({ id: user.id });
    const allowed = await graphql(setCookie, '{ me { id } }');
    expect(allowed.data.me.id).toBe(user.id);
  });
});

describe('configuration', () => {
  it('TOTP_ENCRYPTION_KEY: optional; each key (new,old) at least 32 characters', () => {
    expect(parseEnv({}).TOTP_ENCRYPTION_KEY).toBeUndefined();
    expect(() => parseEnv({ TOTP_ENCRYPTION_KEY: 'short' })).toThrow(EnvError);
    expect(() => parseEnv({ TOTP_ENCRYPTION_KEY: `${'n'.repeat(32)},short` })).toThrow(/TOTP_ENCRYPTION_KEY: each key/);
    expect(parseEnv({ TOTP_ENCRYPTION_KEY: `${'n'.repeat(32)},${'o'.repeat(32)}` }).TOTP_ENCRYPTION_KEY).toBe(`${'n'.repeat(32)},${'o'.repeat(32)}`);
  });
});
