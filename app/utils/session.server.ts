// Sessions are database rows with idle and absolute expiry. The cookie (signed, httpOnly, SameSite=Lax, Secure in
// production) holds a random token; the row is keyed by its SHA-256, so a database leak does not leak sessions.
// This module and auth.server.ts are the only code in app/ that touches the database (see docs/decisions/0003).
import { createHash, randomBytes } from 'node:crypto';
import { createCookie, redirect } from '@remix-run/node';
import type { OrganisationKind, Role } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPool, getPrisma } from '../../graphql/db';
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

interface SessionLookup {
  user: SessionUser | null;
  /**
   * The database's state when the session was read: PostgreSQL's current snapshot (`pg_current_snapshot()`), which
   * changes whenever any transaction that wrote anything ends. Null when there is no user, or when reading the
   * session wrote (the idle clock), so it is not the state the page will see. See page-cache.server.ts.
   */
  dataVersion: string | null;
}

const cache = new WeakMap<Request, Promise<SessionLookup>>();

function lookupSession(request: Request): Promise<SessionLookup> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadSession(request);
    cache.set(request, pending);
  }
  return pending;
}

/** The signed-in user, or null (no cookie, forged or expired cookie, deactivated user). Cached per request. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await lookupSession(request)).user;
}

/** The database state seen when this request's session was read (see SessionLookup), or null. */
export async function dataVersionOf(request: Request): Promise<string | null> {
  return (await lookupSession(request)).dataVersion;
}

interface SessionRow {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  deactivatedAt: Date | null;
  organisationName: string;
  organisationKind: OrganisationKind;
  organisationArchivedAt: Date | null;
  dataVersion: string;
}

const NO_SESSION: SessionLookup = { user: null, dataVersion: null };

const SESSION_SQL = `
  SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
         u.id AS "userId", u.email, u.name, u.role::text AS role, u.organisation_id AS "organisationId",
         u.deactivated_at AS "deactivatedAt",
         o.name AS "organisationName", o.kind::text AS "organisationKind", o.archived_at AS "organisationArchivedAt",
         pg_current_snapshot()::text AS "dataVersion"
    FROM session s
    JOIN app_user u ON u.id = s.user_id
    JOIN organisation o ON o.id = u.organisation_id
   WHERE s.token_hash = $1::char(64)`;

async function loadSession(request: Request): Promise<SessionLookup> {
  const token = await readToken(request);
  if (!token) return NO_SESSION;
  // One statement (the session, its user and the user's organisation, and the database's snapshot): every
  // signed-in request runs it, straight on the Prisma client's pool (graphql/db.ts getPool).
  // Named: each connection parses and plans it once (a third of the database's work for it, measured).
  const { rows } = await getPool().query<SessionRow>({ name: 'portal_session_lookup', text: SESSION_SQL, values: [hashSessionToken(token)] });
  const session = rows[0];
  if (!session) return NO_SESSION;
  const now = Date.now();
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const expired = session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit;
  if (expired || session.deactivatedAt || session.organisationArchivedAt) {
    await getPrisma().session.deleteMany({ where: { id: session.sessionId } });
    return NO_SESSION;
  }
  let dataVersion: string | null = session.dataVersion;
  // Keep the idle clock honest without a write on every request.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await getPrisma().session.updateMany({ where: { id: session.sessionId }, data: { lastSeenAt: new Date(now) } });
    dataVersion = null;
  }
  return {
    user: {
      id: session.userId,
      email: session.email,
      name: session.name,
      role: session.role,
      organisationId: session.organisationId,
      organisationName: session.organisationName,
      organisationKind: session.organisationKind,
      sessionId: session.sessionId,
    },
    dataVersion,
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


