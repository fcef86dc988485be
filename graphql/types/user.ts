import { builder } from '../builder';
import { isOpccStaff } from '../context';
import { RoleEnum } from './enums';

builder.prismaObject('User', {
  description: 'A person who signs in. Belongs to exactly one organisation.',
  // OPCC staff see every user; others only the users of their own organisation.
  authScopes: (user) => ({ opccStaff: true, organisation: user.organisationId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.boolean({ resolve: (user) => user.deactivatedAt === null }),
    lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }),
    organisation: t.relation('organisation'),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user; null when anonymous or when an API token is used.',
    authScopes: { public: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.userId ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
);

export { isOpccStaff };
