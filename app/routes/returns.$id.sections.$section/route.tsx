// One section of a return: its questions as a form (grids labelled by row and column, reasons for blanks, comments,
// checks as the provider types, identifier warnings on narrative), saved by "Save and continue" / "Save as draft"
// (plain form POSTs) and by autosave. Read-only once submitted, approved or locked.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation, useMatches } from '@remix-run/react';
import { SectionQuery } from './operations.server';
import { BackLink, ErrorSummary, InsetText, NotificationBanner, PageHeading, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { SectionAnswers } from '~/components/return/Answers';
import { mergeFields, type Conflict } from '~/components/return/merge';
import {
  fieldIdsOf,
  fieldsFromValues,
  formSections,
  measureOfField,
  measureProblems,
  measureTouched,
  type FieldProblem,
  type Fields,
} from '~/components/return/model';
import { saveSection } from '~/components/return/save.server';
import { SectionForm } from '~/components/return/SectionForm';
import { isOpenStatus } from '~/components/return/status';
import { gql } from '~/utils/graphql.server';
import { requireRole, requireUser } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(data ? `${data.section.title}: ${data.ret.period.label} return` : 'Return section'),
  },
];

const slugOf = (code: string) => code.toLowerCase();

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const { me, performanceReturn } = await gql(request, SectionQuery, {
    id: params.id ?? '',
  });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  const { values, form, ...ret } = performanceReturn;
  const sections = formSections(form.sections);
  const section = sections.find((s) => slugOf(s.code) === (params.section ?? '').toLowerCase());
  if (!section) throw new Response('Not Found', { status: 404 });
  const allFields = fieldsFromValues(
    sections.flatMap((s) => s.measures),
    values,
  );
  const stored: Fields = {};
  for (const measure of section.measures) for (const id of fieldIdsOf(measure)) stored[id] = allFields[id] ?? '';
  const editable = me?.role === 'PROVIDER' && isOpenStatus(ret.status) && !ret.locked;
  return { me, ret, form, sections, section, allFields, stored, editable };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { ret, form, sections, section, allFields, stored, editable } = await load(request, params);
  // Contacts and staffing rarely change: pre-filled from last quarter while this return has none.
  let initialFields = stored;
  let prefilled = false;
  if (editable && section.code === 'ABOUT' && form.previousValues.length && !section.measures.some((m) => measureTouched(m, stored))) {
    const previous = fieldsFromValues(
      section.measures,
      form.previousValues.map((v) => ({ ...v, comment: null })),
    );
    if (section.measures.some((m) => measureTouched(m, previous))) {
      initialFields = previous;
      prefilled = true;
    }
  }
  const index = sections.findIndex((s) => s.code === section.code);
  return json({
    ret,
    section,
    sections,
    allFields,
    stored,
    initialFields,
    prefilled,
    editable,
    checks: form.checks,
    previousValues: form.previousPeriodLabel ? form.previousValues : null,
    previousLabel: form.previousPeriodLabel,
    lastQuarterFields: form.previousPeriodLabel
      ? fieldsFromValues(
          sections.flatMap((s) => s.measures),
          form.previousValues,
        )
      : null,
    targets: form.targets,
    quarter: form.quarter,
    next: sections[index + 1]
      ? {
          slug: slugOf(sections[index + 1]!.code),
          title: sections[index + 1]!.title,
        }
      : null,
    savedAt: new URL(request.url).searchParams.get('saved'),
  });
}

type ActionAnswer = {
  stamp: number;
  errors: FieldError[];
  values: Fields;
  base: Fields;
  version: number;
  conflicts: Conflict[];
  status: string;
};

const parseJson = <T,>(text: FormDataEntryValue | null, fallback: T): T => {
  try {
    return text ? (JSON.parse(String(text)) as T) : fallback;
  } catch {
    return fallback;
  }
};

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const { ret, section, stored } = await load(request, params);
  const measures = section.measures;
  const form = await request.formData();
  const intent = String(form.get('intent') ?? 'draft');

  if (intent === 'autosave') {
    const payload = parseJson<{
      expectedVersion?: number;
      base?: Fields;
      mine?: Fields;
    }>(form.get('payload'), {});
    const known = new Set(measures.flatMap(fieldIdsOf));
    const pick = (fields: Fields | undefined) =>
      Object.fromEntries(Object.entries(fields ?? {}).filter(([id, v]) => known.has(id) && typeof v === 'string'));
    const outcome = await saveSection(request, {
      returnId: ret.id,
      measures,
      base: { ...stored, ...pick(payload.base) },
      mine: pick(payload.mine),
      expectedVersion: Number(payload.expectedVersion),
    });
    return json(outcome);
  }

  // A plain form POST: every field of the section, the fields as the page loaded them, and choices on conflicts.
  const mine: Fields = {};
  for (const measure of measures) for (const id of fieldIdsOf(measure)) mine[id] = String(form.get(id) ?? '');
  const base: Fields = {
    ...stored,
    ...parseJson<Fields>(form.get('base'), {}),
  };
  const expectedVersion = Number(form.get('expectedVersion'));
  const problems: FieldProblem[] = [];
  const blocked = new Set<string>();
  const stillOpen: Conflict[] = [];
  for (const field of parseJson<string[]>(form.get('conflicts'), [])) {
    if (!(field in mine)) continue;
    const choice = form.get(`choose--${field}`);
    const theirs = String(form.get(`theirs--${field}`) ?? '');
    if (choice === 'theirs') mine[field] = theirs;
    else if (choice !== 'mine') {
      problems.push({
        field: `choose--${field}`,
        message: 'Choose which answer to keep',
      });
      blocked.add(measureOfField(field));
      stillOpen.push({ field, mine: mine[field] ?? '', theirs });
    }
  }

  const outcome = await saveSection(request, {
    returnId: ret.id,
    measures,
    base,
    mine,
    expectedVersion,
    blockedMeasures: blocked,
  });
  problems.push(...outcome.problems);
  const slug = slugOf(section.code);

  if ((outcome.outcome === 'saved' || outcome.outcome === 'unchanged') && problems.length === 0) {
    const savedFields = outcome.outcome === 'saved' ? { ...base, ...outcome.fields } : base;
    if (intent !== 'continue') {
      const savedAt = outcome.outcome === 'saved' ? outcome.savedAt : '';
      return redirect(`/returns/${ret.id}/sections/${slug}${savedAt ? `?saved=${encodeURIComponent(savedAt)}` : ''}`);
    }
    // Save and continue: every question answered (0 is an answer; a blank needs a reason).
    const unanswered = measures.flatMap((m) => measureProblems(m, savedFields, { requireAnswers: true }));
    if (unanswered.length === 0) return redirect(`/returns/${ret.id}`);
    return json<ActionAnswer>(
      {
        stamp: Date.now(),
        errors: unanswered,
        values: mine,
        base: savedFields,
        version: outcome.version,
        conflicts: [],
        status: outcome.outcome === 'saved' ? `Saved at ${outcome.savedAt}, but some questions have no answer yet.` : '',
      },
      { status: 400 },
    );
  }

  let answer: ActionAnswer;
  switch (outcome.outcome) {
    case 'conflict': {
      const merge = mergeFields(base, mine, outcome.fields);
      answer = {
        stamp: Date.now(),
        errors: [
          ...outcome.conflicts.map((c) => ({
            field: `choose--${c.field}`,
            message: 'This answer was changed somewhere else while you were editing: choose which to keep',
          })),
          ...problems,
        ],
        values: merge.merged,
        base: outcome.fields,
        version: outcome.version,
        conflicts: outcome.conflicts,
        status: 'Not saved: someone else (or another tab) changed the same answers meanwhile. Your changes are still here.',
      };
      break;
    }
    case 'refused':
      answer = {
        stamp: Date.now(),
        errors: problems.length
          ? problems
          : [
              {
                field: measures[0] ? fieldIdsOf(measures[0])[0]! : 'form',
                message: outcome.message,
              },
            ],
        values: mine,
        base,
        version: expectedVersion,
        conflicts: stillOpen,
        status: `Not saved: ${outcome.message.replace(/\.$/, '')}. Your changes are still here.`,
      };
      break;
    default: {
      // Saved (or nothing to save) but some answers could not be: they stay on the page with their messages.
      const saved = outcome.outcome === 'saved';
      const latest = saved ? { ...base, ...outcome.fields } : base;
      answer = {
        stamp: Date.now(),
        errors: problems,
        values: mine,
        base: latest,
        version: outcome.version,
        conflicts: stillOpen,
        status: `${saved ? `Saved at ${outcome.savedAt}, except` : 'Not saved:'} the answers with a problem. Your changes are still here.`,
      };
    }
  }
  return json(answer, { status: answer.conflicts.length ? 409 : 400 });
}

export default function ReturnSectionPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionAnswer | undefined;
  const location = useLocation();
  const matches = useMatches();
  const routeId = matches[matches.length - 1]!.id;
  const { ret, section, editable } = data;
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const returnHref = `/returns/${ret.id}`;
  const lockedWords = ret.locked ? 'The return is locked: it can only be changed with an exception from an administrator.' : null;

  return (
    <>
      <BackLink href={returnHref}>Back to the return</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`${ret.service.title}: ${ret.period.label}`}>{section.title}</PageHeading>
      {section.description ? <p className="govuk-body">{section.description}</p> : null}
      {ret.status === 'RETURNED' && ret.returnedReason ? (
        <NotificationBanner title="Returned for changes">
          <p className="govuk-body">{ret.returnedReason}</p>
        </NotificationBanner>
      ) : null}
      {editable ? (
        <>
          {data.prefilled ? (
            <InsetText>
              These answers are filled in from your {data.previousLabel} return. Check them and change anything that is different this quarter: they
              are saved as this quarter&apos;s when you save this page.
            </InsetText>
          ) : null}
          <SectionForm
            key={result?.stamp ?? `v${ret.version}`}
            section={section}
            sections={data.sections}
            allFields={data.allFields}
            initialFields={result?.values ?? data.initialFields}
            initialBase={result?.base ?? data.stored}
            initialVersion={result?.version ?? ret.version}
            initialConflicts={result?.conflicts ?? []}
            initialStatus={result?.status ?? (data.savedAt ? `Saved at ${data.savedAt}.` : '')}
            serverErrors={Object.fromEntries(errors.map((e) => [e.field, e.message]))}
            checks={data.checks}
            previousValues={data.previousValues}
            previousLabel={data.previousLabel}
            lastQuarterFields={data.lastQuarterFields}
            targets={data.targets}
            quarter={data.quarter}
            autosaveUrl={`${location.pathname}?_data=${encodeURIComponent(routeId)}`}
          />
        </>
      ) : (
        <>
          <p className="govuk-body">
            {lockedWords ??
              (ret.status === 'SUBMITTED'
                ? 'The return has been submitted: it cannot be changed unless the OPCC returns it for changes.'
                : ret.status === 'APPROVED'
                ? 'The return has been approved: it is read-only.'
                : 'You can read this return but not change it.')}
          </p>
          <SectionAnswers section={section} fields={data.stored} />
        </>
      )}
      <p className="govuk-body">
        {data.next ? (
          <>
            Next section:{' '}
            <Link className="govuk-link" to={`/returns/${ret.id}/sections/${data.next.slug}`}>
              {data.next.title}
            </Link>
            .{' '}
          </>
        ) : null}
        <Link className="govuk-link" to={returnHref}>
          Return to the list of sections
        </Link>
      </p>
    </>
  );
}
