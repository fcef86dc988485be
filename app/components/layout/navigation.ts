// Service navigation: which items each role sees, and which item is current. Pure, so it can be unit-tested.
// Hiding an item is a convenience only: the API refuses what a role may not do.

export type PortalRole = 'ADMIN' | 'POLICY_OFFICER' | 'COMMISSIONER' | 'PROVIDER';

export interface NavigationItem {
  href: string;
  text: string;
  /** Not a Remix page (e.g. the GraphQL explorer): render a plain link that loads a new document. */
  reloadDocument?: boolean;
}

export const SERVICE_NAME = 'Commissioning and Outcomes Portal';

/** The items in the service navigation for a signed-in user with this role, in display order. */
export function navigationFor(role: PortalRole): NavigationItem[] {
  const provider = role === 'PROVIDER';
  const items: NavigationItem[] = [
    { href: '/', text: 'Home' },
    { href: '/services', text: provider ? 'Your services' : 'Portfolio' },
  ];
  if (!provider) items.push({ href: '/dashboards', text: 'Dashboards' }, { href: '/briefing', text: 'Briefing pack' });
  if (provider) items.push({ href: '/returns', text: 'Returns' });
  if (role === 'POLICY_OFFICER' || role === 'ADMIN') items.push({ href: '/review', text: 'Review returns' });
  if (role !== 'COMMISSIONER') items.push({ href: '/queries', text: 'Queries' });
  items.push(
    { href: '/priority-issues', text: 'Priority issues' },
    { href: '/initiatives', text: 'Initiatives' },
    { href: '/organisations', text: provider ? 'Your organisation' : 'Organisations' },
    { href: '/notifications', text: 'Notifications' },
  );
  if (role === 'ADMIN') {
    items.push({ href: '/users', text: 'Users' }, { href: '/outbox', text: 'E-mail outbox' });
  }
  if (role === 'ADMIN' || role === 'PROVIDER') {
    items.push({ href: '/api-tokens', text: 'API tokens' });
  }
  if (role === 'POLICY_OFFICER' || role === 'ADMIN') {
    items.push({ href: '/graphql', text: 'API explorer', reloadDocument: true });
  }
  return items;
}

/**
 * How an item relates to the current path: 'page' when it is the current page (aria-current="page"),
 * 'true' when the current page is below it (aria-current="true", e.g. /initiatives/123 under Initiatives),
 * undefined otherwise. Home is only ever current on "/" itself.
 */
export function currentState(pathname: string, href: string): 'page' | 'true' | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === href) return 'page';
  if (href !== '/' && path.startsWith(`${href}/`)) return 'true';
  return undefined;
}
