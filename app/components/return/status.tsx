// Statuses in words (never colour alone): a return's, and a section's on the return's task list.
import { Tag, type TagColour } from '~/components/ui';
import type { SectionProgress } from './model';

export const RETURN_STATUS_WORDS: Record<string, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned for changes',
  APPROVED: 'Approved',
  REOPENED: 'Reopened',
};

const RETURN_STATUS_COLOURS: Record<string, TagColour> = {
  NOT_STARTED: 'blue',
  IN_PROGRESS: 'light-blue',
  SUBMITTED: 'turquoise',
  RETURNED: 'orange',
  APPROVED: 'green',
  REOPENED: 'yellow',
};

export function ReturnStatusTag({ status }: { status: string }) {
  return <Tag colour={RETURN_STATUS_COLOURS[status] ?? 'grey'}>{RETURN_STATUS_WORDS[status] ?? status}</Tag>;
}

export const SECTION_STATUS_WORDS: Record<SectionProgress, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  HAS_PROBLEMS: 'Has problems',
};

/** GOV.UK task list statuses: "Completed" as plain text, the others as tags. */
export function SectionStatus({ progress }: { progress: SectionProgress }) {
  if (progress === 'COMPLETED') return <>{SECTION_STATUS_WORDS.COMPLETED}</>;
  const colour: TagColour = progress === 'HAS_PROBLEMS' ? 'red' : progress === 'IN_PROGRESS' ? 'light-blue' : 'blue';
  return <Tag colour={colour}>{SECTION_STATUS_WORDS[progress]}</Tag>;
}

/** True while the provider may still change the return (not submitted or approved). */
export const isOpenStatus = (status: string) => ['NOT_STARTED', 'IN_PROGRESS', 'RETURNED', 'REOPENED'].includes(status);
