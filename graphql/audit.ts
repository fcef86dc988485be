// The audit trail has one mechanism, in the database: audit_record() (see the init migration). Row triggers on
// every audited table call it for each change, with before and after; session code calls it for sign-in events.
// This module tells the database who is acting, in which request and operation, for the current transaction.
import type { Context } from './context';
import type { Db } from './db';

export interface AuditActor {
  userId?: string | null;
  label: string;
  organisationId?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
  operation?: string | null;
}

/** Who is acting in a GraphQL request, as the audit trail records it: the one place yoga.ts and the exports read it. */
export function auditActorOf(ctx: Pick<Context, 'viewer' | 'requestId' | 'ipAddress'>, operation: string): AuditActor {
  return {
    userId: ctx.viewer?.userId,
    label: ctx.viewer?.label ?? 'anonymous',
    organisationId: ctx.viewer?.organisationId,
    requestId: ctx.requestId,
    ipAddress: ctx.ipAddress,
    operation,
  };
}

/** Must run inside a transaction: the settings are local to it. */
export async function setAuditContext(tx: Db, actor: AuditActor): Promise<void> {
  await tx.$executeRaw`SELECT
    set_config('app.actor_user_id', ${actor.userId ?? ''}, true),
    set_config('app.actor_label', ${actor.label}, true),
    set_config('app.organisation_id', ${actor.organisationId ?? ''}, true),
    set_config('app.request_id', ${actor.requestId ?? ''}, true),
    set_config('app.ip_address', ${(actor.ipAddress ?? '').slice(0, 64)}, true),
    set_config('app.operation', ${(actor.operation ?? '').slice(0, 120)}, true)`;
}

export interface AuditEventInput {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records an event that is not a row change (sign-in, sign-out, failed sign-in, an export). Inside a transaction. */
export async function recordAuditEvent(tx: Db, actor: AuditActor, event: AuditEventInput): Promise<void> {
  await setAuditContext(tx, actor);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`SELECT audit_record(${event.action}, ${event.entityType ?? null}, ${event.entityId ?? null},
    ${json(event.before)}::jsonb, ${json(event.after)}::jsonb)`;
}
