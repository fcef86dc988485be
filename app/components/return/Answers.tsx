// A section's answers as a GOV.UK summary list: for "Check your answers", and for returns that can no longer be
// changed (submitted, approved or locked). Blank figures show their reason; unanswered questions say so.
import type { ReactNode } from 'react';
import { SummaryList, type SummaryListAction } from '~/components/ui';
import { cellsOf, commentId, formatFigure, isText, measureAnswered, reasonId, type Fields, type FormMeasure, type FormSection } from './model';

function answerOf(measure: FormMeasure, fields: Fields): ReactNode {
  const cells = cellsOf(measure);
  const filled = cells.filter((cell) => (fields[cell.id] ?? '').trim() !== '');
  const reason = (fields[reasonId(measure.code)] ?? '').trim();
  const comment = (fields[commentId(measure.code)] ?? '').trim();
  const parts: ReactNode[] = [];
  if (filled.length === 0) {
    parts.push(
      <p key="none" className="govuk-body govuk-!-margin-bottom-1">
        {reason ? `Left blank: ${reason}` : measure.required ? 'Not answered' : 'Left empty'}
      </p>,
    );
  } else if (isText(measure)) {
    parts.push(
      <p key="text" className="govuk-body govuk-!-margin-bottom-1" style={{ whiteSpace: 'pre-line' }}>
        {fields[cells[0]!.id]}
      </p>,
    );
  } else if (cells.length === 1) {
    parts.push(
      <p key="one" className="govuk-body govuk-!-margin-bottom-1">
        {formatFigure(measure.unit, fields[cells[0]!.id])}
      </p>,
    );
  } else {
    parts.push(
      <ul key="cells" className="govuk-list govuk-!-margin-bottom-1">
        {filled.map((cell) => (
          <li key={cell.id}>
            {cell.key ? (cell.column ? `${cell.row}, ${cell.column}` : cell.row) : 'Total'}: {formatFigure(measure.unit, fields[cell.id])}
          </li>
        ))}
      </ul>,
    );
    const blanks = cells.length - filled.length;
    if (blanks > 0) {
      parts.push(
        <p key="blanks" className="govuk-body-s govuk-!-margin-bottom-1">
          {blanks === 1 ? '1 figure' : `${blanks} figures`} left blank
          {reason ? `: ${reason}` : measure.required ? ' with no reason given' : ''}.
        </p>,
      );
    }
  }
  if (comment)
    parts.push(
      <p key="comment" className="govuk-body-s govuk-!-margin-bottom-0">
        Comment: {comment}
      </p>,
    );
  return <>{parts}</>;
}

export interface SectionAnswersProps {
  section: FormSection;
  fields: Fields;
  /** The Change link of a measure (none: read-only). */
  changeHref?: (measure: FormMeasure) => string;
  /** Extra content under a measure's answer (e.g. the checks it fails). */
  extra?: (measure: FormMeasure) => ReactNode;
}

export function SectionAnswers({ section, fields, changeHref, extra }: SectionAnswersProps) {
  return (
    <SummaryList
      rows={section.measures.map((measure) => {
        const action: SummaryListAction | undefined = changeHref
          ? {
              href: changeHref(measure),
              text: 'Change',
              visuallyHiddenText: measure.label.charAt(0).toLowerCase() + measure.label.slice(1),
            }
          : undefined;
        return {
          key: measure.label,
          value: (
            <div id={`answer--${measure.code}`} tabIndex={-1} data-answered={measureAnswered(measure, fields) ? 'yes' : 'no'}>
              {answerOf(measure, fields)}
              {extra?.(measure)}
            </div>
          ),
          action,
        };
      })}
    />
  );
}
