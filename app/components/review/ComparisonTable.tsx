// The differences between two states of a return, as a table: what changed, before and after, and comments.
import { Table } from '~/components/ui';
import { fieldName } from './status';

export interface ChangeRow {
  measureCode: string;
  measureLabel: string;
  sectionTitle?: string | null;
  breakdownOption: string;
  optionLabel?: string | null;
  kind: string;
  before?: string | null;
  after?: string | null;
  commentBefore?: string | null;
  commentAfter?: string | null;
  commentChanged: boolean;
}

const KIND_WORDS: Record<string, string> = {
  ADDED: 'Added',
  REMOVED: 'Removed',
  CHANGED: 'Changed',
  COMMENT: 'Comment changed',
};

function Comment({ before, after, changed }: { before?: string | null; after?: string | null; changed: boolean }) {
  if (!changed) return <>{after ? `“${after}”` : 'No comment'}</>;
  return (
    <>
      <span className="govuk-!-display-block">Before: {before ? `“${before}”` : 'no comment'}</span>
      <span className="govuk-!-display-block">After: {after ? `“${after}”` : 'no comment'}</span>
    </>
  );
}

export function ComparisonTable({
  caption,
  changes,
  noActivityChanged,
  noActivityNow,
  emptyText,
}: {
  caption: string;
  changes: ChangeRow[];
  noActivityChanged: boolean;
  noActivityNow?: boolean | null;
  emptyText: string;
}) {
  return (
    <>
      {noActivityChanged ? (
        <p className="govuk-body">
          The “no activity this quarter” declaration changed: it is now <strong>{noActivityNow ? 'declared' : 'not declared'}</strong>.
        </p>
      ) : null}
      {changes.length === 0 ? (
        <p className="govuk-body">{emptyText}</p>
      ) : (
        <Table
          caption={caption}
          captionSize="s"
          scrollLabel={caption}
          head={['Figure', 'What changed', 'Before', 'After', 'Comment']}
          firstCellIsHeader
          numericColumns={[2, 3]}
          rowKeys={changes.map((change) => `${change.measureCode}[${change.breakdownOption}]`)}
          rows={changes.map((change) => [
            <>
              {fieldName(change.measureLabel, change.optionLabel)}
              {change.sectionTitle ? (
                <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{change.sectionTitle}</span>
              ) : null}
            </>,
            KIND_WORDS[change.kind] ?? change.kind,
            change.before ?? 'Blank',
            change.after ?? 'Blank',
            <Comment key="comment" before={change.commentBefore} after={change.commentAfter} changed={change.commentChanged} />,
          ])}
        />
      )}
    </>
  );
}
