// Where resource routes (which cannot render pages) send people who may not see them: the 403 page.
export function loader() {
  throw new Response('Forbidden', { status: 403 });
}

export default function Forbidden() {
  return null;
}
