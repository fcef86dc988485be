// Factories for the people-and-partners tests: organisations with details, initiatives, set-password links.
import { randomBytes } from 'node:crypto';
import { getPrisma } from '../../graphql/db';
import { hashToken } from '../../graphql/auth/tokens';

export const unique = () => randomBytes(4).toString('hex');

/** The reference areas (County Durham, Darlington), by name. */
export async function areas(): Promise<{ id: string; name: string }[]> {
  return getPrisma().area.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } });
}

export async function createInitiative(overrides: { name?: string; archived?: boolean } = {}) {
  return getPrisma().initiative.create({
    data: {
      name: overrides.name ?? `Initiative ${unique()}`,
      description: 'A test initiative.',
      status: 'ACTIVE',
      archivedAt: overrides.archived ? new Date() : null,
    },
  });
}

/** A set-password link made directly (as resetUserPassword does), e.g. to make one that has expired. */
export async function createPasswordLink(userId: string, options: { expiresAt?: Date; usedAt?: Date } = {}) {
  const token = randomBytes(32).toString('base64url');
  await getPrisma().passwordReset.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 24 * 3600_000),
      usedAt: options.usedAt ?? null,
    },
  });
  return token;
}

/** A session row for the user (as signing in makes). */
export async function createSessionRow(userId: string) {
  return getPrisma().session.create({
    data: { tokenHash: hashToken(randomBytes(32).toString('base64url')), userId, expiresAt: new Date(Date.now() + 3600_000) },
  });
}
