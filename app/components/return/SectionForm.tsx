// A section of a return as a form: its questions (MeasureField), checks run as the provider types (the one engine,
// graphql/domain/checks.ts), likely identifiers in narrative answers, autosave, and the buttons that work without
// JavaScript. Announcements go to two polite live regions: the save status, and a checks summary that only speaks
// when what it says changes, a moment after typing stops.
import { Form } from '@remix-run/react';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Button, ButtonGroup, WarningText } from '~/components/ui';
import { definitionsFrom, failuresByMeasure, identifierWarnings, runFormChecks, type CheckDefinitionData, type TargetData } from './checks';
import { MeasureField } from './MeasureField';
import { fieldId, fieldIdsOf, measureOfField, measureProblems, type Fields, type FormSection, type StoredValue } from './model';
import { useSectionAutosave, type PendingConflict } from './useSectionAutosave';

export interface SectionFormProps {
  section: FormSection;
  /** Every section of the return: checks and totals cross sections. */
  sections: FormSection[];
  /** Every field of the return as saved (other sections' figures for the checks). */
  allFields: Fields;
  initialFields: Fields;
  initialBase: Fields;
  initialVersion: number;
  initialConflicts: PendingConflict[];
  initialStatus: string;
  /** Field id -> message, from the last POST (shown beside the fields; the page's error summary lists them). */
  serverErrors: Record<string, string>;
  checks: CheckDefinitionData[];
  previousValues: StoredValue[] | null;
  previousLabel: string | null;
  lastQuarterFields: Fields | null;
  targets: TargetData[];
  quarter: number;
  autosaveUrl: string | null;
}

const LIVE_DELAY_MS = 1500;
const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

export function SectionForm(props: SectionFormProps) {
  const { section, sections, allFields, checks, previousValues, targets, quarter } = props;
  const measures = section.measures;
  const state = useSectionAutosave({
    url: props.autosaveUrl,
    measures,
    initialFields: props.initialFields,
    initialBase: props.initialBase,
    initialVersion: props.initialVersion,
    initialConflicts: props.initialConflicts,
    initialStatus: props.initialStatus,
  });
  const { fields, setField } = state;

  // Fields whose own problems show once the person has left them (not while typing "1." on the way to "1.5").
  const [visited, setVisited] = useState<Set<string>>(() => new Set());
  const deferred = useDeferredValue(fields);
  const definitions = useMemo(() => definitionsFrom(checks), [checks]);
  const results = useMemo(
    () =>
      runFormChecks({
        definitions,
        sections,
        fields: { ...allFields, ...deferred },
        previous: previousValues,
        targets,
        quarter,
      }),
    [definitions, sections, allFields, deferred, previousValues, targets, quarter],
  );
  const byMeasure = useMemo(() => failuresByMeasure(results), [results]);
  const narrative = useMemo(() => measures.filter((m) => m.unit === 'TEXT' && section.code !== 'ABOUT'), [measures, section.code]);
  const identifiers = useMemo(() => identifierWarnings(narrative, deferred), [narrative, deferred]);

  // Messages beside fields: the last POST's (until that question is changed), the last autosave's (while still
  // true), and the form's own reading of each field once the person has left it.
  const clientProblems = measures.flatMap((m) => measureProblems(m, fields));
  const changed = new Set(measures.filter((m) => fieldIdsOf(m).some((id) => !same(fields[id], props.initialFields[id]))).map((m) => m.code));
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(props.serverErrors)) {
    if (field.startsWith('choose--')) {
      if (!state.conflicts.some((c) => `choose--${c.field}` === field && c.choice)) errors[field] = message;
    } else if (!changed.has(measureOfField(field))) errors[field] = message;
  }
  for (const problem of state.problems) {
    if (clientProblems.some((p) => p.field === problem.field) || !changed.has(measureOfField(problem.field)))
      errors[problem.field] ??= problem.message;
  }
  for (const problem of clientProblems) if (visited.has(problem.field)) errors[problem.field] ??= problem.message;

  // The checks summary for screen readers: only when it changes, a moment after typing stops.
  const sectionCodes = useMemo(() => new Set(measures.map((m) => m.code)), [measures]);
  const summary = useMemo(() => {
    const here = results.filter((r) => r.status === 'failed' && r.measures.some((code) => sectionCodes.has(code)));
    const hard = here.filter((r) => r.severity === 'HARD');
    const soft = here.filter((r) => r.severity === 'SOFT' && !r.explained);
    const words = identifiers.size ? ` ${identifiers.size === 1 ? 'One answer' : `${identifiers.size} answers`} may identify someone.` : '';
    if (!hard.length && !soft.length) return words ? words.trim() : 'No checks need attention in this section.';
    return [...hard.map((r) => `Problem: ${r.message}`), ...soft.map((r) => `Check: ${r.message}`)].join(' ') + words;
  }, [results, sectionCodes, identifiers]);
  const [announced, setAnnounced] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setAnnounced((current) => (current === summary ? current : summary)), LIVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [summary]);

  const totalText = (code: string | null | undefined) => {
    if (!code) return null;
    const measure = sections.flatMap((s) => s.measures).find((m) => m.code === code);
    const id = fieldId(code);
    return {
      label: `The number of ${(measure?.label ?? code).toLowerCase()}`,
      value: (fields[id] ?? allFields[id] ?? '').trim(),
    };
  };

  return (
    <Form
      method="post"
      noValidate
      onSubmit={() => state.cancel()}
      onBlur={(event) => {
        const id = (event.target as HTMLElement).id;
        if (id && !visited.has(id)) setVisited((current) => new Set(current).add(id));
      }}
    >
      <input type="hidden" name="expectedVersion" value={state.version} />
      <input type="hidden" name="base" value={JSON.stringify(state.base)} />
      <input type="hidden" name="conflicts" value={JSON.stringify(state.conflicts.map((c) => c.field))} />
      {state.conflicts.length ? (
        <WarningText>
          Someone else (or this return open in another tab) changed some of the same answers while you were editing. Your answers are still in the
          form: for each one below, choose which to keep.
        </WarningText>
      ) : null}
      {narrative.length ? (
        <WarningText>
          Do not identify anyone: no names, dates of birth, addresses, postcodes, phone numbers, e-mail addresses, NHS numbers or school names.
        </WarningText>
      ) : null}
      {measures.map((measure, index) => (
        <div key={measure.code}>
          {index > 0 ? <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" /> : null}
          <MeasureField
            measure={measure}
            fields={fields}
            onChange={setField}
            errors={errors}
            failed={byMeasure.get(measure.code) ?? []}
            identifiers={identifiers.get(measure.code)}
            lastQuarter={
              props.lastQuarterFields && props.previousLabel
                ? {
                    label: props.previousLabel,
                    fields: props.lastQuarterFields,
                  }
                : null
            }
            targets={targets}
            quarter={quarter}
            totalText={totalText(measure.totalMeasure)}
            conflicts={state.conflicts.filter((c) => measureOfField(c.field) === measure.code)}
            onChoose={state.choose}
          />
        </div>
      ))}
      <ButtonGroup>
        <Button type="submit" name="intent" value="continue">
          Save and continue
        </Button>
        <Button type="submit" name="intent" value="draft" variant="secondary">
          Save as draft
        </Button>
      </ButtonGroup>
      <p className="govuk-body" role="status" id="save-status">
        {state.status}
      </p>
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true" id="checks-status">
        {announced}
      </div>
    </Form>
  );
}
