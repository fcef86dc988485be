// How dates and money read on every page: "15 January 2027", "£85,000.00".
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' (or an ISO instant) as "15 January 2027". */
export function formatDate(value: string): string {
  return DATE.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** A Money string ("85000.00") as "£85,000.00". */
export { formatPounds as formatMoney } from '../../../graphql/domain/format';
