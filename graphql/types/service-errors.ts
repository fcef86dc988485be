// Typed errors of the portfolio (commissioned services): expected failures answered as data.
import { builder, ErrorInterface } from '../builder';

/** Another service already has this reference. */
export class ReferenceTakenError extends Error {
  constructor(readonly reference: string) {
    super(`Reference ${reference} is already used by another service. Enter a different reference.`);
    this.name = 'ReferenceTaken';
  }
}

/** The service's status does not allow this change. */
export class InvalidTransitionError extends Error {
  constructor(
    message: string,
    readonly currentStatus: string,
  ) {
    super(message);
    this.name = 'InvalidTransition';
  }
}

/** Initiatives would get more in a financial year than the service's funding that year. */
export class FundingExceededError extends Error {
  constructor(
    message: string,
    readonly financialYear: number,
    readonly serviceFunding: string,
    readonly initiativeFunding: string,
  ) {
    super(message);
    this.name = 'FundingExceeded';
  }
}

builder.objectType(ReferenceTakenError, {
  name: 'ReferenceTaken',
  description: 'Another service already uses this reference; nothing was saved.',
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({ reference: t.exposeString('reference') }),
});

builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransition',
  description: "The service's status does not allow this change; the message says what is allowed.",
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({ currentStatus: t.exposeString('currentStatus') }),
});

builder.objectType(FundingExceededError, {
  name: 'FundingExceeded',
  description: "What a service gives its initiatives in a financial year cannot exceed the service's funding that year.",
  interfaces: [ErrorInterface],
  authScopes: { authenticated: true },
  fields: (t) => ({
    financialYear: t.exposeInt('financialYear'),
    serviceFunding: t.field({ type: 'Money', resolve: (error) => error.serviceFunding }),
    initiativeFunding: t.field({ type: 'Money', resolve: (error) => error.initiativeFunding }),
  }),
});
