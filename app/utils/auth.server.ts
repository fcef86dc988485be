// Signing in and out, and two-factor sign-in. Failures get one generic message; repeated failures (wrong
// passwords and wrong codes alike) are throttled per account and per address; every attempt is audited through the
// one audit mechanism (graphql/audit.ts).
//
// Two-factor sign-in (TOTP, RFC 6238: graphql/auth/totp.ts). With it on, a right password starts no session: it
// sets a short-lived signed cookie naming the user (5 minutes), and /sign-in/code asks for the code from the
// person's authenticator app; a right code starts the session (a new one: rotation). A code works once (the last
// accepted time step is kept). Administrators must use it (until they set it up they can only set it up: see
// requireUser and viewerOf in session.server.ts); policy officers and the Commissioner may turn it on and off;
// provider accounts are not offered it. Setting it up and turning it off are server-only functions here, like
// signing in (no GraphQL: see docs/decisions/0003), called by /account/two-factor.
import { createHash } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import type { Role } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { recordAuditEvent, setAuditContext, type AuditActor } from '../../graphql/audit';
import { verifyPassword } from '../../graphql/auth/password';
import { formatSecret, generateSecret, normaliseCode, otpauthUri, verifyCode } from '../../graphql/auth/totp';
import { openTotpSecret, sealTotpSecret } from '../../graphql/auth/totp-keys';
import { getEnv } from './env.server';
import { createSession, hashSessionToken, readToken, sessionCookie, getOptionalUser, type SessionUser } from './session.server';

// The sign-in form's schema, for the sign-in page's action (through this server-only module, so zod stays out of
// the page's browser JavaScript).
export { SignInSchema } from '../../graphql/validation/sign-in';

export const SIGN_IN_FAILED_MESSAGE = 'Enter a correct email address and password';
export const SIGN_IN_THROTTLED_MESSAGE =
  'There have been too many attempts to sign in. Wait 15 minutes, then try again.';
export const CODE_REQUIRED_MESSAGE = 'Enter the 6-digit code from your authenticator app';
export const CODE_WRONG_MESSAGE = 'Enter the code shown in your authenticator app';
export const CODE_EXPIRED_MESSAGE = 'You took too long to enter the code. Sign in again.';
export const ADMIN_TWO_FACTOR_MESSAGE = 'Administrators must use two-factor sign-in: it cannot be turned off.';

export const THROTTLE = { window: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;
/** How long after a right password the code may be entered. */
export const SECOND_FACTOR_MINUTES = 5;

/** Roles that may use two-factor sign-in (administrators must). Provider accounts are not offered it. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'];

export type SignInOutcome =
  | {
      ok: true;
      /** A session cookie, or (next: 'second-factor') the short-lived cookie of a sign-in waiting for its code. */
      setCookie: string;
      userId: string;
      /** Where the person goes now: signed in; signed in but must set up two-factor sign-in; asked for the code. */
      next: 'signed-in' | 'two-factor-setup' | 'second-factor';
    }
  | { ok: false; message: string };

interface SignInMeta {
  ipAddress: string;
  userAgent: string | null;
  requestId: string;
  /** The session token the browser came with, if any: it ends when a new session starts. */
  previousToken?: string | null;
}

async function audit(actor: AuditActor, action: string, entityId: string | null, after?: unknown, operation = 'sign-in') {
  await getPrisma().$transaction(async (tx) => {
    await recordAuditEvent(tx, { ...actor, operation }, { action, entityType: 'app_user', entityId, after });
  });
}

/** Recent failures (wrong passwords and wrong codes) for this account and this address. */
async function failuresSince(email: string, ipAddress: string) {
  const prisma = getPrisma();
  const since = new Date(Date.now() - THROTTLE.window);
  const [accountFailures, addressFailures] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } }),
    prisma.loginAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gt: since } } }),
  ]);
  const throttled = accountFailures >= THROTTLE.perAccount || addressFailures >= THROTTLE.perAddress;
  return { accountFailures, addressFailures, throttled };
}

export async function signIn(input: { email: string; password: string }, meta: SignInMeta): Promise<SignInOutcome> {
  const prisma = getPrisma();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const failures = await failuresSince(email, meta.ipAddress);
  const actor: AuditActor = { label: email, requestId: meta.requestId, ipAddress: meta.ipAddress };

  if (failures.throttled) {
    const { accountFailures, addressFailures } = failures;
    await audit(actor, 'SIGN_IN_THROTTLED', null, { email, accountFailures, addressFailures });
    return { ok: false, message: SIGN_IN_THROTTLED_MESSAGE };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    include: { organisation: { select: { archivedAt: true } } },
  });
  // verifyPassword spends the same time whether or not the account exists.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash);
  const ok = !!user && passwordOk && !user.deactivatedAt && !user.organisation.archivedAt;

  await prisma.loginAttempt.create({ data: { email, ipAddress: meta.ipAddress, succeeded: ok } });
  if (!ok) {
    await audit({ ...actor, userId: user?.id }, 'SIGN_IN_FAILED', user?.id ?? null, {
      email,
      reason: !user ? 'unknown account' : !passwordOk ? 'wrong password' : 'account not active',
    });
    return { ok: false, message: SIGN_IN_FAILED_MESSAGE };
  }

  // Whatever happens next, the session the browser had ends now (no fixation).
  if (meta.previousToken) await prisma.session.deleteMany({ where: { tokenHash: hashSessionToken(meta.previousToken) } });

  if (user.totpEnabledAt && user.totpSecret) {
    // The password was right; no session until the code is.
    const setCookie = await secondFactorCookie().serialize({ u: user.id, t: Date.now(), p: passwordStamp(user.passwordHash) });
    return { ok: true, setCookie, userId: user.id, next: 'second-factor' };
  }

  const setCookie = await startSession(user, meta, {});
  return {
    ok: true,
    setCookie,
    userId: user.id,
    next: user.role === 'ADMIN' ? 'two-factor-setup' : 'signed-in',
  };
}

/** A new session (rotation), the sign-in recorded on the user and in the audit trail. */
async function startSession(
  user: { id: string; email: string; organisationId: string },
  meta: SignInMeta,
  auditAfter: Record<string, unknown>,
): Promise<string> {
  const prisma = getPrisma();
  const setCookie = await createSession(user.id, meta);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit(
    { label: user.email, requestId: meta.requestId, ipAddress: meta.ipAddress, userId: user.id, organisationId: user.organisationId },
    'SIGN_IN',
    user.id,
    Object.keys(auditAfter).length ? auditAfter : undefined,
  );
  return setCookie;
}

// ---------------------------------------------------------------------------------------------------------------
// The second step: the code
// ---------------------------------------------------------------------------------------------------------------

let pendingCookie: ReturnType<typeof createCookie> | undefined;
/** The sign-in waiting for its code: signed (the session secrets), httpOnly, 5 minutes; holds no secret. */
export function secondFactorCookie() {
  if (!pendingCookie) {
    const env = getEnv();
    const secure = env.NODE_ENV === 'production';
    pendingCookie = createCookie(secure ? '__Host-portal_sign_in' : 'portal_sign_in', {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      secrets: env.sessionSecrets,
      maxAge: SECOND_FACTOR_MINUTES * 60,
    });
  }
  return pendingCookie;
}

/** Ties a waiting sign-in to the password it was made with: changing the password meanwhile voids it. */
const passwordStamp = (passwordHash: string | null) =>
  createHash('sha256').update(passwordHash ?? '').digest('base64url').slice(0, 16);

interface PendingSignIn {
  userId: string;
  passwordStamp: string;
}

/** The sign-in waiting for a code in this request's cookies, if it is genuine and less than 5 minutes old. */
export async function pendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value: unknown = await secondFactorCookie().parse(request.headers.get('cookie'));
  if (!value || typeof value !== 'object') return null;
  const { u, t, p } = value as { u?: unknown; t?: unknown; p?: unknown };
  if (typeof u !== 'string' || typeof t !== 'number' || typeof p !== 'string') return null;
  const age = Date.now() - t;
  if (age < 0 || age > SECOND_FACTOR_MINUTES * 60_000) return null;
  return { userId: u, passwordStamp: p };
}

export const clearSecondFactorCookie = () => secondFactorCookie().serialize('', { maxAge: 0 });

export type CodeOutcome =
  | { ok: true; setCookies: string[]; userId: string }
  | { ok: false; message: string; field: 'code' }
  /** No sign-in waiting (none, too old, or the account changed): start again at /sign-in. */
  | { ok: false; restart: true; message: string };

/**
 * Checks the code of a sign-in waiting for one. Right: a new session (the old one, if any, ends), the code's time
 * step is kept so the code cannot be used again, and SIGN_IN is recorded. Wrong or used before: counted for the
 * throttle and recorded as SIGN_IN_SECOND_FACTOR_FAILED.
 */
export async function signInWithCode(request: Request, input: { code: unknown }, meta: SignInMeta): Promise<CodeOutcome> {
  const prisma = getPrisma();
  const pending = await pendingSignIn(request);
  const user = pending
    ? await prisma.user.findUnique({ where: { id: pending.userId }, include: { organisation: { select: { archivedAt: true } } } })
    : null;
  if (
    !pending ||
    !user ||
    user.deactivatedAt ||
    user.organisation.archivedAt ||
    !user.totpEnabledAt ||
    !user.totpSecret ||
    passwordStamp(user.passwordHash) !== pending.passwordStamp
  ) {
    return { ok: false, restart: true, message: CODE_EXPIRED_MESSAGE };
  }
  const actor: AuditActor = {
    label: user.email,
    userId: user.id,
    organisationId: user.organisationId,
    requestId: meta.requestId,
    ipAddress: meta.ipAddress,
  };
  const failures = await failuresSince(user.email, meta.ipAddress);
  if (failures.throttled) {
    const { accountFailures, addressFailures } = failures;
    await audit(actor, 'SIGN_IN_THROTTLED', user.id, { email: user.email, stage: 'code', accountFailures, addressFailures });
    return { ok: false, field: 'code', message: SIGN_IN_THROTTLED_MESSAGE };
  }
  if (typeof input.code !== 'string' || input.code.trim() === '') {
    return { ok: false, field: 'code', message: CODE_REQUIRED_MESSAGE };
  }

  const opened = openTotpSecret(user.totpSecret);
  if (!opened) throw new Error(`The two-factor secret of user ${user.id} cannot be opened with the configured keys`);
  const check = verifyCode(opened.secret, input.code, { lastStep: user.totpLastStep });
  // Claim the step: of two sign-ins with the same code at once, only one gets it.
  const claimed = check.ok ? await claimStep(user.id, check.step, opened.stale ? opened.secret : null) : false;
  if (!claimed) {
    const reason = !check.ok && check.reason === 'wrong' ? (normaliseCode(input.code) ? 'wrong code' : 'not a 6-digit code') : 'code already used';
    await prisma.loginAttempt.create({ data: { email: user.email, ipAddress: meta.ipAddress, succeeded: false } });
    await audit(actor, 'SIGN_IN_SECOND_FACTOR_FAILED', user.id, { email: user.email, reason });
    return { ok: false, field: 'code', message: CODE_WRONG_MESSAGE };
  }

  if (meta.previousToken) await prisma.session.deleteMany({ where: { tokenHash: hashSessionToken(meta.previousToken) } });
  await prisma.loginAttempt.create({ data: { email: user.email, ipAddress: meta.ipAddress, succeeded: true } });
  const setCookie = await startSession(user, meta, { secondFactor: 'totp' });
  return { ok: true, setCookies: [setCookie, await clearSecondFactorCookie()], userId: user.id };
}

/**
 * Records the accepted time step, if it is later than the last one; answers whether it was. The column is
 * bookkeeping (its change alone is not worth a row event: the SIGN_IN or TWO_FACTOR_* event says what happened),
 * so the row trigger is off for this one statement's transaction. A secret sealed with an older key is sealed again
 * with the newest.
 */
async function claimStep(userId: string, step: number, resealSecret: string | null): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.audit', 'off', true)`;
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step, ...(resealSecret ? { totpSecret: sealTotpSecret(resealSecret) } : {}) },
    });
    return count === 1;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Setting two-factor sign-in up, and turning it off (/account/two-factor)
// ---------------------------------------------------------------------------------------------------------------

export interface TwoFactorStatus {
  /** The role may use it (administrators, policy officers, the Commissioner). */
  offered: boolean;
  /** The role must use it (administrators). */
  required: boolean;
  enabled: boolean;
  enabledAt: string | null;
  /** While setting up: the new key, for the person to add to their app (shown to them only, never logged). */
  setup: { key: string; formattedKey: string; uri: string } | null;
}

export async function twoFactorStatus(user: SessionUser): Promise<TwoFactorStatus> {
  const row = await getPrisma().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  const offered = TWO_FACTOR_ROLES.includes(user.role);
  const opened = offered && row.totpSecret && !row.totpEnabledAt ? openTotpSecret(row.totpSecret) : null;
  return {
    offered,
    required: user.role === 'ADMIN',
    enabled: !!row.totpEnabledAt,
    enabledAt: row.totpEnabledAt?.toISOString() ?? null,
    setup: opened
      ? { key: opened.secret, formattedKey: formatSecret(opened.secret), uri: otpauthUri(opened.secret, user.email) }
      : null,
  };
}

interface ActionMeta {
  ipAddress: string;
  requestId: string;
}

const actorOf = (user: SessionUser, meta: ActionMeta, operation: string): AuditActor => ({
  userId: user.id,
  label: user.email,
  organisationId: user.organisationId,
  requestId: meta.requestId,
  ipAddress: meta.ipAddress,
  operation,
});

export type TwoFactorOutcome = { ok: true } | { ok: false; message: string };

/** Starts (or starts again) setting up: a new key, sealed, waiting for a code from the app to confirm it. */
export async function startTwoFactorSetup(user: SessionUser): Promise<TwoFactorOutcome> {
  if (!TWO_FACTOR_ROLES.includes(user.role)) return { ok: false, message: 'Two-factor sign-in is not available for your account.' };
  const { count } = await getPrisma().user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: sealTotpSecret(generateSecret()), totpLastStep: null },
  });
  return count === 1 ? { ok: true } : { ok: false, message: 'Two-factor sign-in is already on for your account.' };
}

/**
 * Turns two-factor sign-in on when the code from the app matches the new key; records TWO_FACTOR_ENABLED and ends
 * the person's other sessions (they were started without it).
 */
export async function confirmTwoFactorSetup(user: SessionUser, input: { code: unknown }, meta: ActionMeta): Promise<TwoFactorOutcome> {
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) return { ok: false, message: 'Two-factor sign-in is already on for your account.' };
  const opened = row.totpSecret ? openTotpSecret(row.totpSecret) : null;
  if (!opened) return { ok: false, message: 'Start setting up two-factor sign-in again.' };
  if (typeof input.code !== 'string' || input.code.trim() === '') return { ok: false, message: CODE_REQUIRED_MESSAGE };
  const check = verifyCode(opened.secret, input.code);
  if (!check.ok) return { ok: false, message: CODE_WRONG_MESSAGE };
  const done = await prisma.$transaction(async (tx) => {
    const actor = actorOf(user, meta, 'two-factor');
    await setAuditContext(tx, actor);
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: row.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: check.step },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, actor, { action: 'TWO_FACTOR_ENABLED', entityType: 'app_user', entityId: user.id, after: { method: 'totp' } });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    return true;
  });
  return done ? { ok: true } : { ok: false, message: 'Start setting up two-factor sign-in again.' };
}

/**
 * Turns two-factor sign-in off, with a current code (so a session left open is not enough). Not for
 * administrators. Wrong codes count towards the sign-in throttle.
 */
export async function disableTwoFactor(user: SessionUser, input: { code: unknown }, meta: ActionMeta): Promise<TwoFactorOutcome> {
  if (user.role === 'ADMIN') return { ok: false, message: ADMIN_TWO_FACTOR_MESSAGE };
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!row.totpEnabledAt || !row.totpSecret) return { ok: false, message: 'Two-factor sign-in is already off for your account.' };
  const failures = await failuresSince(user.email, meta.ipAddress);
  if (failures.throttled) return { ok: false, message: SIGN_IN_THROTTLED_MESSAGE };
  if (typeof input.code !== 'string' || input.code.trim() === '') return { ok: false, message: CODE_REQUIRED_MESSAGE };
  const opened = openTotpSecret(row.totpSecret);
  if (!opened) throw new Error(`The two-factor secret of user ${user.id} cannot be opened with the configured keys`);
  const check = verifyCode(opened.secret, input.code, { lastStep: row.totpLastStep });
  const actor = actorOf(user, meta, 'two-factor');
  if (!check.ok) {
    await prisma.loginAttempt.create({ data: { email: user.email, ipAddress: meta.ipAddress, succeeded: false } });
    await audit(actor, 'TWO_FACTOR_DISABLE_FAILED', user.id, { reason: check.reason === 'replayed' ? 'code already used' : 'wrong code' }, 'two-factor');
    return { ok: false, message: CODE_WRONG_MESSAGE };
  }
  await prisma.$transaction(async (tx) => {
    await setAuditContext(tx, actor);
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await recordAuditEvent(tx, actor, { action: 'TWO_FACTOR_DISABLED', entityType: 'app_user', entityId: user.id });
  });
  return { ok: true };
}

/** Deletes the session row and returns a Set-Cookie that clears the cookie. */
export async function signOut(request: Request, meta: { ipAddress: string; requestId: string }): Promise<string> {
  const user = await getOptionalUser(request);
  const token = await readToken(request);
  if (token) await getPrisma().session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
  if (user) {
    await getPrisma().$transaction(async (tx) => {
      await recordAuditEvent(
        tx,
        { userId: user.id, label: user.email, organisationId: user.organisationId, requestId: meta.requestId, ipAddress: meta.ipAddress, operation: 'sign-out' },
        { action: 'SIGN_OUT', entityType: 'app_user', entityId: user.id },
      );
    });
  }
  return sessionCookie().serialize('', { maxAge: 0 });
}
