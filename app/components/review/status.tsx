// Query statuses in words, as tags (the colour only supports the words: status is never colour alone).
import { Tag, type TagColour } from '~/components/ui';

// A return's status has one wording and colour everywhere: the provider's pages define it.
export { RETURN_STATUS_WORDS, ReturnStatusTag } from '~/components/return/status';

export const QUERY_STATUS_WORDS: Record<string, string> = {
  OPEN: 'Waiting for the provider',
  ANSWERED: 'Answered',
  RESOLVED: 'Resolved',
};

const QUERY_STATUS_COLOURS: Record<string, TagColour> = { OPEN: 'orange', ANSWERED: 'blue', RESOLVED: 'green' };

export function QueryStatusTag({ status }: { status: string }) {
  return <Tag colour={QUERY_STATUS_COLOURS[status] ?? 'grey'}>{QUERY_STATUS_WORDS[status] ?? status}</Tag>;
}

/** "Referrals received, by source (Police)", "Referrals accepted", or "The whole return". */
export function fieldName(measureLabel: string | null | undefined, optionLabel: string | null | undefined): string {
  if (!measureLabel) return 'The whole return';
  return optionLabel ? `${measureLabel} (${optionLabel})` : measureLabel;
}
