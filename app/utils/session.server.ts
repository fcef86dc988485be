// Sessions are database rows with idle and absolute expiry. The cookie (signed, httpOnly, SameSite=Lax, Secure in
// production) holds a random token; the row is keyed by its SHA-256, so a database leak does not leak sessions.
// This module and auth.server.ts are the only code in app/ that touches Prisma (see docs/decisions/0003).
import { createHash, randomBytes } from 'node:crypto';
import { createCookie, redirect } from '@remix-run/node';
import type { OrganisationKind, Role } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { getEnv } from './env.server';

export { safeRedirect } from './redirects';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  sessionId: string;
}

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  if (!cookie) {
    const env = getEnv();
    const secure = env.NODE_ENV === 'production';
    // __Host- pins the cookie to this host and path / (browsers accept the prefix only on Secure cookies).
    cookie = createCookie(secure ? '__Host-portal_session' : 'portal_session', {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      secrets: env.sessionSecrets,
      maxAge: env.SESSION_ABSOLUTE_HOURS * 3600,
    });
  }
  return cookie;
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session row and returns the Set-Cookie value. */
export async function createSession(userId: string, meta: { ipAddress: string; userAgent: string | null }) {
  const env = getEnv();
  const token = randomBytes(32).toString('base64url');
  await getPrisma().session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      expiresAt: new Date(Date.now() + env.SESSION_ABSOLUTE_HOURS * 3600_000),
      ipAddress: meta.ipAddress.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie().serialize(token);
}

export async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null (no cookie, forged or expired cookie, deactivated user). Cached per request. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const prisma = getPrisma();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { include: { organisation: { select: { name: true, kind: true, archivedAt: true } } } } },
  });
  if (!session) return null;
  const now = Date.now();
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const expired = session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit;
  if (expired || session.user.deactivatedAt || session.user.organisation.archivedAt) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Keep the idle clock honest without a write on every request.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    organisationKind: user.organisation.kind,
    sessionId: session.id,
  };
}

export function viewerOf(user: SessionUser): Viewer {
  return {
    userId: user.id,
    label: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisationKind,
    via: 'session',
  };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new Response('Forbidden', { status: 403 });
  return user;
}

export function clientAddress(request: Request): string {
  if (getEnv().TRUST_PROXY) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return (request.headers.get('x-portal-remote-address') ?? 'unknown').slice(0, 64);
}


