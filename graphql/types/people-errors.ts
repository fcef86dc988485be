// Typed errors of the people-and-partners mutations: expected failures answered as data.
import { builder, ErrorInterface } from '../builder';

/** Another organisation or initiative already has this name. */
export class NameTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NameTaken';
  }
}

/** Another user already has this e-mail address (compared case-insensitively). */
export class EmailTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailTaken';
  }
}

builder.objectType(NameTakenError, {
  name: 'NameTaken',
  description: 'The name is already used: names are unique. Nothing was saved.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
});

builder.objectType(EmailTakenError, {
  name: 'EmailTaken',
  description: 'Another user already has this email address. Nothing was saved.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
});

export { isUniqueViolation } from '../errors';

export { isUuid } from '../domain/format';

