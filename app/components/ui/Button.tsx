// GOV.UK button: a real <button> (submit by default), or a link styled as a button when given `href`.
import { Link } from '@remix-run/react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'inverse';

interface CommonProps {
  children: ReactNode;
  variant?: ButtonVariant;
  /** The larger "Start now" style, with its arrow. */
  isStartButton?: boolean;
  className?: string;
}

export interface ButtonProps extends CommonProps, Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'children'> {
  type?: 'submit' | 'button' | 'reset';
  href?: undefined;
}

export interface ButtonLinkProps extends CommonProps {
  /** Renders an <a role="button"> (GOV.UK's link-as-button); plain navigation, not a form submission. */
  href: string;
  /** Load a new document instead of client-side navigation (e.g. a file download or a non-Remix URL). */
  reloadDocument?: boolean;
}

export function Button(props: ButtonProps | ButtonLinkProps) {
  const { children, variant = 'primary', isStartButton = false, className } = props;
  const classes = [
    'govuk-button',
    variant !== 'primary' ? `govuk-button--${variant}` : undefined,
    isStartButton ? 'govuk-button--start' : undefined,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  const content = (
    <>
      {children}
      {isStartButton ? <StartIcon /> : null}
    </>
  );

  if (props.href !== undefined) {
    const { href, reloadDocument } = props as ButtonLinkProps;
    return (
      <Link to={href} reloadDocument={reloadDocument} role="button" draggable={false} className={classes} data-module="govuk-button">
        {content}
      </Link>
    );
  }

  const { children: _children, variant: _variant, isStartButton: _start, className: _className, type = 'submit', href: _href, ...rest } =
    props as ButtonProps;
  return (
    <button {...rest} type={type} className={classes} data-module="govuk-button">
      {content}
    </button>
  );
}

export interface ButtonGroupProps {
  children: ReactNode;
}

/** Buttons (and a secondary link) side by side, stacked on small screens. */
export function ButtonGroup({ children }: ButtonGroupProps) {
  return <div className="govuk-button-group">{children}</div>;
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}
