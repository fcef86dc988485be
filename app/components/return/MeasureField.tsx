// One question of a return: a single figure, a breakdown grid (a table whose every input is labelled by its row and
// column), or a text. Beside it: last quarter and the target, a reason for blanks, a comment, the checks that fail
// as the provider types, and likely identifiers in narrative text. Controlled by the section form.
import type { ChangeEvent, ReactNode } from 'react';
import { Details, ErrorMessage, InsetText, Radios, Select, Table, TextInput, Textarea, WarningText } from '~/components/ui';
import type { CheckResult, IdentifierWarning, TargetData } from './checks';
import type { Conflict } from './merge';
import { cellsOf, commentId, formatFigure, isText, parseCell, reasonId, type Cell, type Fields, type FormMeasure } from './model';

export interface MeasureFieldProps {
  measure: FormMeasure;
  fields: Fields;
  onChange: (id: string, value: string) => void;
  /** Field id -> message. */
  errors: Record<string, string>;
  /** Failed checks about this measure. */
  failed: CheckResult[];
  identifiers?: IdentifierWarning[];
  lastQuarter: { label: string; fields: Fields } | null;
  targets: TargetData[];
  quarter: number;
  /** The current text of the measure holding a breakdown-only measure's total (e.g. new service users). */
  totalText?: { label: string; value: string } | null;
  conflicts: Conflict[];
  onChoose: (field: string, choice: 'mine' | 'theirs') => void;
}

/**
 * The reasons a provider may pick for leaving a figure blank (the API takes any text; a reason saved earlier that is
 * not in the list is offered too). Here rather than from graphql/validation/return.ts, whose zod schemas would come
 * with it into the browser.
 */
const BLANK_REASONS = [
  'Not recorded in our case system',
  'Not applicable to this service',
  'Not available this quarter',
] as const;

const inputMode = (unit: string) => (unit === 'COUNT' || unit === 'DAYS' ? 'numeric' : 'decimal');

const prefixOf = (unit: string) => (unit === 'MONEY' ? '£' : undefined);
const suffixOf = (unit: string) => (unit === 'PERCENT' ? '%' : unit === 'DAYS' ? 'days' : undefined);

/** An input inside a grid's cell: a visually hidden label naming its row and column, and its own error. */
function CellInput({
  cell,
  unit,
  value,
  onChange,
  error,
  describedBy,
}: {
  cell: Cell;
  unit: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string;
  describedBy?: string;
}) {
  const ids = [describedBy, error ? `${cell.id}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      className={`govuk-input govuk-input--width-5 app-tabular-numbers${error ? ' govuk-input--error' : ''}`}
      id={cell.id}
      name={cell.id}
      type="text"
      inputMode={inputMode(unit)}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={onChange}
      aria-describedby={ids}
      aria-invalid={error ? true : undefined}
    />
  );
  const prefix = prefixOf(unit);
  return (
    <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-visually-hidden" htmlFor={cell.id}>
        {cell.label}
      </label>
      {error ? <ErrorMessage id={`${cell.id}-error`}>{error}</ErrorMessage> : null}
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

function sumOf(measure: FormMeasure, cells: Cell[], fields: Fields): { sum: string; any: boolean } {
  let pence = 0;
  let any = false;
  for (const cell of cells) {
    const parsed = parseCell(measure, cell, fields[cell.id] ?? '');
    if (parsed.ok && parsed.value !== null) {
      any = true;
      pence += Math.round(Number(parsed.value) * 100);
    }
  }
  return {
    sum: formatFigure(measure.unit, (pence / 100).toFixed(measure.unit === 'MONEY' ? 2 : pence % 100 === 0 ? 0 : 2)) ?? '0',
    any,
  };
}

function targetWords(measure: FormMeasure, targets: TargetData[], quarter: number): string | null {
  const quarterly = targets.find((t) => t.measureCode === measure.code && t.quarter === quarter);
  if (quarterly) return `Target for this quarter: ${formatFigure(measure.unit, quarterly.value)}.`;
  const annual = targets.find((t) => t.measureCode === measure.code && t.quarter === 0);
  if (!annual) return null;
  const perQuarter = measure.unit === 'COUNT' || measure.unit === 'MONEY';
  return perQuarter
    ? `Target for the year: ${formatFigure(measure.unit, annual.value)} (a quarter of it each quarter).`
    : `Target: ${formatFigure(measure.unit, annual.value)}.`;
}

export function MeasureField(props: MeasureFieldProps) {
  const { measure, fields, onChange, errors, failed, identifiers = [], lastQuarter, targets, quarter, totalText, conflicts, onChoose } = props;
  const cells = cellsOf(measure);
  const primary = measure.breakdown?.options ?? [];
  const secondary = measure.secondaryBreakdown?.options ?? [];
  const change = (id: string) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(id, event.target.value);
  const checksId = `checks--${measure.code}`;
  const identifiersId = `identifiers--${measure.code}`;
  const describedBy = [failed.length ? checksId : undefined, identifiers.length ? identifiersId : undefined].filter(Boolean).join(' ') || undefined;

  const blanks = cells.filter((cell) => (fields[cell.id] ?? '').trim() === '').length;
  const reason = fields[reasonId(measure.code)] ?? '';
  const comment = fields[commentId(measure.code)] ?? '';
  const softUnexplained = failed.some((r) => r.severity === 'SOFT' && !r.explained && r.explainedBy === measure.code);

  const last = lastQuarter ? cells[0] && formatFigure(measure.unit, lastQuarter.fields[cells[0].id]) : null;
  const hintParts: ReactNode[] = [];
  if (measure.helpText) hintParts.push(measure.helpText);
  if (lastQuarter && !isText(measure)) {
    hintParts.push(
      last !== null && last !== undefined
        ? `Last quarter (${lastQuarter.label}): ${last}${
            cells[0]?.key ? ' (first figure)' : measure.breakdown && !measure.totalMeasure ? ' in total' : ''
          }.`
        : `Last quarter (${lastQuarter.label}): no figure.`,
    );
  }
  const target = targetWords(measure, targets, quarter);
  if (target) hintParts.push(target);
  const hint = hintParts.length
    ? hintParts.map((part, index) => (
        <span key={index}>
          {index ? ' ' : ''}
          {part}
        </span>
      ))
    : undefined;

  const checkMessages = failed.length ? (
    <div id={checksId}>
      {failed.map((result) =>
        result.severity === 'HARD' ? (
          <ErrorMessage key={result.code} id={`${checksId}-${result.code}`}>
            {result.message} You cannot submit the return until this is put right.
          </ErrorMessage>
        ) : (
          <InsetText key={result.code}>
            <strong>Check:</strong> {result.message}{' '}
            {result.explainedBy === measure.code
              ? result.explained
                ? 'You have explained this in the comment.'
                : 'Explain this in the comment.'
              : null}
          </InsetText>
        ),
      )}
    </div>
  ) : null;

  let body: ReactNode;
  if (isText(measure)) {
    const cell = cells[0]!;
    body = (
      <Textarea
        id={cell.id}
        label={measure.label}
        labelSize="m"
        hint={hint}
        rows={6}
        value={fields[cell.id] ?? ''}
        onChange={change(cell.id)}
        error={errors[cell.id]}
        aria-describedby={describedBy}
      />
    );
  } else if (primary.length === 0) {
    const cell = cells[0]!;
    body = (
      <TextInput
        id={cell.id}
        label={measure.label}
        labelSize="m"
        hint={hint}
        width="10"
        inputMode={inputMode(measure.unit)}
        spellCheck={false}
        autoComplete="off"
        prefix={prefixOf(measure.unit)}
        suffix={suffixOf(measure.unit)}
        className="app-tabular-numbers"
        value={fields[cell.id] ?? ''}
        onChange={change(cell.id)}
        error={errors[cell.id]}
        aria-describedby={describedBy}
      />
    );
  } else {
    const total = cells.find((c) => c.key === '');
    const parts = cells.filter((c) => c.key !== '');
    const { sum, any } = sumOf(measure, parts, fields);
    const totalFigure = total ? formatFigure(measure.unit, fields[total.id]) : totalText ? formatFigure(measure.unit, totalText.value) : null;
    const cellProps = (cell: Cell) => ({
      cell,
      unit: measure.unit,
      value: fields[cell.id] ?? '',
      onChange: change(cell.id),
      error: errors[cell.id],
      describedBy,
    });
    const table =
      secondary.length === 0 ? (
        <Table
          caption={measure.label}
          captionHidden
          firstCellIsHeader
          head={[measure.breakdown!.label, 'Figure']}
          rowKeys={cells.map((c) => c.id)}
          rows={[
            ...(total ? [['Total', <CellInput key={total.id} {...cellProps(total)} />]] : []),
            ...parts.map((cell) => [cell.row, <CellInput key={cell.id} {...cellProps(cell)} />]),
          ]}
        />
      ) : (
        <Table
          caption={measure.label}
          captionHidden
          firstCellIsHeader
          scrollLabel={measure.label}
          head={[
            `${measure.breakdown!.label} (rows) by ${measure.secondaryBreakdown!.label.toLowerCase()} (columns)`,
            ...secondary.map((o) => o.label),
          ]}
          rowKeys={primary.map((o) => o.code)}
          rows={primary.map((a) => [
            a.label,
            ...secondary.map((b) => {
              const cell = parts.find((c) => c.key === `${a.code}|${b.code}`)!;
              return <CellInput key={cell.id} {...cellProps(cell)} />;
            }),
          ])}
        />
      );
    body = (
      <div className={`govuk-form-group${cells.some((c) => errors[c.id]) ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={hint ? `${measure.code}-hint` : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">{measure.label}</h2>
          </legend>
          {hint ? (
            <div id={`${measure.code}-hint`} className="govuk-hint">
              {hint}
            </div>
          ) : null}
          {table}
          <p className="govuk-body-s" id={`${measure.code}-sum`}>
            {any ? `The figures${total ? ' below the total' : ''} add up to ${sum}.` : 'No figures entered yet.'}{' '}
            {totalFigure !== null && totalFigure !== undefined
              ? `${total ? 'The total' : totalText!.label} is ${totalFigure}.`
              : total || totalText
              ? `${total ? 'The total' : totalText!.label} is not filled in yet.`
              : null}
          </p>
        </fieldset>
      </div>
    );
  }

  const reasonOptions = [
    { value: '', text: 'Choose a reason' },
    ...BLANK_REASONS.map((text) => ({ value: text, text })),
    ...(reason && !(BLANK_REASONS as readonly string[]).includes(reason) ? [{ value: reason, text: reason }] : []),
  ];

  return (
    <div id={`measure--${measure.code}`}>
      {conflicts.length ? (
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- catches the radios' change events
        <div
          onChange={(event) => {
            const target = event.target as HTMLInputElement;
            const match = /^choose--(.+)$/.exec(target.name);
            if (match && target.checked) onChoose(match[1]!, target.value as 'mine' | 'theirs');
          }}
        >
          {conflicts.map((conflict) => {
            const cell = cells.find((c) => c.id === conflict.field);
            const what = conflict.field.startsWith('comment--')
              ? `Your comment on ${measure.label}`
              : conflict.field.startsWith('reason--')
              ? `The reason for blanks in ${measure.label}`
              : cell?.label ?? measure.label;
            return (
              <div key={conflict.field}>
                <input type="hidden" name={`theirs--${conflict.field}`} value={conflict.theirs} />
                <Radios
                  id={`choose--${conflict.field}`}
                  name={`choose--${conflict.field}`}
                  legend={`${what} was changed somewhere else while you were editing it`}
                  legendSize="s"
                  hint="Choose the answer to keep."
                  error={errors[`choose--${conflict.field}`]}
                  options={[
                    {
                      value: 'mine',
                      text: `Keep yours: ${conflict.mine.trim() || '(blank)'}`,
                    },
                    {
                      value: 'theirs',
                      text: `Use the saved one: ${conflict.theirs.trim() || '(blank)'}`,
                    },
                  ]}
                />
              </div>
            );
          })}
        </div>
      ) : null}
      {body}
      {identifiers.length ? (
        <div id={identifiersId}>
          <WarningText>This may identify someone. Check {identifiers.length === 1 ? 'this' : 'these'} before you submit:</WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {identifiers.map((warning) => (
              <li key={`${warning.kind}-${warning.start}`}>{warning.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {checkMessages}
      {measure.required ? (
        <Details
          open={reason !== '' || !!errors[reasonId(measure.code)]}
          summary={cells.length === 1 ? `Cannot give ${isText(measure) ? 'an answer' : 'a figure'}?` : 'Cannot give some of these figures?'}
        >
          <Select
            id={reasonId(measure.code)}
            label={cells.length === 1 ? `Why is ${isText(measure) ? 'the answer' : 'the figure'} blank?` : 'Why are some figures blank?'}
            hint={`Leave ${cells.length === 1 ? 'it' : 'them'} blank and choose a reason. Where there were none, enter 0 instead: 0 is a figure.${
              blanks > 0 && cells.length > 1 ? ` ${blanks === 1 ? '1 figure is' : `${blanks} figures are`} blank now.` : ''
            }`}
            options={reasonOptions}
            value={reason}
            onChange={change(reasonId(measure.code))}
            error={errors[reasonId(measure.code)]}
          />
        </Details>
      ) : null}
      {isText(measure) ? null : (
        <Details
          open={comment !== '' || softUnexplained || !!errors[commentId(measure.code)]}
          summary={`Add a comment on ${lowerFirst(measure.label)}`}
        >
          <Textarea
            id={commentId(measure.code)}
            label="Comment (optional)"
            hint={
              softUnexplained
                ? 'A check needs an explanation: say what happened.'
                : 'Explain anything unusual, for example a big change since last quarter.'
            }
            rows={3}
            value={comment}
            onChange={change(commentId(measure.code))}
            error={errors[commentId(measure.code)]}
          />
        </Details>
      )}
    </div>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
