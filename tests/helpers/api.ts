// Calls the API the way everyone does: through Yoga's fetch, in-process.
import type { ServerContext, Viewer } from '../../graphql/context';
import { yoga } from '../../graphql/yoga';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function execute<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { viewer?: Viewer | null; headers?: Record<string, string>; source?: ServerContext['source'] } = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch(
    'http://portal.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options.headers },
      body: JSON.stringify({ query, variables }),
    },
    { viewer: options.viewer ?? null, source: options.source ?? (options.viewer ? 'in-process' : 'anonymous') },
  );
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** The `extensions.code` of each error, in order. */
export const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);
