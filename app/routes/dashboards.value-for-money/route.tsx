// Value for money: per service in scope, what the cost per person divides (actual spend, or the year's funding when
// no return reported spend), children supported, improved outcomes, cost per child and per improved outcome, with
// the total. The API applies disclosure control for the Commissioner (costs per person hidden under 8 people, else
// divided by the rounded count): the page shows each figure's `display` as it comes.
// A large force area has hundreds of services: the table shows PAGE_SIZE of them per page (GOV.UK pagination,
// `?page=` beside the filter), its total row always covers every service, and the downloads hold every row.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { DashboardValueForMoneyQuery } from './operations.server';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatMoney } from '~/components/format/dates';
import { Pagination, Table, pageTitle } from '~/components/ui';
import type { ValueForMoneyRowFieldsFragment } from '~/gql/graphql';

const TITLE = 'Value for money';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(TITLE, { error: !!data && data.errors.length > 0 }) },
];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const loaded = await loadDashboard(request, DashboardValueForMoneyQuery);
  const answer = loaded.data?.dashboardValueForMoney;
  const count = answer?.services.length ?? 0;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const asked = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  const first = (page - 1) * PAGE_SIZE;
  // Only this page's rows go to the browser (the loader data is sent again for hydration).
  const data = answer ? { dashboardValueForMoney: { ...answer, services: answer.services.slice(first, first + PAGE_SIZE) } } : null;
  return json({ ...loaded, data, paging: { page, pages, count, first: first + 1, last: Math.min(first + PAGE_SIZE, count) } });
}

const BASIS: Record<ValueForMoneyRowFieldsFragment['costBasis'], string> = {
  SPEND: 'Spend reported in returns',
  FUNDING: "The year's funding (no spend reported)",
  NONE: 'No spend or funding to use',
  MIXED: 'Spend or funding, per service',
};

/** The cost used, with its basis in words. */
function costCell(row: ValueForMoneyRowFieldsFragment) {
  if (row.costAmount === null) return BASIS.NONE;
  return (
    <>
      {formatMoney(row.costAmount)}
      <br />
      <span className="govuk-body-s">{BASIS[row.costBasis]}</span>
    </>
  );
}

const figures = (row: ValueForMoneyRowFieldsFragment) => [
  costCell(row),
  row.childrenSupported.display,
  row.improvedOutcomes.display,
  row.costPerChild.display,
  row.costPerImprovedOutcome.display,
];

export default function DashboardValueForMoney() {
  const { data, choices, values, errors, paging } = useLoaderData<typeof loader>();
  const answer = data?.dashboardValueForMoney ?? null;
  const location = useLocation();
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(location.search);
    if (page === 1) params.delete('page');
    else params.set('page', String(page));
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  const some = paging.pages > 1 ? `, services ${paging.first} to ${paging.last} of ${paging.count}` : '';
  return (
    <DashboardLayout
      title={TITLE}
      filter={answer?.filter ?? null}
      disclosure={answer?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={answer ? <p className="govuk-body">{answer.costBasisNote}</p> : null}
    >
      {answer ? (
        paging.count > 0 ? (
          <>
            <Table
              caption={`Cost per child supported and per improved outcome, by service, ${answer.filter.label}${some}`}
              captionSize="m"
              head={['Service', 'Cost used', 'Children supported', 'Improved outcomes', 'Cost per child supported', 'Cost per improved outcome']}
              firstCellIsHeader
              numericColumns={[1, 2, 3, 4, 5]}
              rowKeys={answer.services.map((row) => row.serviceId ?? row.reference ?? '')}
              rows={answer.services.map((row) => [
                <>
                  <Link className="govuk-link" to={`/services/${row.serviceId}`}>
                    {row.reference}: {row.title}
                  </Link>
                  <br />
                  <span className="govuk-body-s">{row.providerName}</span>
                </>,
                ...figures(row),
              ])}
              foot={[`Total (${paging.count} ${paging.count === 1 ? 'service' : 'services'})`, ...figures(answer.total)]}
              scrollLabel="Cost per child supported and per improved outcome, by service"
            />
            <Pagination page={paging.page} pageCount={paging.pages} hrefFor={hrefFor} label="Pages of the value for money table" />
          </>
        ) : (
          <p className="govuk-body">No service is in scope for this filter.</p>
        )
      ) : null}
    </DashboardLayout>
  );
}
