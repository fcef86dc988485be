// Text the database cannot store as it was sent: NUL (PostgreSQL refuses it, and the request failed as an unexpected
// error) and unpaired UTF-16 surrogates (stored as U+FFFD, silently changing what was sent). Found by the fuzz tests
// (tests/api/fuzz-mutations*.test.ts). The input schemas refuse control characters in the text they validate, with
// a message beside the field (graphql/validation/common.ts); this Yoga plugin is the guard for everything else, in
// queries as in mutations: codes, searches, filters, ids, and fields no schema reads. Such a request is answered
// BAD_USER_INPUT naming where the character is, before anything runs.
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path ("input.values.3.comment") of the first string holding an unstorable character, or null. */
export function unstorableTextAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object' || path.length > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, key].join('.');
    const found = unstorableTextAt(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Parsed documents are cached and reused (Yoga's parser cache): each is walked once. */
const literalChecked = new WeakMap<DocumentNode, boolean>();

function unstorableLiteral(document: DocumentNode): boolean {
  const known = literalChecked.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (UNSTORABLE.test(node.value)) found = true;
    },
  });
  literalChecked.set(document, found);
  return found;
}

export const UNSTORABLE_TEXT_MESSAGE =
  'contains a character that cannot be stored (a NUL character, or half of a character such as an emoji): remove it and send the text again';

/** A request error, like a variable GraphQL cannot coerce: BAD_USER_INPUT, HTTP 400, naming the variable's path. */
const refusal = (message: string, field?: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), http: { status: 400 } } });

export function useStorableText(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const at = unstorableTextAt(args.variableValues ?? {});
      if (at !== null) {
        setResultAndStopExecution({ errors: [refusal(`${at || 'The request'} ${UNSTORABLE_TEXT_MESSAGE}`, at || undefined)] });
      } else if (unstorableLiteral(args.document)) {
        setResultAndStopExecution({ errors: [refusal(`A text in the operation ${UNSTORABLE_TEXT_MESSAGE}`)] });
      }
    },
  };
}
