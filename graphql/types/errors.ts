// Typed errors: expected failures answered as data (plugin-errors), each implementing the Error interface.
import { builder, ErrorInterface } from '../builder';
import { NotAllowedError, NotFoundError, VersionConflictError } from '../errors';

builder.objectType(VersionConflictError, {
  name: 'VersionConflict',
  description: 'Someone else changed the record since you read it; nothing was saved. Reload and apply your change again.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion'),
  }),
});

builder.objectType(NotAllowedError, {
  name: 'NotAllowed',
  description: 'The record is in a state that does not allow this.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
});

builder.objectType(NotFoundError, {
  name: 'NotFound',
  description: 'No such record, or not one you can see.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
});
