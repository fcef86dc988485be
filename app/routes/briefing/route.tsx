// The briefing pack: the Commissioner's CSA/E briefing with live figures, laid out like the source briefing
// (../shared/briefing/csae-briefing.txt): title, topic, author, then Purpose of briefing, Background, Current issues,
// Decisions needed, Partnership involvement, Police involvement, People to meet - figures in sentences and small
// tables with captions. The dashboards' filter picks what the figures cover. "Print or save as PDF" prints the page;
// the route's own print stylesheet (./briefing.css) leaves only the document: no header, navigation, filter, footer
// or buttons, black on white, A4 margins, no page break inside an issue or a table.
//
// Who sees what is the API's: the Commissioner's figures about people are under disclosure control; officers and
// admins see exact figures, marked "not for circulation" on the page and in print, and can switch to the version for
// circulation (?forCirculation=true), which is the Commissioner's. Changing the filter goes back to the exact figures.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { PROVISIONAL_BANNER } from '~/components/dashboard/DashboardLayout';
import { FilterForm } from '~/components/dashboard/FilterForm';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatDate, formatMoney } from '~/components/format/dates';
import {
  Button,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PageHeading,
  SummaryList,
  Table,
  WarningText,
  pageTitle,
  useErrorTitle,
} from '~/components/ui';
import briefingStyles from './briefing.css';
import { BriefingPackForCirculationQuery, BriefingPackQuery } from './operations.server';

/** The h1: the source briefing's title. */
const TITLE = 'Briefing for Police and Crime Commissioner';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: briefingStyles }];

export const meta: MetaFunction = () => [{ title: pageTitle('Briefing pack') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const forCirculation = new URL(request.url).searchParams.get('forCirculation') === 'true';
  const loaded = forCirculation
    ? await loadDashboard(request, BriefingPackForCirculationQuery)
    : await loadDashboard(request, BriefingPackQuery);
  return json({ ...loaded, data: loaded.data?.briefingPack ?? null, forCirculation });
}

/** The current query string with forCirculation set (true) or removed (false). */
function withCirculation(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.set('forCirculation', 'true');
  else params.delete('forCirculation');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default function BriefingPack() {
  const { data: pack, choices, values, errors, forCirculation } = useLoaderData<typeof loader>();
  const location = useLocation();
  useErrorTitle(errors.length > 0);
  const canSeeExact = choices.canIncludeProvisional; // officers and admins

  return (
    <div className="app-briefing-page">
      <div className="app-briefing-controls">
        <ErrorSummary errors={errors} />
      </div>
      <PageHeading caption={pack ? `Briefing pack: ${pack.periodLabel}` : 'Briefing pack'}>{TITLE}</PageHeading>

      <div className="app-briefing-controls">
        {pack?.filter.provisional ? (
          <NotificationBanner title="Provisional figures">
            <p className="govuk-notification-banner__heading">{PROVISIONAL_BANNER}</p>
            {pack.filter.provisionalNote ? <p className="govuk-body">{pack.filter.provisionalNote}</p> : null}
          </NotificationBanner>
        ) : null}
        {canSeeExact && pack ? (
          pack.filter.controlled ? (
            <InsetText>
              <p className="govuk-body">
                This is the version for circulation: figures about people are under disclosure control, as the
                Commissioner sees them.
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0">
                <Link className="govuk-link" to={{ pathname: location.pathname, search: withCirculation(location.search, false) }}>
                  Show the exact figures
                </Link>
              </p>
            </InsetText>
          ) : (
            <p className="govuk-body">
              <Link className="govuk-link" to={{ pathname: location.pathname, search: withCirculation(location.search, true) }}>
                Show the version for circulation
              </Link>{' '}
              (figures about people under disclosure control, as the Commissioner sees them).
            </p>
          )
        ) : null}
        <FilterForm choices={choices} values={values} action={location.pathname} errors={errors} />
        {forCirculation && canSeeExact ? (
          <p className="govuk-body-s">Applying the filter shows the exact figures again.</p>
        ) : null}
        {pack ? (
          <div className="govuk-button-group">
            <Button type="button" variant="secondary" onClick={() => window.print()}>
              Print or save as PDF
            </Button>
          </div>
        ) : null}
      </div>

      {pack ? <BriefingDocument pack={pack} /> : <p className="govuk-body">Change the filter to see the briefing.</p>}
    </div>
  );
}

type Pack = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['data']>;

function BriefingDocument({ pack }: { pack: Pack }) {
  const year = pack.filter.financialYear;
  const yearLabel = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  return (
    <div className="app-briefing">
      <SummaryList
        rows={[
          { key: 'Topic', value: pack.topic },
          { key: 'Author', value: `${pack.author.name}, ${pack.author.role}` },
          { key: 'Date', value: formatDate(pack.preparedOn) },
          { key: 'Figures for', value: pack.periodLabel },
        ]}
      />
      {pack.exactFiguresNotice ? <WarningText iconFallbackText="Not for circulation">{pack.exactFiguresNotice}</WarningText> : null}

      <h2 className="govuk-heading-m">Purpose of briefing</h2>
      <p className="govuk-body">{pack.purpose}</p>

      <h2 className="govuk-heading-m">Background</h2>
      <p className="govuk-body">{pack.background.opening}</p>
      <p className="govuk-body">{pack.background.formsOfHarmIntroduction}</p>
      <ul className="govuk-list govuk-list--bullet">
        {pack.background.formsOfHarm.map((harm) => (
          <li key={harm}>{harm}</li>
        ))}
      </ul>
      {pack.background.paragraphs.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
      <p className="govuk-body">{pack.background.forumsSentence}</p>
      <p className="govuk-body">{pack.background.initiativesIntroduction}</p>
      <ul className="govuk-list govuk-list--bullet">
        {pack.background.initiatives.map((initiative) => (
          <li key={initiative}>{initiative}</li>
        ))}
      </ul>

      <h2 className="govuk-heading-m">Current issues</h2>
      <p className="govuk-body">{pack.headline.summary}</p>
      <Table
        caption={`The portfolio at a glance, ${pack.periodLabel}`}
        captionSize="s"
        head={['Figure', 'Value']}
        firstCellIsHeader
        numericColumns={[1]}
        rows={[
          ['Commissioned services running', pack.headline.activeServices.toLocaleString('en-GB')],
          [`Funding for ${yearLabel}`, formatMoney(pack.headline.annualInvestment)],
          [
            `Children and young people who started support, ${pack.headline.childrenSupportedPeriod}`,
            pack.headline.childrenSupported.display,
          ],
          [
            'Returns received on time',
            `${pack.headline.returnsOnTime.toLocaleString('en-GB')} of ${pack.headline.returnsExpected.toLocaleString('en-GB')} (${pack.headline.returnsOnTimePercentage.display})`,
          ],
        ]}
      />
      {pack.currentIssues.map((issue) => (
        <section className="app-briefing__issue" key={issue.code} aria-labelledby={`issue-${issue.code}`}>
          <h3 className="govuk-heading-s" id={`issue-${issue.code}`}>
            {issue.number}. {issue.title}
          </h3>
          <p className="govuk-body">{issue.description}</p>
          {issue.gap ? (
            <p className="govuk-body">
              <strong>{issue.gapStatement}.</strong>
            </p>
          ) : null}
          <p className="govuk-body">{issue.summary}</p>
          {issue.services.length > 0 ? (
            <Table
              caption={`Services addressing "${issue.title}", ${pack.periodLabel}`}
              captionSize="s"
              head={['Service', 'Provider', `Funding ${yearLabel}`]}
              numericColumns={[2]}
              rowKeys={issue.services.map((service) => service.id)}
              rows={issue.services.map((service) => [
                <Link className="govuk-link" to={`/services/${service.id}`} key={service.id}>
                  {service.reference}: {service.title}
                </Link>,
                service.providerName,
                formatMoney(service.investment),
              ])}
            />
          ) : null}
          <Table
            caption={`Children and young people who started support, by quarter: "${issue.title}"`}
            captionSize="s"
            head={['Quarter', 'Started support']}
            firstCellIsHeader
            numericColumns={[1]}
            rowKeys={issue.trend.map((quarter) => quarter.periodLabel)}
            rows={issue.trend.map((quarter) => [quarter.periodLabel, quarter.peopleSupported.display])}
          />
          <p className="govuk-body">{issue.trendStatement}</p>
        </section>
      ))}

      <h2 className="govuk-heading-m">Decisions needed</h2>
      {pack.decisionsNeeded.length === 0 ? (
        <p className="govuk-body">{pack.decisionsNeededSummary}</p>
      ) : (
        <>
          <p className="govuk-body">{pack.decisionsNeededSummary}</p>
          <ol className="govuk-list govuk-list--number app-briefing__decisions">
            {pack.decisionsNeeded.map((decision) => (
              <li key={`${decision.kind}-${decision.title}`}>
                <strong>{decision.title}.</strong> {decision.reason}
              </li>
            ))}
          </ol>
        </>
      )}

      <h2 className="govuk-heading-m">Partnership involvement</h2>
      <p className="govuk-body">{pack.partnershipInvolvement.statement}</p>
      <Table
        caption={`Partnership forums and the commissioned services working in them, ${pack.periodLabel}`}
        captionSize="s"
        head={['Forum', 'Services']}
        firstCellIsHeader
        numericColumns={[1]}
        rowKeys={pack.partnershipInvolvement.forums.map((forum) => forum.code)}
        rows={pack.partnershipInvolvement.forums.map((forum) => [forum.name, forum.services.toLocaleString('en-GB')])}
      />
      <p className="govuk-body">{pack.partnershipInvolvement.summary}</p>

      <h2 className="govuk-heading-m">Police involvement</h2>
      <p className="govuk-body">{pack.policeInvolvement.statement}</p>
      <p className="govuk-body">{pack.policeInvolvement.initiativesIntroduction}</p>
      <Table
        caption={`Initiatives and the commissioned services linked to them, ${pack.periodLabel}`}
        captionSize="s"
        head={['Initiative', 'Lead partner', 'Services']}
        firstCellIsHeader
        numericColumns={[2]}
        rowKeys={pack.policeInvolvement.initiatives.map((initiative) => initiative.id)}
        rows={pack.policeInvolvement.initiatives.map((initiative) => [
          initiative.name,
          initiative.leadPartner ?? 'Not recorded',
          initiative.services.toLocaleString('en-GB'),
        ])}
      />

      <h2 className="govuk-heading-m">People to meet</h2>
      <p className="govuk-body">{pack.peopleToMeet.standing}</p>
      <p className="govuk-body">{pack.peopleToMeet.summary}</p>
      {pack.peopleToMeet.people.length > 0 ? (
        <Table
          caption="People to meet about services that need attention"
          captionSize="s"
          head={['Name', 'Role', 'Organisation', 'Why']}
          firstCellIsHeader
          rowKeys={pack.peopleToMeet.people.map((person) => `${person.kind}-${person.name}-${person.organisationName}`)}
          rows={pack.peopleToMeet.people.map((person) => [
            person.name,
            person.role,
            person.organisationName,
            <ul className="govuk-list govuk-!-margin-bottom-0" key="reasons">
              {person.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>,
          ])}
        />
      ) : null}

      <h2 className="govuk-heading-m">About these figures</h2>
      <p className="govuk-body">{pack.provenance}</p>
      {pack.disclosure ? <p className="govuk-body">{pack.disclosure}</p> : null}
      {pack.roundingFootnote && !pack.disclosure?.includes(pack.roundingFootnote) ? (
        <p className="govuk-body">{pack.roundingFootnote}</p>
      ) : null}
      <p className="govuk-body-s">
        {pack.filter.controlled
          ? null
          : 'Figures are exact: they are for OPCC officers and must not be circulated without disclosure control. '}
        Percentages are rounded to the nearest whole percent. Money is shown to the penny.
      </p>
    </div>
  );
}
