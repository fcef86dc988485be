// The dashboards' filter: a GET form, so the URL holds the filter, it can be bookmarked and shared, and it works
// without JavaScript. The same names as the GraphQL DashboardFilter fields (filter.server.ts#readDashboardFilter).
import { Form, Link } from '@remix-run/react';
import { Button, Checkboxes, Select, type FieldError, type SelectOption } from '~/components/ui';

export interface DashboardFilterChoices {
  /** Financial years with at least one quarter ended, newest first: value "2026", text "2026/27". */
  financialYears: SelectOption[];
  /** value: area code. */
  areas: SelectOption[];
  /** value: priority issue code. */
  priorityIssues: SelectOption[];
  /** value: provider organisation id. */
  providers: SelectOption[];
  /** Officers and admins only: the Commissioner sees approved figures only. */
  canIncludeProvisional: boolean;
}

/** The form's current values, as in the URL ('' for "all"). */
export interface DashboardFilterValues {
  financialYear: string;
  quarter: string;
  areaCode: string;
  priorityIssueCode: string;
  providerId: string;
  includeProvisional: boolean;
}

export interface FilterFormProps {
  choices: DashboardFilterChoices;
  values: DashboardFilterValues;
  /** The page's own path, e.g. "/dashboards/coverage". */
  action: string;
  /** Errors from the API, shown beside their field too. */
  errors?: FieldError[];
}

const QUARTERS: SelectOption[] = [
  { value: '', text: 'Whole year' },
  { value: '1', text: 'Q1 (April to June)' },
  { value: '2', text: 'Q2 (July to September)' },
  { value: '3', text: 'Q3 (October to December)' },
  { value: '4', text: 'Q4 (January to March)' },
];

/** Keeps a value that is not in the list (e.g. typed into the URL) selectable, so the form shows what was asked. */
function withCurrent(options: SelectOption[], current: string): SelectOption[] {
  if (!current || options.some((option) => option.value === current)) return options;
  return [...options, { value: current, text: `${current} (not recognised)` }];
}

export function FilterForm({ choices, values, action, errors = [] }: FilterFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Form method="get" action={action} key={JSON.stringify(values)} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m">Filter the figures</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="financialYear"
              label="Financial year"
              options={withCurrent(choices.financialYears, values.financialYear)}
              defaultValue={values.financialYear}
              error={errorOf('financialYear')}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="quarter"
              label="Quarter"
              options={withCurrent(QUARTERS, values.quarter)}
              defaultValue={values.quarter}
              error={errorOf('quarter')}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="areaCode"
              label="Area"
              options={withCurrent([{ value: '', text: 'All areas' }, ...choices.areas], values.areaCode)}
              defaultValue={values.areaCode}
              error={errorOf('areaCode')}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              id="priorityIssueCode"
              label="Priority issue"
              options={withCurrent([{ value: '', text: 'All priority issues' }, ...choices.priorityIssues], values.priorityIssueCode)}
              defaultValue={values.priorityIssueCode}
              error={errorOf('priorityIssueCode')}
              className="govuk-!-width-full"
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="providerId"
              label="Provider"
              options={withCurrent([{ value: '', text: 'All providers' }, ...choices.providers], values.providerId)}
              defaultValue={values.providerId}
              error={errorOf('providerId')}
              className="govuk-!-width-full"
            />
          </div>
        </div>
        {choices.canIncludeProvisional ? (
          <Checkboxes
            id="includeProvisional"
            name="includeProvisional"
            legend="Returns counted"
            legendSize="s"
            small
            error={errorOf('includeProvisional')}
            defaultValues={values.includeProvisional ? ['true'] : []}
            options={[
              {
                value: 'true',
                text: 'Include provisional figures',
                hint: 'Also count returns submitted but not approved yet.',
              },
            ]}
          />
        ) : null}
        <div className="govuk-button-group">
          <Button>Apply</Button>
          <Link className="govuk-link" to={action}>
            Clear the filter
          </Link>
        </div>
    </Form>
  );
}
