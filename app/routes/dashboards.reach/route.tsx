// Reach: new service users by age band (the published bands), by gender and by ethnicity, one protected
// characteristic per table, each with its total and footnote. The API applies disclosure control for the
// Commissioner (each table and its total on its own): the page shows each figure's `display` as it comes.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DashboardReachQuery } from './operations.server';
import { BarChartFigure } from '~/components/charts/BarChartFigure';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { pageTitle } from '~/components/ui';
import type { ReachTableFieldsFragment } from '~/gql/graphql';

const TITLE = 'Reach: who the services supported';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(TITLE, { error: !!data && data.errors.length > 0 }) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardReachQuery));
}

function ReachFigures({ table }: { table: ReachTableFieldsFragment }) {
  const id = `reach-${table.characteristic.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id={id}>
        By {table.characteristic.toLowerCase()}
      </h2>
      <BarChartFigure
        caption={table.title}
        categoryLabel={table.characteristic}
        series={[{ key: 'count', label: 'New service users' }]}
        rows={table.rows.map((row) => ({
          category: row.label,
          values: { count: row.count.value ?? null },
          cells: { count: row.count.display },
        }))}
        note={
          <>
            <strong>Total new service users: {table.total.display}.</strong>
            {table.rows.some((row) => row.count.suppressed) ? ' A group of fewer than 8 people has no bar.' : null}
            {table.disclosure ? ` ${table.disclosure}` : table.footnote ? ` ${table.footnote}` : null}
          </>
        }
      />
    </section>
  );
}

export default function DashboardReach() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const answer = data?.dashboardReach ?? null;
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
          <p className="govuk-body">
            New service users in the counted returns, by one protected characteristic at a time. Ages are grouped into
            the published bands (under 13, 13 to 17, 18 and over, not known); ethnicity uses the 2021 Census high-level
            groups. Each table and its total are worked out on their own.
          </p>
        ) : null
      }
    >
      {answer ? (
        <>
          <ReachFigures table={answer.byAge} />
          <ReachFigures table={answer.byGender} />
          <ReachFigures table={answer.byEthnicity} />
        </>
      ) : null}
    </DashboardLayout>
  );
}
