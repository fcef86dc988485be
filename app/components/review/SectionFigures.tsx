// One section of a return for review: its figures this quarter beside the previous 4 quarters and the target, the
// provider's comments, each breakdown, the narrative answers, and a "Raise a query" link for every value.
import { Link } from '@remix-run/react';
import { Details, SummaryList, Table, Tag } from '~/components/ui';
import { RETURN_STATUS_WORDS } from './status';

export interface HistoryCellRow {
  breakdownOption: string;
  optionLabel: string;
  value?: string | null;
  comment?: string | null;
  blankReason?: string | null;
}

export interface HistoryMeasureRow {
  code: string;
  label: string;
  unit: string;
  current?: string | null;
  comment?: string | null;
  blankReason?: string | null;
  previous: (string | null)[];
  quarterTarget?: string | null;
  annualTarget?: string | null;
  target?: string | null;
  targetMet?: boolean | null;
  cells: HistoryCellRow[];
}

export interface SectionRow {
  code: string;
  title: string;
  measures: HistoryMeasureRow[];
}

const UNIT_SUFFIX: Record<string, string> = { PERCENT: '%', DAYS: ' days' };

/** A figure as people read it: "£1,250.50", "87.5%", "12 days", "1,200". */
export function formatFigure(value: string | null | undefined, unit: string): string {
  if (value === null || value === undefined || value === '') return 'Blank';
  if (unit === 'TEXT') return value;
  const [whole = '', fraction] = value.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = `${negative ? '-' : ''}${unit === 'MONEY' ? '£' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
  return `${number}${UNIT_SUFFIX[unit] ?? ''}`;
}

function queryHref(returnId: string, measureCode: string, option?: string) {
  const params = new URLSearchParams({ measure: measureCode });
  if (option) params.set('option', option);
  return `/review/${returnId}/query?${params.toString()}`;
}

function RaiseQuery({ returnId, measureCode, option, about }: { returnId: string; measureCode: string; option?: string; about: string }) {
  return (
    <Link className="govuk-link" to={queryHref(returnId, measureCode, option)}>
      Raise a query<span className="govuk-visually-hidden"> about {about}</span>
    </Link>
  );
}

function Comment({ comment, blankReason }: { comment?: string | null; blankReason?: string | null }) {
  if (!comment && !blankReason) return <>None</>;
  return (
    <>
      {blankReason ? <span className="govuk-!-display-block">Blank because: {blankReason}</span> : null}
      {comment ? (
        <span className="govuk-!-display-block" style={{ whiteSpace: 'pre-wrap' }}>
          {comment}
        </span>
      ) : null}
    </>
  );
}

function Target({ measure }: { measure: HistoryMeasureRow }) {
  if (!measure.target) return <>None set</>;
  return (
    <>
      {formatFigure(measure.target, measure.unit)}
      {!measure.quarterTarget && measure.annualTarget && measure.annualTarget !== measure.target ? (
        <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
          a quarter of {formatFigure(measure.annualTarget, measure.unit)} for the year
        </span>
      ) : null}
      {measure.targetMet === true ? (
        <span className="govuk-!-display-block">
          <Tag colour="green">Met</Tag>
        </span>
      ) : measure.targetMet === false ? (
        <span className="govuk-!-display-block">
          <Tag colour="red">Missed</Tag>
        </span>
      ) : null}
    </>
  );
}

export function SectionFigures({
  returnId,
  section,
  periods,
  periodLabel,
  allowQueries,
}: {
  returnId: string;
  section: SectionRow;
  periods: { label: string; status?: string | null }[];
  periodLabel: string;
  allowQueries: boolean;
}) {
  const numeric = section.measures.filter((measure) => measure.unit !== 'TEXT');
  const text = section.measures.filter((measure) => measure.unit === 'TEXT');
  const withBreakdown = numeric.filter((measure) => measure.cells.length > 0);
  const head = [
    'Measure',
    ...periods.map((period) => (
      <span key={period.label}>
        {period.label}
        <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
          {period.status ? RETURN_STATUS_WORDS[period.status] ?? period.status : 'No return'}
        </span>
      </span>
    )),
    <span key="current">
      {periodLabel}
      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">This return</span>
    </span>,
    'Target',
    "Provider's comment",
    ...(allowQueries ? ['Query'] : []),
  ];
  return (
    <section aria-labelledby={`section-${section.code}`} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={`section-${section.code}`}>
        {section.title}
      </h2>
      {numeric.length ? (
        <Table
          caption={`${section.title}: ${periodLabel} beside the previous 4 quarters and the target`}
          captionSize="s"
          scrollLabel={`${section.title} figures`}
          head={head}
          firstCellIsHeader
          numericColumns={[1, 2, 3, 4, 5, 6]}
          rowKeys={numeric.map((measure) => measure.code)}
          rows={numeric.map((measure) => [
            measure.label,
            ...measure.previous.map((value) => formatFigure(value, measure.unit)),
            <strong key="current">{formatFigure(measure.current, measure.unit)}</strong>,
            <Target key="target" measure={measure} />,
            <Comment key="comment" comment={measure.comment} blankReason={measure.blankReason} />,
            ...(allowQueries ? [<RaiseQuery key="query" returnId={returnId} measureCode={measure.code} about={measure.label} />] : []),
          ])}
        />
      ) : null}
      {withBreakdown.map((measure) => (
        <Details key={measure.code} summary={`Breakdown: ${measure.label}`}>
          <Table
            caption={`${measure.label}, ${periodLabel}, by option`}
            captionSize="s"
            head={['Option', 'This return', "Provider's comment", ...(allowQueries ? ['Query'] : [])]}
            firstCellIsHeader
            numericColumns={[1]}
            rowKeys={measure.cells.map((cell) => cell.breakdownOption)}
            rows={measure.cells.map((cell) => [
              cell.optionLabel,
              formatFigure(cell.value, measure.unit),
              <Comment key="comment" comment={cell.comment} blankReason={cell.blankReason} />,
              ...(allowQueries
                ? [
                    <RaiseQuery
                      key="query"
                      returnId={returnId}
                      measureCode={measure.code}
                      option={cell.breakdownOption}
                      about={`${measure.label} (${cell.optionLabel})`}
                    />,
                  ]
                : []),
            ])}
          />
        </Details>
      ))}
      {text.length ? (
        <SummaryList
          rows={text.map((measure) => ({
            key: measure.label,
            value: (
              <>
                <span style={{ whiteSpace: 'pre-wrap' }}>{measure.current ?? 'Blank'}</span>
                {measure.comment || measure.blankReason ? (
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-top-2">
                    Comment: <Comment comment={measure.comment} blankReason={measure.blankReason} />
                  </span>
                ) : null}
              </>
            ),
            ...(allowQueries
              ? { action: { href: queryHref(returnId, measure.code), text: 'Raise a query', visuallyHiddenText: `about ${measure.label}` } }
              : {}),
          }))}
        />
      ) : null}
    </section>
  );
}
