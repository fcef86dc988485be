// The one bridge from pages into the API: loaders and actions run GraphQL operations in-process, as the signed-in
// user, through the same Yoga pipeline the /graphql endpoint uses, without the HTTP layer around it
// (graphql/yoga.ts executeInProcess). Every rule (permissions, validation, disclosure control) therefore applies to
// pages exactly as to API clients.
import { randomUUID } from 'node:crypto';
import { redirect } from '@remix-run/node';
import type { TypedDocumentString } from '~/gql/graphql';
import type { ServerContext } from '../../graphql/context';
import { executeInProcess } from '../../graphql/yoga';
import { clientAddress, getOptionalUser, viewerOf } from './session.server';
import { SERVICE_UNAVAILABLE_CODE, serviceUnavailable } from './unavailable.server';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; issues?: { field: string; message: string }[]; requestId?: string };
}

/** BAD_USER_INPUT from the API: actions turn it into a GOV.UK error summary. */
export class UserInputError extends Error {
  constructor(readonly errors: GqlError[]) {
    super(errors[0]?.message ?? 'The input is not valid.');
  }

  /** Field -> message, for forms. */
  fieldErrors(): { field: string; message: string }[] {
    return this.errors.flatMap((error) =>
      error.extensions?.issues?.length
        ? error.extensions.issues
        : [{ field: error.extensions?.field ?? '', message: error.message }],
    );
  }
}

export async function gqlResult<TResult, TVariables>(
  request: Request,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<{ data: TResult | null; errors: GqlError[] }> {
  const user = await getOptionalUser(request);
  const context: ServerContext = {
    viewer: user ? viewerOf(user) : null,
    source: 'in-process',
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
    ipAddress: clientAddress(request),
  };
  const { data, errors } = await executeInProcess({ query: document.toString(), variables: variables ?? {} }, context);
  // The database unreachable (graphql/yoga.ts maskError): the 503 page for every caller, whatever it expected.
  if (errors.some((error) => (error as GqlError).extensions?.code === SERVICE_UNAVAILABLE_CODE)) throw serviceUnavailable();
  return { data: data as TResult | null, errors: errors as GqlError[] };
}

/**
 * Runs an operation and returns its data. Not signed in: redirect to sign-in. Refused: 403 page. Bad input:
 * throws UserInputError for the action to show. The database unreachable: the 503 page (gqlResult). Anything else:
 * the 500 page, with the request id to quote.
 */
export async function gql<TResult, TVariables>(
  request: Request,
  document: TypedDocumentString<TResult, TVariables>,
  ...variables: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TResult> {
  const { data, errors } = await gqlResult(request, document, ...variables);
  if (errors.length === 0 && data) return data;
  const code = errors[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 });
  if (code === 'BAD_USER_INPUT') throw new UserInputError(errors);
  throw Response.json(
    { message: 'Unexpected error.', requestId: errors[0]?.extensions?.requestId ?? null },
    { status: 500 },
  );
}
