// Each test makes its own data. Names are unique per call so tests never depend on each other's rows.
import { randomBytes } from 'node:crypto';
import type { OrganisationKind, Role } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { hashPassword } from '../../graphql/auth/password';

const unique = () => randomBytes(4).toString('hex');

export async function createOrganisation(overrides: { kind?: OrganisationKind; name?: string } = {}) {
  const id = unique();
  const kind = overrides.kind ?? 'PROVIDER';
  return getPrisma().organisation.create({
    data: {
      kind,
      name: overrides.name ?? `${kind === 'OPCC' ? 'OPCC' : 'Provider'} ${id}`,
      slug: `org-${id}`,
      type: kind === 'OPCC' ? 'OTHER' : 'CHARITY',
    },
  });
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';

export async function createUser(options: { role: Role; organisationId?: string; email?: string; password?: string }) {
  const organisationId =
    options.organisationId ??
    (await createOrganisation({ kind: options.role === 'PROVIDER' ? 'PROVIDER' : 'OPCC' })).id;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = options.password ? await hashPassword(options.password) : await cachedHash;
  return getPrisma().user.create({
    data: {
      email: (options.email ?? `${options.role.toLowerCase()}-${unique()}@test.example`).toLowerCase(),
      name: `Test ${options.role.toLowerCase()} ${unique()}`,
      role: options.role,
      organisationId,
      passwordHash,
    },
    include: { organisation: true },
  });
}

/** A signed-in viewer of the given role (a new user in a new organisation unless one is given). */
export async function viewerFor(role: Role, organisationId?: string): Promise<Viewer> {
  const user = await createUser({ role, organisationId });
  return {
    userId: user.id,
    label: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisation.kind,
    via: 'session',
  };
}
