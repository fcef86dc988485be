// Two tabs (or two people) editing one draft: nothing is ever dropped silently. Given what this page started from
// (base), what it has now (mine) and what is saved now (latest): fields only I changed are re-applied on top of the
// latest, fields only they changed are taken from the latest, and fields we both changed to different values are
// conflicts the person chooses between. Pure: used by the section page's action and in the browser.
import type { Fields } from './model';

export interface Conflict {
  field: string;
  mine: string;
  theirs: string;
}

export interface Merge {
  /** The fields to show and save: the latest, with my changes on top (conflicting fields keep mine). */
  merged: Fields;
  /** Fields I changed (relative to base) that differ from the latest. */
  changedByMe: string[];
  /** Fields that changed elsewhere meanwhile and that I had not changed: taken from the latest. */
  takenFromLatest: string[];
  conflicts: Conflict[];
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

/** Merges `mine` (over `base`) into `latest`, for the fields in `mine`. */
export function mergeFields(base: Fields, mine: Fields, latest: Fields): Merge {
  const merged: Fields = { ...latest };
  const changedByMe: string[] = [];
  const takenFromLatest: string[] = [];
  const conflicts: Conflict[] = [];
  for (const field of Object.keys(mine)) {
    const mineChanged = !same(mine[field], base[field]);
    const theirsChanged = !same(latest[field], base[field]);
    if (mineChanged) {
      merged[field] = mine[field] ?? '';
      if (!same(mine[field], latest[field])) changedByMe.push(field);
      if (theirsChanged && !same(mine[field], latest[field])) {
        conflicts.push({
          field,
          mine: mine[field] ?? '',
          theirs: latest[field] ?? '',
        });
      }
    } else if (theirsChanged) {
      takenFromLatest.push(field);
    }
  }
  return { merged, changedByMe, takenFromLatest, conflicts };
}

/** The fields that differ between two sets (over the keys of `a`). */
export const changedFields = (a: Fields, b: Fields) => Object.keys(a).filter((key) => !same(a[key], b[key]));
