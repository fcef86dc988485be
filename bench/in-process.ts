// The dashboards' API measured as the portal's pages call it: in-process, through the one bridge
// (app/utils/graphql.server.ts `gqlResult`: Yoga's fetch with the signed-in user's viewer, so parsing, validation,
// the query limits, auth scopes, resolvers and SQL all run), with no HTTP in between (docs/decisions/0007).
//
// The viewers are real: a session is created for each user exactly as signing in does (createSession), and every
// run hands the bridge a new Request carrying that session's cookie. Its session is looked up before the clock
// starts, as a dashboard loader's earlier calls (requireUser, the filter choices) have done by the time it runs
// the dashboard's operation (getOptionalUser caches the user per Request): the session lookup is the same for
// every page and is measured with the pages.
import type { TypedDocumentString } from '../app/gql/graphql';

export interface InProcessApi {
  /** Runs `query` as `role` and answers the time the bridge took (ms) and the data; throws on GraphQL errors. */
  run(role: string, query: string, variables?: Record<string, unknown>): Promise<{ ms: number; data: unknown }>;
  close(): Promise<void>;
}

/** Signs `users` (role -> e-mail) in, in this process, against the portal database at `url`. */
export async function inProcessApi(url: string, users: Record<string, string>): Promise<InProcessApi> {
  process.env.DATABASE_URL = url;
  const { disconnectPrisma, getPrisma } = await import('../graphql/db');
  await disconnectPrisma(); // a client made earlier in this process (the statement counts) points elsewhere
  const { gqlResult } = await import('../app/utils/graphql.server');
  const { createSession, getOptionalUser } = await import('../app/utils/session.server');

  const cookies = new Map<string, string>();
  const sessions: string[] = [];
  for (const [role, email] of Object.entries(users)) {
    const user = await getPrisma().user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new Error(`No user ${email} in the benchmark database`);
    const setCookie = await createSession(user.id, { ipAddress: '127.0.0.1', userAgent: 'bench (in-process)' });
    const cookie = setCookie.split(';')[0]!;
    const signedIn = await getOptionalUser(new Request('http://bench/', { headers: { cookie } }));
    if (!signedIn) throw new Error(`Could not sign ${email} in, in-process`);
    sessions.push(signedIn.sessionId);
    cookies.set(role, cookie);
  }

  return {
    async run(role, query, variables = {}) {
      const cookie = cookies.get(role);
      if (!cookie) throw new Error(`No session for ${role}`);
      const request = new Request('http://bench/dashboards', { headers: { cookie } });
      await getOptionalUser(request); // the loader's requireUser: before the dashboard's operation, not timed
      const document = { toString: () => query } as unknown as TypedDocumentString<unknown, Record<string, unknown>>;
      const started = performance.now();
      const { data, errors } = await gqlResult(request, document, variables);
      const ms = performance.now() - started;
      if (errors.length) throw new Error(`GraphQL error (in-process): ${errors.map((e) => e.message).join('; ')}`);
      return { ms, data };
    },
    async close() {
      await getPrisma().session.deleteMany({ where: { id: { in: sessions } } });
      await disconnectPrisma();
    },
  };
}
