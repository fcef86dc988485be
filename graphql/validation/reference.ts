// One zod schema per input, shared by the API, the page's action and the browser. Every rule has a message a
// user understands.
import { z } from 'zod';
import { controlCharactersMessage, hasVisibleText, withoutControlCharacters } from './common';

export const priorityIssueCode = z
  .string()
  .trim()
  .regex(/^PI-[A-Z-]{2,36}$/, 'Enter a priority issue code like PI-ONLINE');

export const UpdatePriorityIssueSchema = z.object({
  code: priorityIssueCode,
  title: z
    .string()
    .trim()
    .min(1, 'Enter a title')
    .refine(hasVisibleText, { error: 'Enter a title', abort: true })
    .refine(withoutControlCharacters, { error: controlCharactersMessage('the title'), abort: true })
    .max(200, 'Title must be 200 characters or fewer'),
  description: z
    .string()
    .trim()
    .min(1, 'Enter a description')
    .refine(hasVisibleText, { error: 'Enter a description', abort: true })
    .refine(withoutControlCharacters, { error: controlCharactersMessage('the description'), abort: true })
    .max(2000, 'Description must be 2,000 characters or fewer'),
  expectedVersion: z.number().int().min(1, 'Version must be a whole number of 1 or more'),
});
export type UpdatePriorityIssueInput = z.infer<typeof UpdatePriorityIssueSchema>;
