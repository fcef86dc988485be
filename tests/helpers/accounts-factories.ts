// Accounts with two-factor sign-in, sessions and requests, for tests/api/accounts-security.test.ts.
import type { Role } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { generateSecret } from '../../graphql/auth/totp';
import { sealTotpSecret } from '../../graphql/auth/totp-keys';
import { sessionCookie, hashSessionToken } from '../../app/utils/session.server';
import { createUser } from './factories';

let address = 0;
/** Each call signs in from its own address so one test's per-address throttle does not touch another's. */
export const signInMeta = (extra: { previousToken?: string | null } = {}) => ({
  ipAddress: `10.61.${Math.floor(++address / 250)}.${address % 250}`,
  userAgent: 'vitest',
  requestId: crypto.randomUUID(),
  ...extra,
});

/** A user with two-factor sign-in on (a fresh key, sealed as the portal stores it). Answers the key too. */
export async function createTwoFactorUser(role: Role, options: { organisationId?: string } = {}) {
  const user = await createUser({ role, organisationId: options.organisationId });
  const secret = generateSecret();
  await getPrisma().user.update({
    where: { id: user.id },
    data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
  });
  return { user, secret };
}

/** "name=value" of the cookie in a Set-Cookie header. */
export const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

/** A request to the portal carrying these cookies (Set-Cookie values or "name=value" pairs). */
export function requestWith(cookies: string[], url = 'http://portal.test/', init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookies.map(cookiePair).join('; '));
  return new Request(url, { ...init, headers });
}

/** The session token in a session Set-Cookie. */
export async function tokenOf(setCookie: string): Promise<string> {
  return (await sessionCookie().parse(cookiePair(setCookie))) as string;
}

/** The session row behind a session Set-Cookie, or null. */
export async function sessionRowOf(setCookie: string) {
  return getPrisma().session.findUnique({ where: { tokenHash: hashSessionToken(await tokenOf(setCookie)) } });
}
