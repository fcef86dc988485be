// One way for actions to validate a form with the same zod schema the API uses, and to turn the API's
// BAD_USER_INPUT into field errors. Values the user typed always come back so nothing they typed is lost.
import type { z } from 'zod';
import type { FieldError } from '~/components/ui';
import { UserInputError } from './graphql.server';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates `input` with `schema`; one error per field (the first), with the field's name as its id. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: dedupe(parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))) };
}

/** The API refused the input: its issues as field errors ("input.title" -> "title"). */
export function fieldErrorsOf(error: UserInputError): FieldError[] {
  return dedupe(
    error.fieldErrors().map((e) => ({ field: e.field.replace(/^input\./, '') || 'form', message: e.message })),
  );
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)));
}

/** All the form's values as strings (repeated names as arrays), to give back to the form. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).map(String);
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}
