// What one GraphQL request may ask for, and who may look at the schema itself. Every request to the API (POST
// /graphql with a cookie or a token, and the pages' in-process bridge) goes through these rules before any resolver
// runs. The numbers and their reasons: docs/decisions/0008-graphql-limits-and-operations.md; each limit is tested
// just over and just under in tests/api/graphql-limits.test.ts, and every operation the pages send is checked to fit.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isOpccStaff, type ServerContext } from './context';

/**
 * depth: levels of nested selections (the pages' deepest operation: 9).
 * cost: the estimated number of values in the answer (costOf; the pages' largest: about 7,700).
 * aliases, directives: per operation (the pages use none and one).
 * tokens: names, punctuation and literal values in the document (the pages' longest: about 200).
 */
export const LIMITS = { depth: 12, cost: 20_000, aliases: 15, directives: 10, tokens: 1000 } as const;

/** How many items a list is taken to hold when the cost of a query is estimated (its real length is not known yet). */
export const LIST_SIZE = 10;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** graphql's suggestion at the end of a message: ` Did you mean "name"?`, ` Did you mean the enum value "PROVIDER"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?$/;

/**
 * The estimated number of values an operation answers with: every field counts 1, and everything selected under a
 * list counts LIST_SIZE times (so each list nested in another multiplies: `organisations { services { provider {
 * services { ... } } } }` grows tenfold per level, which is what a depth limit alone lets through). Fragments are
 * counted once each (memoised: a document cannot make this walk exponential), introspection not at all (only OPCC
 * staff may introspect). The largest of the document's operations.
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCost = new Map<string, number>();
  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, within: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        total += 1;
        if (!selection.selectionSet) continue;
        const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
        const times = field && isListType(getNullableType(field.type)) ? LIST_SIZE : 1;
        total += times * walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, within);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += walk(selection.selectionSet, condition ?? undefined, within);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle (refused by graphql's own NoFragmentCycles rule) counts nothing more.
        if (!fragment || within.has(name)) continue;
        let cost = fragmentCost.get(name);
        if (cost === undefined) {
          cost = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, new Set([...within, name]));
          fragmentCost.set(name, cost);
        }
        total += cost;
      }
    }
    return total;
  };
  let largest = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      definition.operation === 'query'
        ? schema.getQueryType()
        : definition.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    largest = Math.max(largest, walk(definition.selectionSet, root ?? undefined, new Set()));
  }
  return largest;
}

/** The number of tokens the parser reads (as the token limit counts them). */
export function tokensOf(query: string): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  return tokens;
}

type LimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens';

function limitError(limit: LimitName, found: number | null): GraphQLError {
  const max = LIMITS[limit];
  const messages: Record<LimitName, string> = {
    depth: `The query is nested ${found} levels deep; the limit is ${max}. Ask for fewer levels at once.`,
    cost: `The query asks for too much at once: about ${found} values (each list counted as ${LIST_SIZE} items); the limit is ${max}. Ask for fewer fields or lists, or split it into several queries.`,
    aliases: `The query uses ${found} aliases; the limit is ${max}.`,
    directives: `The query uses ${found} directives; the limit is ${max}.`,
    tokens: `The query is too long: more than ${max} tokens (names, punctuation and values). Send values as variables, or split it into several queries.`,
  };
  return new GraphQLError(messages[limit], {
    extensions: { code: 'BAD_USER_INPUT', limit, max, ...(found === null ? {} : { found }), http: { status: 400 } },
  });
}

/** graphql-armor's rules, reporting our message as a validation error (all errors are reported, not just the first). */
function armorOptions(limit: LimitName) {
  return {
    n: LIMITS[limit],
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(limitError(limit, found ? Number(found) : null));
      },
    ],
  };
}

const depthRule = maxDepthRule({ ...armorOptions('depth'), ignoreIntrospection: true });
const aliasesRule = maxAliasesRule(armorOptions('aliases'));
const directivesRule = maxDirectivesRule(armorOptions('directives'));

function QueryCostLimit(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      const cost = costOf(context.getSchema(), document);
      if (cost > LIMITS.cost) context.reportError(limitError('cost', cost));
      return false;
    },
  };
}

function introspectionRule(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return;
      context.reportError(
        new GraphQLError(message, { nodes: node, extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } } }),
      );
    },
  });
}

const PUBLISHED_SCHEMA = 'The schema is published with the API (graphql/schema.graphql).';
// Named functions: Yoga's validation cache keeps results per list of rule names, so requests refused introspection
// and requests allowed it never share a cached result.
const IntrospectionNeedsSignIn = introspectionRule(
  'UNAUTHENTICATED',
  `Sign in as OPCC staff to introspect the schema. ${PUBLISHED_SCHEMA}`,
);
Object.defineProperty(IntrospectionNeedsSignIn, 'name', { value: 'IntrospectionNeedsSignIn' });
const IntrospectionOnlyForOpccStaff = introspectionRule(
  'FORBIDDEN',
  `Only OPCC staff signed in to the portal may introspect the schema. ${PUBLISHED_SCHEMA}`,
);
Object.defineProperty(IntrospectionOnlyForOpccStaff, 'name', { value: 'IntrospectionOnlyForOpccStaff' });

/**
 * OPCC staff signed in to the portal (GraphiQL, the pages' bridge): they may introspect the schema and get graphql's
 * "Did you mean ...?" suggestions. Everyone else (anonymous callers, providers, every API token whatever its role)
 * may not, in every environment: the printed schema is published for integrators, and names a caller cannot see are
 * not revealed one guess at a time.
 */
export function isStaffSession(context: Partial<ServerContext>): boolean {
  return (
    (context.source === 'cookie' || context.source === 'in-process') &&
    context.viewer?.via === 'session' &&
    isOpccStaff(context.viewer)
  );
}

function hideSuggestionsValidate(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules?: ReadonlyArray<ValidationRule>,
): ReadonlyArray<GraphQLError> {
  return validate(schema, document, rules, { hideSuggestions: true });
}

/**
 * Every limit, as one Yoga plugin: tokens while parsing (graphql-armor), then depth, aliases, directives (graphql-armor)
 * and cost (costOf) as validation rules, then introspection and suggestions for callers who are not OPCC staff.
 * Batched requests (a JSON array) are refused by Yoga itself (`batching: false`).
 */
export function useQueryLimits(): Plugin<Record<string, unknown>, ServerContext> {
  const tokens = maxTokensPlugin({ n: LIMITS.tokens });
  return {
    onParse(payload) {
      tokens.onParse!(payload as never);
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && /Token limit of \d+ exceeded/.test(result.message)) {
          replaceParseResult(limitError('tokens', null));
        }
      };
    },
    onValidate({ addValidationRule, setValidationFn, context }) {
      addValidationRule(depthRule);
      addValidationRule(aliasesRule);
      addValidationRule(directivesRule);
      addValidationRule(QueryCostLimit);
      const serverContext = context as Partial<ServerContext> & { request?: Request };
      if (!isStaffSession(serverContext)) {
        // A token's viewer is only resolved after validation: an Authorization header counts as signed in.
        const signedIn = !!serverContext.viewer || !!serverContext.request?.headers.has('authorization');
        addValidationRule(signedIn ? IntrospectionOnlyForOpccStaff : IntrospectionNeedsSignIn);
        setValidationFn(hideSuggestionsValidate);
      }
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      if (isStaffSession(args.contextValue as Partial<ServerContext>)) return;
      // Variables' coercion errors ("Did you mean the enum value ...?") too: the executor passes hideSuggestions to
      // part of its coercion only (graphql's coerceInputValue always suggests), so what it lets through is cut.
      setExecuteFn((executionArgs) => executeFn({ ...executionArgs, hideSuggestions: true } as typeof executionArgs));
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (!single.errors?.some((error) => !error.path && SUGGESTION.test(error.message))) return;
          setResult({
            ...single,
            errors: single.errors.map((error) =>
              !error.path && SUGGESTION.test(error.message)
                ? new GraphQLError(error.message.replace(SUGGESTION, ''), {
                    nodes: error.nodes,
                    source: error.source,
                    positions: error.positions,
                    originalError: error.originalError,
                    extensions: error.extensions,
                  })
                : error,
            ),
          });
        },
      };
    },
  };
}

/** An operation's measures against every limit (for tests and the ADR's table). */
export function measure(schema: GraphQLSchema, query: string, document: DocumentNode) {
  const found = { depth: 0, aliases: 0, directives: 0 };
  const counting = (limit: keyof typeof found) => ({
    n: Number.MAX_SAFE_INTEGER,
    onAccept: [(_context: unknown, { n }: { n: number }) => (found[limit] = Math.max(found[limit], n))],
  });
  const errors = validate(schema, document, [
    ...specifiedRules,
    maxDepthRule({ ...counting('depth'), ignoreIntrospection: true }),
    maxAliasesRule(counting('aliases')),
    maxDirectivesRule(counting('directives')),
  ]);
  return { ...found, cost: costOf(schema, document), tokens: tokensOf(query), errors };
}
