import type { Role, OrganisationKind } from '../prisma/client';
import type { Db } from './db';

/** Who is asking: a signed-in user (browser session) or an API token acting for its organisation. */
export interface Viewer {
  userId: string | null;
  /** For the audit trail: an e-mail address, or "api-token:<prefix>". */
  label: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  via: 'session' | 'token';
  tokenId?: string;
}

/** Passed by whoever hands a request to Yoga (the /graphql route, or the in-process bridge). */
export interface ServerContext {
  viewer?: Viewer | null;
  /** 'cookie': a browser's request to /graphql authenticated by the session cookie (CSRF header required). */
  source: 'cookie' | 'in-process' | 'anonymous';
  requestId?: string;
  ipAddress?: string | null;
}

export interface Context extends ServerContext {
  viewer: Viewer | null;
  requestId: string;
  /** The base client for queries; inside a mutation, the client of the mutation's transaction. */
  db: Db;
}

export const OPCC_STAFF: readonly Role[] = ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'];
export const WRITERS: readonly Role[] = ['ADMIN', 'POLICY_OFFICER'];

export function isOpccStaff(viewer: Viewer | null): boolean {
  return !!viewer && OPCC_STAFF.includes(viewer.role);
}
