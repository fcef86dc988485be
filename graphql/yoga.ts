// The GraphQL server, in-process: the /graphql route and the pages' bridge both hand requests to it.
import { randomUUID } from 'node:crypto';
import { GraphQLError, getOperationAST, type ExecutionResult } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { auditActorOf, setAuditContext } from './audit';
import { viewerFromBearer } from './auth/tokens';
import { isOpccStaff, type Context, type ServerContext } from './context';
import { DATABASE_UNAVAILABLE_MESSAGE, getPrisma, isDatabaseUnavailable } from './db';
import { useQueryLimits } from './limits';
import { schema } from './schema';
import { useStorableText } from './storable-text';
import { graphiqlCsp, nonceOf } from '../app/utils/security-headers.server';

export { LIMITS } from './limits';

const log = (entry: Record<string, unknown>) => {
  if (process.env.LOG_LEVEL !== 'silent') console.error(JSON.stringify({ time: new Date().toISOString(), ...entry }));
};

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    // Request errors (no path: parsing, validation, variables) are the caller's: HTTP 400.
    extensions: { ...error.extensions, code, ...(error.path ? {} : { http: { status: 400 } }) },
  });
}

/** Syntax errors, validation errors (unknown fields, limits) and bad variables are the caller's: BAD_USER_INPUT. */
function useBadUserInputCodes(): Plugin {
  return {
    onParse: () => ({ result, replaceParseResult }) => {
      if (result instanceof GraphQLError) replaceParseResult(withCode(result, 'BAD_USER_INPUT'));
    },
    onValidate: () => ({ result, setResult }) => {
      if (result.length) setResult(result.map((error) => withCode(error, 'BAD_USER_INPUT')));
    },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        const single = result as ExecutionResult;
        // Errors without a path come from coercing variables, before any resolver ran.
        if (single.errors?.some((error) => !error.path && !error.extensions?.code)) {
          setResult({
            ...single,
            errors: single.errors.map((error) => (error.path ? error : withCode(error, 'BAD_USER_INPUT'))),
          });
        }
      },
    }),
  };
}

/**
 * Cookie-authenticated requests must carry `x-graphql-yoga-csrf` (a header a cross-site form cannot send).
 * Token requests and the in-process bridge need none. GraphiQL's page itself is a plain GET.
 */
function useCsrfForCookieRequests(): Plugin<Record<string, unknown>, ServerContext> {
  return {
    onRequest({ request, serverContext, endResponse }) {
      if (serverContext?.source !== 'cookie') return;
      if (request.headers.has('x-graphql-yoga-csrf')) return;
      const wantsGraphiQL = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
      if (wantsGraphiQL) return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: 'Requests signed in with the portal cookie must send the header x-graphql-yoga-csrf: 1.',
                extensions: { code: 'FORBIDDEN' },
              },
            ],
          },
          { status: 403 },
        ),
      );
    },
  };
}

/**
 * GraphiQL's page (OPCC staff only) gets its own Content-Security-Policy (graphiqlCsp: its inline script by this
 * response's nonce, blob: workers, inline styles) instead of the pages' one; server.ts keeps a policy a response sets.
 */
function useGraphiQLPolicy(): Plugin {
  return {
    onResponse({ request, response }) {
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      response.headers.set('Content-Security-Policy', graphiqlCsp(nonceOf(request)));
    },
  };
}

/** GraphiQL's page with its one inline <script> carrying the nonce of its response (the one useGraphiQLPolicy sends). */
async function renderGraphiQLWithNonce(options: Record<string, unknown> & { cspNonce?: string }): Promise<string> {
  const { cspNonce, ...graphiqlOptions } = options;
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const page = renderGraphiQL(graphiqlOptions);
  return cspNonce ? page.replace('<script>', `<script nonce="${cspNonce}">`) : page;
}

class Rollback extends Error {}

const UNEXPECTED = 'Unexpected error.';

/**
 * Errors meant for the caller (ours, graphql's own parse and validation errors, Yoga's HTTP errors) pass with a code;
 * anything else is an unexpected failure: logged with a request id and masked.
 */
function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) {
    return error.extensions?.code ? error : withCode(error, error.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const requestId = randomUUID();
  // The database unreachable: HTTP 503 with a message the caller can act on (no host, port or driver detail).
  if (isDatabaseUnavailable(original)) {
    log({ level: 'warn', msg: 'graphql: database unavailable', requestId, error: String(original) });
    return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
      extensions: { code: 'SERVICE_UNAVAILABLE', requestId, http: { status: 503, headers: { 'Retry-After': '30' } } },
    });
  }
  log({ level: 'error', msg: 'graphql: unexpected error', requestId, error: String(original), stack: (original as Error)?.stack });
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
}

/**
 * Every mutation runs in one transaction that first tells the database who is acting (graphql/audit.ts), so the
 * audit triggers record who, what, which record, before/after and the request id for each row it changes.
 * An error anywhere in the mutation rolls the whole of it back.
 */
function useMutationTransactions(): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections.flatMap((selection) =>
        selection.kind === 'Field' ? [selection.name.value] : [],
      );
      setExecuteFn(async (executionArgs) => {
        const context = executionArgs.contextValue as Context;
        let result: Awaited<ReturnType<typeof executeFn>> | undefined;
        try {
          await getPrisma().$transaction(
            async (tx) => {
              await setAuditContext(tx, auditActorOf(context, fields.join(',')));
              result = await executeFn({ ...executionArgs, contextValue: { ...context, db: tx } });
              if ((result as ExecutionResult).errors?.length) throw new Rollback();
            },
            { maxWait: 10_000, timeout: 30_000 },
          );
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
        }
        return result!;
      });
    },
  };
}

export const yoga = createYoga<ServerContext, Context>({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  batching: false,
  logging: false,
  context: async ({ request, viewer, source, requestId, ipAddress }) => {
    const db = getPrisma();
    const authorization = request.headers.get('authorization');
    const resolved =
      viewer ?? (source !== 'in-process' && authorization ? await viewerFromBearer(authorization, db) : null);
    return { viewer: resolved, source, requestId: requestId ?? randomUUID(), ipAddress, db };
  },
  // No CORS headers: the portal's own pages are same-origin and API clients are servers. (Yoga's default reflects any
  // Origin with Access-Control-Allow-Credentials, which would let a sibling subdomain read the API with a session.)
  cors: false,
  // The largest legitimate body: a 5 MB return CSV (importReturnCsv), JSON-escaped.
  maxRequestBodySize: 12 * 1024 * 1024,
  graphiql: (request, serverContext) =>
    serverContext?.source === 'cookie' && isOpccStaff(serverContext.viewer ?? null)
      ? {
          title: 'Portal API explorer',
          headers: JSON.stringify({ 'x-graphql-yoga-csrf': '1' }),
          cspNonce: nonceOf(request),
        }
      : false,
  // GraphiQL's page (a 10 MB script held as a string: about 30 MB of heap) is loaded the first time staff open it.
  renderGraphiQL: renderGraphiQLWithNonce,
  maskedErrors: { maskError, errorMessage: UNEXPECTED },
  plugins: [
    useCsrfForCookieRequests(),
    useGraphiQLPolicy(),
    useQueryLimits(),
    useBadUserInputCodes(),
    // Before the mutation's transaction: text the database cannot store is refused before anything runs.
    useStorableText(),
    useMutationTransactions(),
  ],
});

/** An error as the API's JSON answers it (Yoga's internal extensions, such as the HTTP status, left out). */
export interface SerializedGraphQLError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

function serializeError(error: unknown): SerializedGraphQLError {
  const json = error instanceof GraphQLError ? error.toJSON() : { message: error instanceof Error ? error.message : UNEXPECTED };
  if (!json.extensions) return json as SerializedGraphQLError;
  const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions as Record<string, unknown>;
  const { extensions: _all, ...rest } = json;
  return (Object.keys(extensions).length ? { ...rest, extensions } : rest) as SerializedGraphQLError;
}

/**
 * Runs one operation in-process (the pages' bridge, app/utils/graphql.server.ts): the same Yoga pipeline as
 * POST /graphql - every plugin (limits, error codes and masking, the mutation transaction), the context factory,
 * parse and validation caches, auth scopes, resolvers - without the HTTP layer around it (building a Request with a
 * JSON body, parsing it back, serialising the result and parsing that again). The data is the executor's own
 * result; errors are answered as the JSON the endpoint would send.
 */
export async function executeInProcess(
  params: { query: string; variables?: Record<string, unknown>; operationName?: string },
  serverContext: ServerContext,
): Promise<{ data: Record<string, unknown> | null; errors: SerializedGraphQLError[] }> {
  let result: ExecutionResult;
  try {
    const request = new Request('http://in-process/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    });
    result = ((await yoga.getResultForParams({ params, request }, { ...serverContext })) ?? {}) as ExecutionResult;
  } catch (error) {
    result = { errors: [maskError(error, UNEXPECTED) as GraphQLError] };
  }
  return { data: (result.data as Record<string, unknown> | null | undefined) ?? null, errors: (result.errors ?? []).map(serializeError) };
}
