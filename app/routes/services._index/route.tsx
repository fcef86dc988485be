// The portfolio: every commissioned service the caller may see, filtered by a GET form (the URL holds the
// filters), sorted, paged, with the annual value of everything matching and a CSV download of it.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { PortfolioQuery } from './operations.server';
import { readParams, RISK_LABELS, SOURCE_LABELS, STATUS_LABELS } from './filters';
import { Button, PageHeading, Pagination, Select, Table, Tag, TextInput, pageTitle, type TagColour } from '~/components/ui';
import { formatDate, formatMoney } from '~/components/format/dates';
import { gql, UserInputError } from '~/utils/graphql.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.me?.role === 'PROVIDER' ? 'Your services' : 'Portfolio') },
];

export const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = readParams(url);
  try {
    const data = await gql(request, PortfolioQuery, { filter: params.filter, orderBy: params.orderBy, page: params.page, pageSize: PAGE_SIZE });
    return json({ ...data, params, query: url.searchParams.toString(), filterError: null as string | null });
  } catch (error) {
    // A filter that names something unknown (a stale shared link): say so and show everything instead.
    if (!(error instanceof UserInputError)) throw error;
    const data = await gql(request, PortfolioQuery, { filter: {}, orderBy: params.orderBy, page: 1, pageSize: PAGE_SIZE });
    return json({ ...data, params, query: '', filterError: error.message });
  }
}

export const STATUS_COLOURS: Record<string, TagColour> = { PLANNED: 'blue', ACTIVE: 'green', EXTENDED: 'turquoise', ENDED: 'grey' };
export const RISK_COLOURS: Record<string, TagColour> = { GREEN: 'green', AMBER: 'yellow', RED: 'red' };

const COLUMNS = [
  { key: 'reference', text: 'Reference' },
  { key: 'title', text: 'Title' },
  { key: 'provider', text: 'Provider' },
  { key: null, text: 'Status' },
  { key: 'endDate', text: 'Ends' },
  { key: 'annualValue', text: 'Annual value' },
  { key: null, text: 'Risk' },
] as const;

export default function Portfolio() {
  const { me, services, priorityIssues, organisations, initiatives, areas, params, query, filterError } = useLoaderData<typeof loader>();
  const location = useLocation();
  const provider = me?.role === 'PROVIDER';
  const officer = me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER';
  const search = new URLSearchParams(query);
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return `${location.pathname}${text ? `?${text}` : ''}`;
  };
  const filterValue = (name: string) => search.get(name) ?? '';
  const count = services.totalCount;
  const heading = provider ? 'Your services' : 'Portfolio';
  const csvQuery = new URLSearchParams(search);
  csvQuery.delete('page');
  const csvHref = `/services.csv${csvQuery.toString() ? `?${csvQuery}` : ''}`;

  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {filterError ? (
        <div className="govuk-inset-text">The filter in the link could not be used ({filterError}). Showing every service instead.</div>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Form method="get" role="search" aria-label="Filter services">
            <h2 className="govuk-heading-m">Filter</h2>
            <TextInput id="q" label="Reference or title contains" type="search" defaultValue={filterValue('q')} />
            <Select
              id="issue"
              label="Priority issue"
              defaultValue={filterValue('issue')}
              options={[{ value: '', text: 'Any' }, ...priorityIssues.map((issue) => ({ value: issue.code, text: issue.title }))]}
            />
            {provider ? null : (
              <Select
                id="provider"
                label="Provider"
                defaultValue={filterValue('provider')}
                options={[{ value: '', text: 'Any' }, ...organisations.map((org) => ({ value: org.id, text: org.name }))]}
              />
            )}
            <Select
              id="status"
              label="Status"
              defaultValue={filterValue('status')}
              options={[{ value: '', text: 'Any' }, ...Object.entries(STATUS_LABELS).map(([value, text]) => ({ value, text }))]}
            />
            <Select
              id="initiative"
              label="Initiative"
              defaultValue={filterValue('initiative')}
              options={[{ value: '', text: 'Any' }, ...initiatives.map((initiative) => ({ value: initiative.id, text: initiative.name }))]}
            />
            <Select
              id="area"
              label="Area"
              defaultValue={filterValue('area')}
              options={[{ value: '', text: 'Any' }, ...areas.map((area) => ({ value: area.id, text: area.name }))]}
            />
            <Select
              id="source"
              label="Funding source"
              defaultValue={filterValue('source')}
              options={[{ value: '', text: 'Any' }, ...Object.entries(SOURCE_LABELS).map(([value, text]) => ({ value, text }))]}
            />
            <Select
              id="ends"
              label="Contract ends within"
              hint="Active and extended contracts only"
              defaultValue={filterValue('ends')}
              options={[
                { value: '', text: 'Any time' },
                { value: '3', text: '3 months' },
                { value: '6', text: '6 months' },
                { value: '12', text: '12 months' },
                { value: '24', text: '24 months' },
              ]}
            />
            {params.sort !== 'reference' ? <input type="hidden" name="sort" value={params.sort} /> : null}
            {params.dir !== 'asc' ? <input type="hidden" name="dir" value={params.dir} /> : null}
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
            <p className="govuk-body">
              <Link className="govuk-link" to="/services">
                Clear filters
              </Link>
            </p>
          </Form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          <p className="govuk-body-l" id="portfolio-total" aria-live="polite">
            {count} {count === 1 ? 'service' : 'services'}, {formatMoney(services.totalAnnualValue)} a year
          </p>
          <div className="govuk-button-group">
            {officer ? <Button href="/services/new">Add a service</Button> : null}
            <a className="govuk-link" href={csvHref} download>
              Download CSV<span className="govuk-visually-hidden"> of the {count} matching services</span>
            </a>
          </div>
          {count === 0 ? (
            <p className="govuk-body">No services match these filters.</p>
          ) : (
            <Table
              scrollLabel="Services (scrolls sideways)"
              caption={`${heading}: page ${services.page} of ${services.pageCount}`}
              captionSize="s"
              firstCellIsHeader
              numericColumns={[5]}
              head={COLUMNS.map((column) =>
                column.key ? (
                  <SortLink
                    key={column.text}
                    text={column.text}
                    active={params.sort === column.key}
                    dir={params.dir}
                    href={withParams({
                      sort: column.key,
                      dir: params.sort === column.key && params.dir === 'asc' ? 'desc' : 'asc',
                      page: null,
                    })}
                  />
                ) : (
                  column.text
                ),
              )}
              rowKeys={services.nodes.map((service) => service.id)}
              rows={services.nodes.map((service) => [
                <Link key="ref" className="govuk-link" to={`/services/${service.id}`}>
                  {service.reference}
                </Link>,
                service.title,
                service.provider.name,
                <Tag key="status" colour={STATUS_COLOURS[service.status]}>
                  {STATUS_LABELS[service.status]}
                </Tag>,
                formatDate(service.endDate),
                formatMoney(service.annualValue),
                <Tag key="risk" colour={RISK_COLOURS[service.riskRating]}>
                  {RISK_LABELS[service.riskRating]}
                </Tag>,
              ])}
            />
          )}
          <Pagination page={services.page} pageCount={services.pageCount} hrefFor={(page) => withParams({ page: page === 1 ? null : String(page) })} label="Pages of services" />
        </div>
      </div>
    </>
  );
}

function SortLink({ text, active, dir, href }: { text: string; active: boolean; dir: 'asc' | 'desc'; href: string }) {
  return (
    <span aria-sort={undefined}>
      <Link className="govuk-link" to={href}>
        {text}
        <span className="govuk-visually-hidden">
          {active ? `, sorted ${dir === 'asc' ? 'ascending' : 'descending'}; sort ${dir === 'asc' ? 'descending' : 'ascending'}` : ', sort'}
        </span>
      </Link>
      {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
    </span>
  );
}
