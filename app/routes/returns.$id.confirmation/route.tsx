// After submitting: a GOV.UK confirmation panel with the return's reference (service reference, financial year and
// quarter, and the number of the version frozen at submission) and what happens next.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ConfirmationQuery } from './operations.server';
import { Panel, SummaryList, pageTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { returnReference } from '~/components/return/model';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Return submitted') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const { performanceReturn: ret } = await gql(request, ConfirmationQuery, {
    id: params.id ?? '',
  });
  if (!ret) throw new Response('Not Found', { status: 404 });
  if (ret.status !== 'SUBMITTED') throw redirect(`/returns/${ret.id}`);
  const version = [...ret.versions].reverse().find((v) => v.status === 'SUBMITTED');
  return json({
    ret,
    reference: returnReference(ret.service.reference, ret.period.financialYear, ret.period.quarter, version?.number ?? 1),
  });
}

export default function ConfirmationPage() {
  const { ret, reference } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Return submitted">
          Your reference
          <br />
          <strong>{reference}</strong>
        </Panel>
        <SummaryList
          rows={[
            {
              key: 'Service',
              value: `${ret.service.title} (${ret.service.reference})`,
            },
            { key: 'Reporting period', value: ret.period.label },
            {
              key: 'Submitted',
              value: ret.submittedAt ? `${formatDate(ret.submittedAt)}${ret.submittedBy ? ` by ${ret.submittedBy}` : ''}` : 'Just now',
            },
            { key: 'Declared by', value: ret.declarationName ?? '' },
          ]}
        />
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">A policy and commissioning officer at the OPCC will review the return. You do not need to do anything else now.</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>If the figures are accepted, the return is approved and becomes read-only.</li>
          <li>
            If something needs changing, the officer returns it to you with the reason: you will get a notification, and the return shows the reason
            in Returns. Make the changes and submit it again.
          </li>
          <li>
            The officer may also ask about a single figure. Answer in{' '}
            <Link className="govuk-link" to={`/queries?returnId=${ret.id}`}>
              Queries
            </Link>
            .
          </li>
        </ul>
        <p className="govuk-body">Quote your reference if you contact the OPCC about this return.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/returns/${ret.id}`}>
            View the submitted return
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/returns">
            Back to all returns
          </Link>
        </p>
      </div>
    </div>
  );
}
