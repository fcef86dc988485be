/** Only paths on this site: "/x" but never "//evil.example" or "/\\evil.example". Used on server and in the browser. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(to) || to.length > 500) return fallback;
  return to;
}
