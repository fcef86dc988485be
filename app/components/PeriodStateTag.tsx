import { Tag, type TagColour } from '~/components/ui';

const STATES: Record<string, { text: string; colour: TagColour }> = {
  UPCOMING: { text: 'Not open yet', colour: 'grey' },
  OPEN: { text: 'Open', colour: 'green' },
  OVERDUE: { text: 'Past due date', colour: 'orange' },
  LOCKED: { text: 'Locked', colour: 'red' },
};

/** A reporting period's state in words (the colour only supports the text). */
export function PeriodStateTag({ state }: { state: string }) {
  const entry = STATES[state] ?? { text: state, colour: 'grey' as const };
  return <Tag colour={entry.colour}>{entry.text}</Tag>;
}
