// Generic footer: support links and who runs the portal. No GOV.UK licence or crown text.
import { Link } from '@remix-run/react';

export interface FooterProps {
  opccName: string;
}

export function Footer({ opccName }: FooterProps) {
  return (
    <footer className="app-footer">
      <div className="govuk-width-container">
        <h2 className="app-footer__heading">Support links</h2>
        <ul className="app-footer__list">
          <li className="app-footer__list-item">
            <Link className="app-footer__link" to="/accessibility">
              Accessibility statement
            </Link>
          </li>
        </ul>
        <p className="app-footer__owner">
          This portal is run by the {stripLeadingThe(opccName)}.
        </p>
      </div>
    </footer>
  );
}

/** "Office of ..." reads naturally after "run by the"; a name that already starts with "The" keeps its own article. */
function stripLeadingThe(name: string): string {
  return name.replace(/^the\s+/i, '');
}
