// Sign-in, sessions and sign-out: database sessions with idle and absolute expiry, throttling, audit.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { SignInSchema } from '../../graphql/validation/sign-in';
import { SIGN_IN_FAILED_MESSAGE, SIGN_IN_THROTTLED_MESSAGE, signIn, signOut } from '../../app/utils/auth.server';
import { getOptionalUser, hashSessionToken, safeRedirect, sessionCookie } from '../../app/utils/session.server';
import { parseEnv, EnvError } from '../../app/utils/env.server';
import { createUser, TEST_PASSWORD } from '../helpers/factories';

let address = 0;
/** Each test signs in from its own address so the per-address throttle of one test does not touch another. */
const meta = () => ({ ipAddress: `10.0.0.${++address}`, userAgent: 'vitest', requestId: crypto.randomUUID() });

async function requestWith(setCookie: string): Promise<Request> {
  const cookie = setCookie.split(';')[0]!;
  return new Request('http://portal.test/', { headers: { cookie } });
}

describe('signing in', () => {
  it('creates a session row (keyed by the token hash) and audits SIGN_IN', async () => {
    const user = await createUser({ role: 'POLICY_OFFICER' });
    const outcome = await signIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, meta());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.setCookie).toMatch(/HttpOnly/i);
    expect(outcome.setCookie).toMatch(/SameSite=Lax/i);
    const signedIn = await getOptionalUser(await requestWith(outcome.setCookie));
    expect(signedIn).toMatchObject({ id: user.id, role: 'POLICY_OFFICER' });
    const token = await sessionCookie().parse(outcome.setCookie.split(';')[0]!);
    const session = await getPrisma().session.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(session.userId).toBe(user.id);
    const audit = await getPrisma().auditEvent.findFirst({ where: { action: 'SIGN_IN', actorUserId: user.id } });
    expect(audit).toMatchObject({ entityType: 'app_user', entityId: user.id, operation: 'sign-in' });
  });

  it('gives the same generic message for a wrong password and an unknown account, and audits both', async () => {
    const user = await createUser({ role: 'PROVIDER' });
    const wrong = await signIn({ email: user.email, password: 'nope' }, meta());
    const unknown = await signIn({ email: 'nobody@test.example', password: 'nope' }, meta());
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_FAILED_MESSAGE });
    expect(unknown).toEqual({ ok: false, message: SIGN_IN_FAILED_MESSAGE });
    const failures = await getPrisma().auditEvent.findMany({ where: { action: 'SIGN_IN_FAILED' } });
    expect(failures.map((event) => (event.after as { email: string }).email)).toEqual(
      expect.arrayContaining([user.email, 'nobody@test.example']),
    );
  });

  it('treats a password with quotes and SQL as a password like any other', async () => {
    const password = `' OR 1=1; DROP TABLE app_user; --"`;
    const user = await createUser({ role: 'PROVIDER', password });
    expect((await signIn({ email: user.email, password: `' OR 1=1 --` }, meta())).ok).toBe(false);
    expect((await signIn({ email: user.email, password }, meta())).ok).toBe(true);
    expect(await getPrisma().user.count()).toBeGreaterThan(0);
  });

  it('refuses a deactivated user', async () => {
    const user = await createUser({ role: 'PROVIDER' });
    await getPrisma().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).toEqual({ ok: false, message: SIGN_IN_FAILED_MESSAGE });
  });

  it('throttles an account after 5 failures, even with the right password, and audits it', async () => {
    const user = await createUser({ role: 'PROVIDER' });
    for (let i = 0; i < 5; i++) await signIn({ email: user.email, password: `wrong ${i}` }, meta());
    const blocked = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    expect(blocked).toEqual({ ok: false, message: SIGN_IN_THROTTLED_MESSAGE });
    expect(await getPrisma().auditEvent.count({ where: { action: 'SIGN_IN_THROTTLED', actorLabel: user.email } })).toBe(1);
  });

  it('throttles an address after 20 failures across accounts', async () => {
    const from = meta();
    for (let i = 0; i < 20; i++) await signIn({ email: `guess${i}@test.example`, password: 'x' }, from);
    const user = await createUser({ role: 'PROVIDER' });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD }, from)).toEqual({ ok: false, message: SIGN_IN_THROTTLED_MESSAGE });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).ok).toBe(true);
  });

  it('starts a new session each time and ends the one the browser had', async () => {
    const user = await createUser({ role: 'ADMIN' });
    const first = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    if (!first.ok) throw new Error('sign-in failed');
    const previousToken = await sessionCookie().parse(first.setCookie.split(';')[0]!);
    const second = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...meta(), previousToken });
    if (!second.ok) throw new Error('sign-in failed');
    expect(await getOptionalUser(await requestWith(first.setCookie))).toBeNull();
    expect(await getOptionalUser(await requestWith(second.setCookie))).not.toBeNull();
  });
});

describe('the sign-in form rules', () => {
  it('asks for both fields by name', () => {
    const result = SignInSchema.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual(['Enter your email address', 'Enter your password']);
  });

  it('answers a 10,000-character e-mail with a message, not an error', () => {
    const result = SignInSchema.safeParse({ email: `${'a'.repeat(10_000)}@x.example`, password: 'x' });
    expect(result.error!.issues[0]!.message).toBe('Email address must be 320 characters or fewer');
  });
});

describe('sessions', () => {
  it('ignores a forged cookie', async () => {
    const forged = new Request('http://portal.test/', { headers: { cookie: 'portal_session=abc.def; other=1' } });
    expect(await getOptionalUser(forged)).toBeNull();
    const unsigned = new Request('http://portal.test/', { headers: { cookie: `portal_session=${'A'.repeat(43)}` } });
    expect(await getOptionalUser(unsigned)).toBeNull();
  });

  it('ends a session after its absolute expiry, and after the idle timeout', async () => {
    const user = await createUser({ role: 'COMMISSIONER' });
    const absolute = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    const idle = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    if (!absolute.ok || !idle.ok) throw new Error('sign-in failed');
    const token = async (setCookie: string) => hashSessionToken(await sessionCookie().parse(setCookie.split(';')[0]!));
    await getPrisma().session.update({ where: { tokenHash: await token(absolute.setCookie) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await getPrisma().session.update({
      where: { tokenHash: await token(idle.setCookie) },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await getOptionalUser(await requestWith(absolute.setCookie))).toBeNull();
    expect(await getOptionalUser(await requestWith(idle.setCookie))).toBeNull();
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('signing out deletes the session row, clears the cookie and audits SIGN_OUT', async () => {
    const user = await createUser({ role: 'PROVIDER' });
    const outcome = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    if (!outcome.ok) throw new Error('sign-in failed');
    const request = await requestWith(outcome.setCookie);
    const cleared = await signOut(request, { ipAddress: '10.9.9.9', requestId: crypto.randomUUID() });
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getPrisma().auditEvent.count({ where: { action: 'SIGN_OUT', actorUserId: user.id } })).toBe(1);
    expect(await getOptionalUser(await requestWith(outcome.setCookie))).toBeNull();
  });
});

describe('redirects after sign-in', () => {
  it.each([
    ['/initiatives', '/initiatives'],
    ['/a?b=c', '/a?b=c'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    [null, '/'],
  ])('%s -> %s', (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});

describe('configuration', () => {
  it('explains a DATABASE_URL without a host', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql:///portal' })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql:///portal' })).toThrow(/DATABASE_URL: must be a PostgreSQL connection string with a host/);
  });

  it('requires a long SESSION_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
    const env = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: `${'n'.repeat(32)},${'o'.repeat(32)}` });
    expect(env.sessionSecrets).toHaveLength(2);
  });

  it('explains a port that is not a number', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
