// GOV.UK service navigation (govuk-service-navigation markup), items by role. Shown only when signed in.
// No menu toggle: the list is always visible, so it needs no JavaScript.
import { Link, useLocation } from '@remix-run/react';
import { currentState, navigationFor, type PortalRole } from './navigation';

export interface ServiceNavigationProps {
  role: PortalRole;
}

export function ServiceNavigation({ role }: ServiceNavigationProps) {
  const { pathname } = useLocation();
  const items = navigationFor(role);
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const current = currentState(pathname, item.href);
                // The <strong> keeps the current item distinguishable when users override colours and styles.
                const text = current ? (
                  <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                ) : (
                  item.text
                );
                return (
                  <li
                    key={item.href + item.text}
                    className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    {item.reloadDocument ? (
                      <a className="govuk-service-navigation__link" href={item.href} aria-current={current}>
                        {text}
                      </a>
                    ) : (
                      <Link className="govuk-service-navigation__link" to={item.href} aria-current={current}>
                        {text}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
