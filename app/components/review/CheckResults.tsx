// The template's checks on a return, for the reviewer: SOFT checks the provider explained are highlighted with the
// comment that explains them; anything still failing is a warning; the rest is counted.
import { InsetText, Tag, WarningText } from '~/components/ui';

export interface CheckRow {
  code: string;
  severity: string;
  status: string;
  message: string;
  measures: string[];
  explained?: boolean | null;
  explainedBy?: string | null;
}

export interface MeasureWords {
  label: string;
  comment?: string | null;
}

export function CheckResults({ checks, measures }: { checks: CheckRow[]; measures: Map<string, MeasureWords> }) {
  const failed = checks.filter((check) => check.status === 'FAILED');
  const explained = failed.filter((check) => check.severity === 'SOFT' && check.explained);
  const open = failed.filter((check) => !(check.severity === 'SOFT' && check.explained));
  const passed = checks.filter((check) => check.status === 'PASSED').length;
  const skipped = checks.filter((check) => check.status === 'SKIPPED').length;
  const explainers = (check: CheckRow) =>
    (check.measures.length && check.code.startsWith('TARGET') ? check.measures : [check.explainedBy ?? check.measures[0]])
      .filter((code): code is string => !!code)
      .map((code) => ({ code, ...(measures.get(code) ?? { label: code, comment: null }) }));

  return (
    <>
      <p className="govuk-body">
        {passed} {passed === 1 ? 'check' : 'checks'} passed, {failed.length} did not pass
        {skipped ? ` and ${skipped} did not apply (a figure was blank or not part of this return)` : ''}.
      </p>
      {explained.length ? (
        <>
          <h3 className="govuk-heading-s">Explained by the provider</h3>
          {explained.map((check) => (
            <InsetText key={check.code}>
              <p className="govuk-body">
                <Tag colour="yellow">Explained</Tag> {check.message}
              </p>
              {explainers(check).map((measure) => (
                <p className="govuk-body" key={measure.code}>
                  Comment on {measure.label}: <q>{measure.comment ?? 'no comment'}</q>
                </p>
              ))}
            </InsetText>
          ))}
        </>
      ) : null}
      {open.length ? (
        <>
          <h3 className="govuk-heading-s">Not passed</h3>
          {open.map((check) => (
            <WarningText key={check.code}>
              {check.severity === 'HARD' ? 'Must be fixed' : 'Needs an explanation'}: {check.message}
            </WarningText>
          ))}
        </>
      ) : null}
    </>
  );
}
