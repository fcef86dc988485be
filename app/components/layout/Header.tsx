// Generic header (not the GOV.UK header: no crown, no "GOV.UK"): the OPCC's name, the service name linking home,
// and, when signed in, who is signed in, "Your account" and a "Sign out" button that posts a real form (works
// without JavaScript).
import { Link } from '@remix-run/react';
import { SERVICE_NAME } from './navigation';

export interface HeaderUser {
  name: string;
  organisationName: string;
}

export interface HeaderProps {
  opccName: string;
  user?: HeaderUser | null;
}

export function Header({ opccName, user }: HeaderProps) {
  return (
    <header className="app-header">
      <div className="govuk-width-container app-header__container">
        <div className="app-header__brand">
          <ShieldMark />
          <div>
            <p className="app-header__organisation">{opccName}</p>
            <Link to="/" className="app-header__link app-header__service-name">
              {SERVICE_NAME}
            </Link>
          </div>
        </div>
        {user ? (
          <div className="app-header__account">
            <p className="app-header__user">
              <span className="govuk-visually-hidden">Signed in as </span>
              <span className="app-header__user-name">{user.name}</span>
              <br />
              <span className="govuk-visually-hidden">, </span>
              {user.organisationName}
            </p>
            <Link to="/account" className="app-header__link">
              Your account
            </Link>
            <form method="post" action="/sign-out" className="app-header__sign-out-form">
              <button type="submit" className="app-header__sign-out">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}

/** The portal's own mark (same shape as public/favicon.svg). Decorative: the text beside it says who we are. */
function ShieldMark() {
  return (
    <svg
      className="app-header__mark"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 36"
      width="36"
      height="40"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M16 1 30 6v11c0 8.6-5.8 15.3-14 18C7.8 32.3 2 25.6 2 17V6z"
        fill="currentColor"
        fillOpacity="0.12"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <text
        x="16"
        y="22"
        textAnchor="middle"
        fontSize="10"
        fontWeight="700"
        fill="currentColor"
        fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
      >
        PCC
      </text>
    </svg>
  );
}
