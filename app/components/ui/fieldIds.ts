/** The ids GOV.UK form components give their hint and error message, joined for aria-describedby. */
export function describedBy(id: string, options: { hint?: unknown; error?: unknown; extra?: string | undefined }) {
  const ids = [
    options.extra,
    options.hint ? `${id}-hint` : undefined,
    options.error ? `${id}-error` : undefined,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
