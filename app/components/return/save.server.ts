// Saving a section of a return from a page (a plain form POST or the browser's autosave): only the measures that
// changed, each whole (its cells, its reason for blanks and its comment), through saveReturnDraft. When someone else
// saved meanwhile (VersionConflict), the latest figures are loaded and merged field by field (merge.ts): changes
// that do not collide are saved on top of the latest automatically; collisions come back for the person to choose.
// Nothing typed is ever dropped: what could not be saved is answered with a reason, and the page keeps it.
import { graphql } from '~/gql';
import { gql, UserInputError } from '~/utils/graphql.server';
import { mergeFields, type Conflict } from './merge';
import {
  fieldIdsOf,
  fieldOfProblem,
  fieldsFromValues,
  measureProblems,
  valuesForSave,
  type FieldProblem,
  type Fields,
  type FormMeasure,
  type ValueInput,
} from './model';

export const SaveDraftMutation = graphql(`
  mutation SaveReturnSection($input: SaveReturnDraftInput!) {
    saveReturnDraft(input: $input) {
      __typename
      ... on MutationSaveReturnDraftSuccess {
        data {
          id
          version
          status
          values {
            measureCode
            breakdownOption
            value
            comment
            blankReason
          }
        }
      }
      ... on ValidationFailed {
        message
        problems {
          field
          message
        }
      }
      ... on VersionConflict {
        message
        currentVersion
      }
      ... on PeriodLocked {
        message
      }
      ... on NotAllowed {
        message
      }
      ... on NotFound {
        message
      }
    }
  }
`);

export const LatestValuesQuery = graphql(`
  query ReturnLatestValues($id: ID!) {
    performanceReturn(id: $id) {
      id
      version
      status
      values {
        measureCode
        breakdownOption
        value
        comment
        blankReason
      }
    }
  }
`);

export type SaveOutcome =
  | { outcome: 'unchanged'; version: number; problems: FieldProblem[] }
  | {
      outcome: 'saved';
      version: number;
      /** The section's fields as saved now. */
      fields: Fields;
      /** Fields changed somewhere else meanwhile, taken into this page. */
      takenFromLatest: string[];
      savedAt: string;
      problems: FieldProblem[];
    }
  | {
      outcome: 'conflict';
      version: number;
      fields: Fields;
      conflicts: Conflict[];
      problems: FieldProblem[];
    }
  | { outcome: 'refused'; message: string; problems: FieldProblem[] };

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

/** The measures (of `measures`) with a field that differs between `mine` and `base`. */
export function changedMeasures(measures: FormMeasure[], mine: Fields, base: Fields): FormMeasure[] {
  return measures.filter((m) => fieldIdsOf(m).some((id) => id in mine && !same(mine[id], base[id])));
}

async function save(request: Request, returnId: string, expectedVersion: number, values: ValueInput[], noActivity?: boolean) {
  try {
    const { saveReturnDraft: result } = await gql(request, SaveDraftMutation, {
      input: {
        returnId,
        expectedVersion,
        values,
        ...(noActivity === undefined ? {} : { noActivity }),
      },
    });
    return result;
  } catch (error) {
    // Input the API refuses as a whole (lengths, shapes): answered like a ValidationFailed, per field.
    if (!(error instanceof UserInputError)) throw error;
    const problems = error.fieldErrors().map((e) => {
      const match = /^input\.values\.(\d+)\.(\w+)$/.exec(e.field);
      const value = match ? values[Number(match[1])] : undefined;
      const field = value
        ? match![2] === 'comment'
          ? `comment--${value.measureCode}`
          : match![2] === 'blankReason'
          ? `reason--${value.measureCode}`
          : fieldOfProblem(value.breakdownOption ? `${value.measureCode}[${value.breakdownOption}]` : value.measureCode)
        : 'form';
      return { field, message: e.message };
    });
    return {
      __typename: 'ValidationFailed' as const,
      message: problems[0]?.message ?? 'The answers could not be saved.',
      problems: problems.map((p) => ({ field: p.field, message: p.message })),
    };
  }
}

/** The section's fields as they are saved now, and the version. */
export async function latestFields(request: Request, returnId: string, measures: FormMeasure[]) {
  const { performanceReturn } = await gql(request, LatestValuesQuery, {
    id: returnId,
  });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  return {
    version: performanceReturn.version,
    status: performanceReturn.status,
    fields: fieldsFromValues(measures, performanceReturn.values),
  };
}

export const londonTime = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(date);

/**
 * Saves the measures of `measures` that changed (mine vs base) and are valid. Invalid ones are not sent and come
 * back as problems (the page keeps them). `blocked` fields (conflicts not chosen yet) hold back their measure.
 */
export async function saveSection(
  request: Request,
  options: {
    returnId: string;
    measures: FormMeasure[];
    base: Fields;
    mine: Fields;
    expectedVersion: number;
    blockedMeasures?: Set<string>;
    noActivity?: boolean;
  },
): Promise<SaveOutcome> {
  const { returnId, measures, base, mine, expectedVersion } = options;
  const problems: FieldProblem[] = [];
  const toSave: FormMeasure[] = [];
  for (const measure of changedMeasures(measures, mine, base)) {
    if (options.blockedMeasures?.has(measure.code)) continue;
    const found = measureProblems(measure, { ...base, ...mine });
    if (found.length) problems.push(...found);
    else toSave.push(measure);
  }
  if (toSave.length === 0 && options.noActivity === undefined) return { outcome: 'unchanged', version: expectedVersion, problems };

  const valuesOf = (fields: Fields) => toSave.flatMap((m) => valuesForSave(m, fields));
  let result = await save(request, returnId, expectedVersion, valuesOf({ ...base, ...mine }), options.noActivity);
  let takenFromLatest: string[] = [];

  if (result.__typename === 'VersionConflict') {
    // Someone saved meanwhile (another tab, another person): merge field by field.
    const latest = await latestFields(request, returnId, measures);
    const sent: Fields = {};
    for (const m of toSave) for (const id of fieldIdsOf(m)) sent[id] = mine[id] ?? base[id] ?? '';
    const merge = mergeFields(base, sent, latest.fields);
    takenFromLatest = Object.keys(latest.fields).filter((id) => !same(latest.fields[id], base[id]) && !merge.changedByMe.includes(id));
    if (merge.conflicts.length) {
      return {
        outcome: 'conflict',
        version: latest.version,
        fields: latest.fields,
        conflicts: merge.conflicts,
        problems,
      };
    }
    result = await save(request, returnId, latest.version, valuesOf(merge.merged), options.noActivity);
  }

  switch (result.__typename) {
    case 'MutationSaveReturnDraftSuccess':
      return {
        outcome: 'saved',
        version: result.data.version,
        fields: fieldsFromValues(measures, result.data.values),
        takenFromLatest,
        savedAt: londonTime(new Date()),
        problems,
      };
    case 'ValidationFailed':
      return {
        outcome: 'refused',
        message: result.message,
        problems: [
          ...problems,
          ...result.problems.map((p) => ({
            field: fieldOfProblem(p.field),
            message: p.message,
          })),
        ],
      };
    case 'VersionConflict': {
      // Changed again while merging: show what is saved now and let the person decide.
      const latest = await latestFields(request, returnId, measures);
      const merge = mergeFields(base, mine, latest.fields);
      return {
        outcome: 'conflict',
        version: latest.version,
        fields: latest.fields,
        conflicts: merge.conflicts,
        problems,
      };
    }
    default:
      return { outcome: 'refused', message: result.message, problems };
  }
}
