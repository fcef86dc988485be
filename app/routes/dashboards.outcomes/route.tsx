// Outcome trends by domain: per outcome domain, the share of children assessed whose outcome improved, quarter by
// quarter, against the services' targets. A chart (with its numbers in a table) and the full figures in a table.
// The API applies disclosure control for the Commissioner: the page shows each figure's `display` as it comes.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DashboardOutcomesQuery } from './operations.server';
import { BarChartFigure } from '~/components/charts/BarChartFigure';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { Table, pageTitle } from '~/components/ui';
import type { DashboardOutcomesPageQuery } from '~/gql/graphql';

const TITLE = 'Outcomes by domain';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(TITLE, { error: !!data && data.errors.length > 0 }) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardOutcomesQuery));
}

type Domain = DashboardOutcomesPageQuery['dashboardOutcomes']['domains'][number];
type Figures = Domain['quarters'][number];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The target in words: "60% (30 improved of 50 assessed)", or what part of it exists. */
function targetInWords(target: Figures['target']): string {
  if (!target) return 'No target';
  if (target.percentImproved !== null) return `${target.percentImproved}% (${target.improved} improved of ${target.assessed} assessed)`;
  if (target.improved !== null) return `${target.improved} improved (no assessed target)`;
  return `${target.assessed} assessed (no improved target)`;
}

/** "Over 2025/26: 76% improved (355 of 465 assessed)." or, when there is no percentage, why. */
function selectionInWords(selection: Domain['selection']): string {
  const counts = `${selection.improved.display} improved of ${selection.assessed.display} assessed`;
  if (selection.percentImproved.value !== null) {
    return `Over ${selection.label}: ${selection.percentImproved.display} improved (${counts}).`;
  }
  return `Over ${selection.label}: ${counts}; % improved: ${selection.percentImproved.display}.`;
}

function DomainFigures({ domain, period }: { domain: Domain; period: string }) {
  const name = capitalise(domain.label);
  const rows = domain.quarters;
  return (
    <section aria-labelledby={`domain-${domain.code}`} className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id={`domain-${domain.code}`}>
        {name}
      </h2>
      <p className="govuk-body">
        {selectionInWords(domain.selection)}{' '}
        {domain.selection.target ? `Target: ${targetInWords(domain.selection.target)}.` : 'No service in scope has a target for this domain.'}
      </p>
      {rows.length > 0 ? (
        <>
          <BarChartFigure
            caption={`Percentage improved against the target, ${domain.label}, by quarter`}
            categoryLabel="Quarter"
            series={[
              { key: 'improved', label: '% improved' },
              { key: 'target', label: 'Target % improved' },
            ]}
            rows={rows.map((quarter) => ({
              category: quarter.label,
              values: { improved: quarter.percentImproved.value ?? null, target: quarter.target?.percentImproved ?? null },
              cells: {
                improved: quarter.percentImproved.display,
                target: quarter.target?.percentImproved !== null && quarter.target?.percentImproved !== undefined ? `${quarter.target.percentImproved}%` : 'No target',
              },
            }))}
            note="A percentage that is hidden or not available has no bar: the table says why."
          />
          <Table
            caption={`${name}: people assessed and improved by quarter, ${period}`}
            captionSize="s"
            head={['Quarter', 'People assessed', 'People improved', '% improved', 'Target']}
            firstCellIsHeader
            numericColumns={[1, 2, 3, 4]}
            rowKeys={rows.map((quarter) => quarter.label)}
            rows={rows.map((quarter) => [
              quarter.selected ? quarter.label : `${quarter.label} (before the selection)`,
              quarter.assessed.display,
              quarter.improved.display,
              quarter.percentImproved.display,
              targetInWords(quarter.target),
            ])}
            foot={[
              `Total, ${domain.selection.label}`,
              domain.selection.assessed.display,
              domain.selection.improved.display,
              domain.selection.percentImproved.display,
              targetInWords(domain.selection.target),
            ]}
            scrollLabel={`${name}: people assessed and improved by quarter`}
          />
        </>
      ) : (
        <p className="govuk-body">No quarter in this trend has ended.</p>
      )}
    </section>
  );
}

export default function DashboardOutcomes() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const answer = data?.dashboardOutcomes ?? null;
  return (
    <DashboardLayout
      title={TITLE}
      filter={answer?.filter ?? null}
      disclosure={answer?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={
        answer ? (
          <>
            <p className="govuk-body">
              For each outcome domain, the children assessed in the counted returns and those whose outcome improved. The
              trend shows the selected quarters and the 4 quarters before them that have ended. % improved is people
              improved out of people assessed.
            </p>
            <p className="govuk-body">{answer.targetsNote}</p>
          </>
        ) : null
      }
    >
      {answer?.domains.map((domain) => <DomainFigures key={domain.code} domain={domain} period={answer.filter.label} />)}
    </DashboardLayout>
  );
}
