// Any URL no other route matches: a 404 shown by the root ErrorBoundary ("Page not found"), with status 404.
export async function loader() {
  throw new Response('Not Found', { status: 404 });
}

// A default export keeps this a page route: without one, Remix would send the bare Response, not the error page.
export default function NotFound() {
  return null;
}
