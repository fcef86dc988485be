// GOV.UK tag. The text always carries the meaning; the colour only supports it (status is never colour alone).
import type { ReactNode } from 'react';

export type TagColour =
  | 'grey'
  | 'green'
  | 'turquoise'
  | 'blue'
  | 'light-blue'
  | 'purple'
  | 'pink'
  | 'red'
  | 'orange'
  | 'yellow';

export interface TagProps {
  children: ReactNode;
  /** Omit for the default tag. */
  colour?: TagColour;
  className?: string;
}

export function Tag({ children, colour, className }: TagProps) {
  const classes = ['govuk-tag', colour ? `govuk-tag--${colour}` : undefined, className]
    .filter(Boolean)
    .join(' ');
  return <strong className={classes}>{children}</strong>;
}
