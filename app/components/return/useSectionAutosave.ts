// Autosave for a section of a return, in the browser: a debounced POST of the measures that changed (each whole)
// with the version this page edits. The inputs always keep what was typed: a failed save only changes the status
// line ("Not saved: <reason>. Your changes are still here."); a conflict with a save made elsewhere brings in what
// did not collide and asks about what did. A plain form POST (Save as draft, Save and continue) does the same
// without JavaScript.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Conflict } from './merge';
import { fieldIdsOf, measureOfField, measureProblems, type FieldProblem, type Fields, type FormMeasure } from './model';

export interface PendingConflict extends Conflict {
  choice?: 'mine' | 'theirs';
}

/** What the section's action answers to an autosave. */
export type AutosaveAnswer =
  | { outcome: 'unchanged'; version: number; problems: FieldProblem[] }
  | {
      outcome: 'saved';
      version: number;
      fields: Fields;
      takenFromLatest: string[];
      savedAt: string;
      problems: FieldProblem[];
    }
  | {
      outcome: 'conflict';
      version: number;
      fields: Fields;
      conflicts: Conflict[];
      problems: FieldProblem[];
    }
  | { outcome: 'refused'; message: string; problems: FieldProblem[] };

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();
const DELAY_MS = 1200;

export interface SectionState {
  fields: Fields;
  base: Fields;
  version: number;
  conflicts: PendingConflict[];
  status: string;
  /** Problems from the last autosave, by field. */
  problems: FieldProblem[];
  setField: (id: string, value: string) => void;
  choose: (field: string, choice: 'mine' | 'theirs') => void;
  /** Stop a pending autosave (the form is being submitted). */
  cancel: () => void;
}

export function useSectionAutosave(options: {
  /** The action's data URL (…?_data=<route id>). */
  url: string | null;
  measures: FormMeasure[];
  initialFields: Fields;
  initialBase: Fields;
  initialVersion: number;
  initialConflicts: PendingConflict[];
  initialStatus: string;
}): SectionState {
  const { url, measures } = options;
  const [fields, setFields] = useState<Fields>(options.initialFields);
  const [base, setBase] = useState<Fields>(options.initialBase);
  const [version, setVersion] = useState(options.initialVersion);
  const [conflicts, setConflicts] = useState<PendingConflict[]>(options.initialConflicts);
  const [status, setStatus] = useState(options.initialStatus);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  // The timers and the request read the latest state through refs.
  const state = useRef({ fields, base, version, conflicts });
  state.current = { fields, base, version, conflicts };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const flush = useCallback(async () => {
    timer.current = null;
    if (!url) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const { fields: now, base: was, version: editing, conflicts: open } = state.current;
    const held = new Set(open.filter((c) => !c.choice).map((c) => measureOfField(c.field)));
    const dirty = measures.filter((m) => !held.has(m.code) && fieldIdsOf(m).some((id) => !same(now[id], was[id])));
    if (dirty.length === 0) return;
    const invalid = dirty.flatMap((m) => measureProblems(m, now));
    const valid = dirty.filter((m) => measureProblems(m, now).length === 0);
    if (valid.length === 0) {
      setProblems(invalid);
      setStatus(`Not saved: ${invalid[0]!.message}. Your changes are still here.`);
      return;
    }
    const mine: Fields = {};
    for (const m of valid) for (const id of fieldIdsOf(m)) mine[id] = now[id] ?? '';
    // The whole section as this page last saw it: what changed elsewhere meanwhile is told apart from it.
    const sentBase: Fields = {};
    for (const m of measures) for (const id of fieldIdsOf(m)) sentBase[id] = was[id] ?? '';
    inFlight.current = true;
    try {
      const body = new FormData();
      body.set('intent', 'autosave');
      body.set('payload', JSON.stringify({ expectedVersion: editing, base: sentBase, mine }));
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
      });
      if (response.headers.has('X-Remix-Redirect')) {
        setStatus(
          'Not saved: you have been signed out. Sign in again in another tab, then change anything here to save. Your changes are still here.',
        );
        return;
      }
      if (!(response.headers.get('content-type') ?? '').includes('json')) throw new Error(`HTTP ${response.status}`);
      const answer = (await response.json()) as AutosaveAnswer | { message?: string };
      if (!('outcome' in answer)) throw new Error(answer.message ?? `HTTP ${response.status}`);
      const stillInvalid = [...invalid, ...answer.problems];
      setProblems(stillInvalid);
      const notSavedToo = stillInvalid.length ? ` Not saved: ${stillInvalid[0]!.message}.` : '';
      switch (answer.outcome) {
        case 'unchanged':
          setStatus(stillInvalid.length ? `Not saved: ${stillInvalid[0]!.message}. Your changes are still here.` : '');
          break;
        case 'saved': {
          setVersion(answer.version);
          const taken = answer.takenFromLatest;
          setBase((current) => {
            const next = { ...current, ...mine };
            for (const id of taken) if (id in answer.fields) next[id] = answer.fields[id]!;
            return next;
          });
          if (taken.length) {
            // Changes made elsewhere meanwhile, to fields this page had not changed: show them.
            setFields((current) => {
              const next = { ...current };
              for (const id of taken) if (id in answer.fields && same(current[id], state.current.base[id])) next[id] = answer.fields[id]!;
              return next;
            });
          }
          setConflicts((current) => current.filter((c) => !(c.choice && c.field in mine)));
          setStatus(
            `Saved at ${answer.savedAt}.${taken.length ? ' Changes saved somewhere else meanwhile are shown too.' : ''}${notSavedToo}${
              notSavedToo ? ' Your changes are still here.' : ''
            }`,
          );
          break;
        }
        case 'conflict': {
          setVersion(answer.version);
          setFields((current) => {
            const next = { ...current };
            for (const [id, value] of Object.entries(answer.fields)) if (same(current[id], state.current.base[id])) next[id] = value;
            return next;
          });
          setBase((current) => ({ ...current, ...answer.fields }));
          setConflicts((current) => [
            ...current.filter((c) => !answer.conflicts.some((n) => n.field === c.field)),
            ...answer.conflicts.map((c) => ({ ...c })),
          ]);
          setStatus(
            answer.conflicts.length
              ? 'Not saved: someone else (or another tab) changed the same answers meanwhile. Choose which to keep, on this page. Your changes are still here.'
              : 'Not saved yet: the return was changed somewhere else meanwhile. Saving again. Your changes are still here.',
          );
          if (!answer.conflicts.length) again.current = true;
          break;
        }
        case 'refused':
          setStatus(`Not saved: ${answer.message.replace(/\.$/, '')}. Your changes are still here.`);
          break;
      }
    } catch {
      setStatus('Not saved: the portal could not be reached. Your changes are still here: press Save as draft to try again.');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        timer.current = setTimeout(() => void flush(), DELAY_MS);
      }
    }
  }, [url, measures]);

  const schedule = useCallback(() => {
    if (!url) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [url, flush]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Leaving the page with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const { fields: now, base: was } = state.current;
      if (Object.keys(now).some((id) => !same(now[id], was[id])) && !inFlight.current) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const setField = useCallback(
    (id: string, value: string) => {
      setFields((current) => ({ ...current, [id]: value }));
      schedule();
    },
    [schedule],
  );

  const choose = useCallback(
    (field: string, choice: 'mine' | 'theirs') => {
      const conflict = state.current.conflicts.find((c) => c.field === field);
      if (!conflict) return;
      setConflicts((current) => current.map((c) => (c.field === field ? { ...c, choice } : c)));
      setFields((current) => ({
        ...current,
        [field]: choice === 'theirs' ? conflict.theirs : conflict.mine,
      }));
      schedule();
    },
    [schedule],
  );

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  return {
    fields,
    base,
    version,
    conflicts,
    status,
    problems,
    setField,
    choose,
    cancel,
  };
}
