import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { randomUUID } from 'node:crypto';
import { signOut } from '~/utils/auth.server';
import { clientAddress } from '~/utils/session.server';

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await signOut(request, {
    ipAddress: clientAddress(request),
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
  });
  return redirect('/sign-in?signedOut=1', { headers: { 'Set-Cookie': setCookie } });
}

export const loader = () => redirect('/');
