// API tokens for provider case-management systems: `Authorization: Bearer pcc_...`. Stored as SHA-256 only.
import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '../context';
import type { Db } from '../db';
import { UnauthenticatedError } from '../errors';

export const TOKEN_PREFIX = 'pcc_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) };
}

/** The viewer for a bearer token, or an UNAUTHENTICATED error when it is unknown, revoked or expired. */
export async function viewerFromBearer(authorization: string, db: Db, now = new Date()): Promise<Viewer> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    include: { organisation: { select: { kind: true, archivedAt: true } } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.organisation.archivedAt) {
    throw new UnauthenticatedError('This API token is not valid: it may have been revoked or have expired.');
  }
  // Last used, to the minute: one write a minute at most per token.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    userId: null,
    label: `api-token:${token.prefix}`,
    role: token.role,
    organisationId: token.organisationId,
    organisationKind: token.organisation.kind,
    via: 'token',
    tokenId: token.id,
  };
}
