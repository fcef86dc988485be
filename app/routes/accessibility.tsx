// Accessibility statement, in the form of GOV.UK's sample statement. Public: signed-out users can read it.
import type { MetaFunction } from '@remix-run/node';
import { useRouteLoaderData } from '@remix-run/react';
import { SERVICE_NAME } from '~/components/layout/navigation';
import { pageTitle } from '~/components/ui/pageTitle';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction = () => [{ title: pageTitle('Accessibility statement') }];

const CONTACT_EMAIL = 'portal-team@opcc.example';

export default function AccessibilityStatement() {
  const opccName = useRouteLoaderData<typeof rootLoader>('root')?.opccName ?? 'Office of the Police and Crime Commissioner';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for the {SERVICE_NAME}</h1>

        <p className="govuk-body">
          This accessibility statement applies to the {SERVICE_NAME}. The portal is run by the {opccName}. Commissioned
          services use it to send quarterly returns, and the office uses it to review them and to report what the
          services achieved.
        </p>
        <p className="govuk-body">
          We want as many people as possible to be able to use this portal. For example, that means you should be able
          to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole portal using just a keyboard</li>
          <li>navigate most of the portal using speech recognition software</li>
          <li>listen to the portal using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>
        <p className="govuk-body">
          Every chart has a table beside it with the same figures, and no status is shown by colour alone. We have also
          made the text as simple as possible to understand.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/">
            AbilityNet
          </a>{' '}
          has advice on making your device easier to use if you have a disability.
        </p>

        <h2 className="govuk-heading-m">How accessible this portal is</h2>
        <p className="govuk-body">We know some parts of this portal are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            the API explorer, a developer tool that only OPCC policy officers and administrators can open, is
            third-party software that we have not tested for accessibility
          </li>
        </ul>

        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information on this portal in a different format, such as accessible PDF, large print, easy read,
          audio recording or braille, email the portal team at{' '}
          <a className="govuk-link" href={`mailto:${CONTACT_EMAIL}`}>
            {CONTACT_EMAIL}
          </a>
          .
        </p>
        <p className="govuk-body">We will consider your request and get back to you within 5 working days.</p>

        <h2 className="govuk-heading-m">Reporting accessibility problems with this portal</h2>
        <p className="govuk-body">
          We are always looking to improve the accessibility of this portal. If you find any problems not listed on this
          page or think we are not meeting accessibility requirements, contact the {opccName}&rsquo;s portal team at{' '}
          <a className="govuk-link" href={`mailto:${CONTACT_EMAIL}`}>
            {CONTACT_EMAIL}
          </a>
          . Tell us the web address of the page, what you were trying to do and what went wrong.
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility
          regulations&rsquo;).
        </p>
        <p className="govuk-body">
          If you are not happy with how we respond to your complaint,{' '}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">Technical information about this portal&rsquo;s accessibility</h2>
        <p className="govuk-body">
          The {opccName} is committed to making its websites accessible, in accordance with the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>

        <h3 className="govuk-heading-s">Compliance status</h3>
        <p className="govuk-body">
          This portal is partially compliant with the{' '}
          <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{' '}
          AA standard, due to the non-compliance listed below.
        </p>

        <h2 className="govuk-heading-m">Non-accessible content</h2>
        <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>

        <h3 className="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
        <p className="govuk-body">
          The API explorer is a third-party developer tool for building and checking connections to the portal. We have
          not tested it against WCAG 2.2, so it may fail some success criteria. Everything it shows is also available
          on the portal&rsquo;s own pages, which we test. If you need help with the API, contact the portal team.
        </p>

        <h2 className="govuk-heading-m">What we are doing to improve accessibility</h2>
        <p className="govuk-body">
          We check accessibility every time the portal changes (see below) and fix any failure before the change is
          released. We will review this statement when we add new features, and at least once a year.
        </p>

        <h2 className="govuk-heading-m">How we tested this portal</h2>
        <p className="govuk-body">We test the portal against the WCAG 2.2 AA standard:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            with automated accessibility scans (axe-core) in the Chromium browser on every page in the portal&rsquo;s
            test suite, which runs on every change
          </li>
          <li>
            by completing the main journeys using only a keyboard: signing in, filling in and submitting a quarterly
            return, reviewing a return, and reading the dashboards and the briefing pack
          </li>
        </ul>
        <p className="govuk-body">
          Automated scans find only some accessibility problems, so we also welcome reports from people who use the
          portal.
        </p>

        <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on 29 November 2026. It was last reviewed on 29 November 2026.
        </p>
      </div>
    </div>
  );
}
