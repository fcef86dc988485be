// POST /graphql (and GET for GraphiQL): the public API endpoint. Browser sessions are recognised here and passed to
// Yoga; API tokens are recognised by Yoga itself. GraphiQL is only for signed-in OPCC staff.
import { randomUUID } from 'node:crypto';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import type { ServerContext } from '../../graphql/context';
import { isOpccStaff } from '../../graphql/context';
import { yoga } from '../../graphql/yoga';
import { clientAddress, getOptionalUser, viewerOf } from '~/utils/session.server';

async function handle(request: Request): Promise<Response> {
  const bearer = request.headers.has('authorization');
  const user = bearer ? null : await getOptionalUser(request);
  const viewer = user ? viewerOf(user) : null;
  const wantsPage = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
  if (wantsPage && !viewer) throw redirect('/sign-in?redirectTo=%2Fgraphql');
  // GraphiQL is for OPCC staff; others get the portal's 403 page (a resource route cannot render it itself).
  if (wantsPage && !isOpccStaff(viewer)) throw redirect('/forbidden', 303);
  const context: ServerContext = {
    viewer,
    source: viewer ? 'cookie' : 'anonymous',
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
    ipAddress: clientAddress(request),
  };
  return yoga.handleRequest(request, context);
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
