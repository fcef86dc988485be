// GOV.UK "Complete multiple tasks": a task list with a status per task. (No ui component exists for it.)
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export interface TaskListItem {
  id: string;
  title: string;
  /** No href: the task cannot be opened (e.g. "Cannot start yet"). */
  href?: string;
  hint?: ReactNode;
  status: ReactNode;
  /** Grey "Cannot start yet"-style status text. */
  statusMuted?: boolean;
}

export function TaskList({ items, idPrefix }: { items: TaskListItem[]; idPrefix: string }) {
  return (
    <ul className="govuk-task-list">
      {items.map((item) => {
        const statusId = `${idPrefix}-${item.id}-status`;
        const hintId = `${idPrefix}-${item.id}-hint`;
        return (
          <li key={item.id} className={`govuk-task-list__item${item.href ? ' govuk-task-list__item--with-link' : ''}`}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <Link className="govuk-link govuk-task-list__link" to={item.href} aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}>
                  {item.title}
                </Link>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div className={`govuk-task-list__status${item.statusMuted ? ' govuk-task-list__status--cannot-start-yet' : ''}`} id={statusId}>
              {item.status}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
