// GOV.UK table with a caption, column headers (scope="col") and right-aligned numeric columns.
import type { ReactNode } from 'react';

export type CaptionSize = 's' | 'm' | 'l' | 'xl';

export interface TableProps {
  /** Always give a caption: it names the table for screen reader users. Use `captionHidden` to hide it visually. */
  caption: ReactNode;
  captionSize?: CaptionSize;
  captionHidden?: boolean;
  head: ReactNode[];
  rows: ReactNode[][];
  /** Zero-based indexes of columns holding numbers: right-aligned, tabular figures. */
  numericColumns?: number[];
  /** The first cell of each row is a row header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  /** Stable keys for rows (defaults to their index). */
  rowKeys?: string[];
  /** Optional footer row, e.g. totals (first cell is a row header). */
  foot?: ReactNode[];
  className?: string;
  id?: string;
  /**
   * Wide tables scroll sideways inside their own region instead of making the page wider (WCAG 1.4.10 reflow).
   * The region is focusable so keyboard users can scroll it; give it a name.
   */
  scrollLabel?: string;
}

export function Table({
  caption,
  captionSize = 'm',
  captionHidden = false,
  head,
  rows,
  numericColumns = [],
  firstCellIsHeader = false,
  rowKeys,
  foot,
  className,
  id,
  scrollLabel,
}: TableProps) {
  const numeric = new Set(numericColumns);
  const headerNumeric = (index: number) => (numeric.has(index) ? ' govuk-table__header--numeric' : '');
  const cellNumeric = (index: number) => (numeric.has(index) ? ' govuk-table__cell--numeric' : '');
  const captionClasses = captionHidden
    ? 'govuk-table__caption govuk-visually-hidden'
    : `govuk-table__caption govuk-table__caption--${captionSize}`;

  const renderRow = (row: ReactNode[], rowHeaderFirst: boolean) =>
    row.map((cell, index) =>
      index === 0 && rowHeaderFirst ? (
        <th key={index} scope="row" className={`govuk-table__header${headerNumeric(index)}`}>
          {cell}
        </th>
      ) : (
        <td key={index} className={`govuk-table__cell${cellNumeric(index)}`}>
          {cell}
        </td>
      ),
    );

  const table = (
    <table className={['govuk-table', className].filter(Boolean).join(' ')} id={id}>
      <caption className={captionClasses}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((cell, index) => (
            <th key={index} scope="col" className={`govuk-table__header${headerNumeric(index)}`}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr key={rowKeys?.[rowIndex] ?? rowIndex} className="govuk-table__row">
            {renderRow(row, firstCellIsHeader)}
          </tr>
        ))}
      </tbody>
      {foot ? (
        <tfoot>
          <tr className="govuk-table__row">{renderRow(foot, true)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
  if (!scrollLabel) return table;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="app-table-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
      {table}
    </div>
  );
}
