// Signing in and out. Failures get one generic message; repeated failures are throttled per account and per
// address; every attempt is audited through the one audit mechanism (graphql/audit.ts).
import { getPrisma } from '../../graphql/db';
import { recordAuditEvent, type AuditActor } from '../../graphql/audit';
import { verifyPassword } from '../../graphql/auth/password';
import { createSession, hashSessionToken, readToken, sessionCookie, getOptionalUser } from './session.server';

// The sign-in form's schema, for the sign-in page's action (through this server-only module, so zod stays out of
// the page's browser JavaScript).
export { SignInSchema } from '../../graphql/validation/sign-in';

export const SIGN_IN_FAILED_MESSAGE = 'Enter a correct email address and password';
export const SIGN_IN_THROTTLED_MESSAGE =
  'There have been too many attempts to sign in. Wait 15 minutes, then try again.';

export const THROTTLE = { window: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

type Outcome = { ok: true; setCookie: string; userId: string } | { ok: false; message: string };

async function audit(actor: AuditActor, action: string, entityId: string | null, after?: unknown) {
  await getPrisma().$transaction(async (tx) => {
    await recordAuditEvent(tx, { ...actor, operation: 'sign-in' }, { action, entityType: 'app_user', entityId, after });
  });
}

export async function signIn(
  input: { email: string; password: string },
  meta: { ipAddress: string; userAgent: string | null; requestId: string; previousToken?: string | null },
): Promise<Outcome> {
  const prisma = getPrisma();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const since = new Date(Date.now() - THROTTLE.window);
  const [accountFailures, addressFailures] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } }),
    prisma.loginAttempt.count({ where: { ipAddress: meta.ipAddress, succeeded: false, createdAt: { gt: since } } }),
  ]);
  const actor: AuditActor = { label: email, requestId: meta.requestId, ipAddress: meta.ipAddress };

  if (accountFailures >= THROTTLE.perAccount || addressFailures >= THROTTLE.perAddress) {
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

  // A new session every time (no fixation); the one the browser had, if any, ends.
  if (meta.previousToken) await prisma.session.deleteMany({ where: { tokenHash: hashSessionToken(meta.previousToken) } });
  const setCookie = await createSession(user.id, meta);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit(
    { ...actor, label: user.email, userId: user.id, organisationId: user.organisationId },
    'SIGN_IN',
    user.id,
  );
  return { ok: true, setCookie, userId: user.id };
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
