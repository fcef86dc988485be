// Sessions are database rows with idle and absolute expiry. The cookie (signed, httpOnly, SameSite=Lax, Secure in
// production) holds a random token; the row is keyed by its SHA-256, so a database leak does not leak sessions.
// This module and auth.server.ts are the only code in app/ that touches the database (see docs/decisions/0003).
import { createHash, randomBytes } from 'node:crypto';
import { createCookie, redirect } from '@remix-run/node';
import type { OrganisationKind, Role } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { recordAuditEvent } from '../../graphql/audit';
import { getPool, getPrisma, isDatabaseUnavailable } from '../../graphql/db';
import { getEnv } from './env.server';
import { serviceUnavailable } from './unavailable.server';

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
  /** The user signs in with a code from an authenticator app as well as their password. */
  twoFactorEnabled: boolean;
  /**
   * An administrator without two-factor sign-in: they must set it up before anything else (requireUser sends them
   * to /account/two-factor, and the API treats them as signed out).
   */
  twoFactorSetupRequired: boolean;
}

/** Why a request's session ended: it was not used for SESSION_IDLE_MINUTES, or it reached SESSION_ABSOLUTE_HOURS. */
export type SessionEnd = 'idle' | 'absolute';

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
   * The database's data version when the session was read (`data_version()`: it moves on with every write to a table
   * a kept page can read; migration 20261130000000_page_data_version, ADR 0010). Null when there is no user, or while
   * such a write is in progress (a page read now cannot be kept). See page-cache.server.ts.
   */
  dataVersion: string | null;
  /** Set when the request came with a session that had just expired (and was ended and audited now). */
  ended?: SessionEnd;
}

const cache = new WeakMap<Request, Promise<SessionLookup>>();

function lookupSession(request: Request): Promise<SessionLookup> {
  let pending = cache.get(request);
  if (!pending) {
    // The database unreachable: the 503 page ("Sorry, the service is unavailable"), never the 500 page.
    pending = loadSession(request).catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
    });
    cache.set(request, pending);
  }
  return pending;
}

/** The signed-in user, or null (no cookie, forged or expired cookie, deactivated user). Cached per request. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await lookupSession(request)).user;
}

/** Why this request's session ended, when it came with one that had expired; else null. */
export async function sessionEndOf(request: Request): Promise<SessionEnd | null> {
  return (await lookupSession(request)).ended ?? null;
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
  totpEnabled: boolean;
  organisationName: string;
  organisationKind: OrganisationKind;
  organisationArchivedAt: Date | null;
  dataVersion: string | null;
}

const NO_SESSION: SessionLookup = { user: null, dataVersion: null };

/** The session lookup (exported for tests/api/page-data-version.test.ts: the one statement of a kept page that reads `session`). */
export const SESSION_LOOKUP_SQL = `
  SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
         u.id AS "userId", u.email, u.name, u.role::text AS role, u.organisation_id AS "organisationId",
         u.deactivated_at AS "deactivatedAt", u.totp_enabled_at IS NOT NULL AS "totpEnabled",
         o.name AS "organisationName", o.kind::text AS "organisationKind", o.archived_at AS "organisationArchivedAt",
         data_version()::text AS "dataVersion"
    FROM session s
    JOIN app_user u ON u.id = s.user_id
    JOIN organisation o ON o.id = u.organisation_id
   WHERE s.token_hash = $1::char(64)`;

async function loadSession(request: Request): Promise<SessionLookup> {
  const token = await readToken(request);
  if (!token) return NO_SESSION;
  // One statement (the session, its user and the user's organisation, and the data version): every
  // signed-in request runs it, straight on the Prisma client's pool (graphql/db.ts getPool).
  // Named: each connection parses and plans it once (a third of the database's work for it, measured).
  const { rows } = await getPool().query<SessionRow>({ name: 'portal_session_lookup_3', text: SESSION_LOOKUP_SQL, values: [hashSessionToken(token)] });
  const session = rows[0];
  if (!session) return NO_SESSION;
  const now = Date.now();
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const ended: SessionEnd | null =
    session.expiresAt.getTime() <= now ? 'absolute' : now - session.lastSeenAt.getTime() > idleLimit ? 'idle' : null;
  if (ended) return endExpiredSession(request, session, ended);
  if (session.deactivatedAt || session.organisationArchivedAt) {
    await getPrisma().session.deleteMany({ where: { id: session.sessionId } });
    return NO_SESSION;
  }
  // Keep the idle clock honest without a write on every request. (Sessions are not counted in the data version: no
  // page shows them, so this write leaves every kept page valid.)
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await getPrisma().session.updateMany({ where: { id: session.sessionId }, data: { lastSeenAt: new Date(now) } });
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
      twoFactorEnabled: session.totpEnabled,
      twoFactorSetupRequired: session.role === 'ADMIN' && !session.totpEnabled,
    },
    dataVersion: session.dataVersion,
  };
}

/**
 * The slow path, for a session past its idle or absolute expiry: ends it and records SESSION_EXPIRED (once: of
 * two requests arriving with the same expired cookie, only the one that deletes the row records it).
 */
async function endExpiredSession(request: Request, session: SessionRow, ended: SessionEnd): Promise<SessionLookup> {
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: session.sessionId } });
    if (count === 0) return;
    await recordAuditEvent(
      tx,
      {
        userId: session.userId,
        label: session.email,
        organisationId: session.organisationId,
        requestId: request.headers.get('x-request-id'),
        ipAddress: clientAddress(request),
        operation: 'session',
      },
      {
        action: 'SESSION_EXPIRED',
        entityType: 'app_user',
        entityId: session.userId,
        after: {
          reason: ended === 'idle' ? 'idle timeout' : 'absolute timeout',
          lastSeenAt: session.lastSeenAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
        },
      },
    );
  });
  return { user: null, dataVersion: null, ended };
}

/**
 * The API's viewer for a signed-in user. Null (signed out, as far as the API is concerned) for an administrator who
 * has not set up two-factor sign-in yet: until then they can do nothing but set it up (/account/two-factor).
 */
export function viewerOf(user: SessionUser): Viewer | null {
  if (user.twoFactorSetupRequired) return null;
  return {
    userId: user.id,
    label: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisationKind,
    via: 'session',
  };
}

export const TWO_FACTOR_SETUP_PATH = '/account/two-factor';

/**
 * The signed-in user, or a redirect to sign-in (saying why when the session had just expired). An administrator
 * who has not set up two-factor sign-in is sent to set it up, from every page but that one.
 */
export async function requireUser(request: Request, options: { twoFactorSetup?: boolean } = {}): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    const params = new URLSearchParams();
    if (back !== '/') params.set('redirectTo', back);
    const ended = await sessionEndOf(request);
    if (ended) params.set('ended', ended);
    const query = params.toString();
    throw redirect(query ? `/sign-in?${query}` : '/sign-in');
  }
  if (user.twoFactorSetupRequired && !options.twoFactorSetup) throw redirect(TWO_FACTOR_SETUP_PATH);
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


