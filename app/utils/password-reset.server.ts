// The one-time set-password links an administrator issues (createUser, resetUserPassword). Anonymous people use
// them, so this is not GraphQL (anonymous callers may only use `me`): the public /set-password/$token page calls
// these functions. Only the SHA-256 of a link's token is stored; a link works once, for 24 hours.
import { getPrisma } from '../../graphql/db';
import { recordAuditEvent, setAuditContext } from '../../graphql/audit';
import { hashPassword } from '../../graphql/auth/password';
import { hashToken } from '../../graphql/auth/tokens';
import { LINK_EXPIRED_MESSAGE, SetPasswordSchema, passwordPolicyError } from '../../graphql/validation/user';
import type { FieldError } from '~/components/ui';

export { LINK_EXPIRED_MESSAGE };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export interface PasswordLinkUser {
  id: string;
  email: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

/** The user a link is for, when the link is known, unused, unexpired and its user may still sign in; else null. */
export async function findPasswordLink(token: string | undefined, now = new Date()): Promise<PasswordLinkUser | null> {
  if (!token || !TOKEN.test(token)) return null;
  const reset = await getPrisma().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { organisation: { select: { archivedAt: true, name: true } } } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now) return null;
  const { user } = reset;
  if (user.deactivatedAt || user.organisation.archivedAt) return null;
  return { id: user.id, email: user.email, name: user.name, organisationId: user.organisationId, organisationName: user.organisation.name };
}

export type SetPasswordOutcome =
  | { ok: true; email: string }
  | { ok: false; expired: true }
  | { ok: false; expired: false; errors: FieldError[] };

/**
 * Checks the link and the password policy, then in one transaction: marks the link used, stores the new hash,
 * ends every session the user had, and records PASSWORD_SET in the audit trail.
 */
export async function setPasswordWithLink(
  token: string | undefined,
  input: { password: unknown; confirmPassword: unknown },
  meta: { ipAddress: string; requestId: string },
): Promise<SetPasswordOutcome> {
  const user = await findPasswordLink(token);
  if (!user || !token) return { ok: false, expired: true };
  const parsed = SetPasswordSchema.safeParse({ password: input.password ?? '', confirmPassword: input.confirmPassword ?? '' });
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'password');
      if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message });
    }
    return { ok: false, expired: false, errors };
  }
  const policy = passwordPolicyError(parsed.data.password, { email: user.email, name: user.name, organisationName: user.organisationName });
  if (policy) return { ok: false, expired: false, errors: [{ field: 'password', message: policy }] };

  const passwordHash = await hashPassword(parsed.data.password);
  const now = new Date();
  const used = await getPrisma().$transaction(async (tx) => {
    const actor = {
      userId: user.id,
      label: user.email,
      organisationId: user.organisationId,
      requestId: meta.requestId,
      ipAddress: meta.ipAddress,
      operation: 'setPassword',
    };
    await setAuditContext(tx, actor);
    // Claim the link first: of two submissions at once, only one succeeds.
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, actor, { action: 'PASSWORD_SET', entityType: 'app_user', entityId: user.id });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    return true;
  });
  return used ? { ok: true, email: user.email } : { ok: false, expired: true };
}
