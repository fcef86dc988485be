// The password policy, after the NCSC's guidance ("Password policy: updating your approach"): length matters, not
// composition. At least 12 characters (three random words fit), at most 256 (scrypt's cost grows with the input);
// no rules about digits, capitals or symbols; no expiry. Refused: passwords on a deny-list of common passwords
// (common-passwords.txt beside this file, shipped as data), the same with digits or symbols around it or with its
// spaces removed ("Password123!", "pass word"), a few characters repeated ("abcabcabcabc"), and passwords built
// from the person's email address, name or organisation, or the portal's own name, plus digits or a common word
// ("verna.fee2024", "Portal-123456").
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const PASSWORD_TOO_SHORT_MESSAGE = `Enter a password of at least ${PASSWORD_MIN} characters`;
export const PASSWORD_TOO_LONG_MESSAGE = `Password must be ${PASSWORD_MAX} characters or fewer`;
export const COMMON_PASSWORD_MESSAGE =
  'Choose a password that is harder to guess: this one is on a list of commonly used passwords';
export const REPEATED_PASSWORD_MESSAGE =
  'Choose a password that is harder to guess: do not repeat the same few characters';
export const EMAIL_PASSWORD_MESSAGE = 'Your password must not be your email address';
export const PERSONAL_PASSWORD_MESSAGE =
  'Choose a password that is harder to guess: do not base it on your name, your email address, your organisation or the portal';

/** Words anyone would guess for this portal. */
const PORTAL_WORDS = ['portal', 'opcc', 'pcc', 'police', 'commissioner', 'commissioning', 'outcomes', 'durham', 'csae'];

let common: Set<string> | undefined;

/** Where the list is: beside this module, or (inside a build, where this module is bundled) from the project root. */
function listFile(): string {
  const candidates = [
    fileURLToPath(new URL('./common-passwords.txt', import.meta.url)),
    fileURLToPath(new URL('../graphql/auth/common-passwords.txt', import.meta.url)),
    resolve('graphql/auth/common-passwords.txt'),
  ];
  const found = candidates.find((file) => existsSync(file));
  // Fail closed: without the list the policy would silently accept common passwords.
  if (!found) throw new Error(`The common passwords list is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** The deny-list, read once. */
export function commonPasswords(): Set<string> {
  if (!common) {
    const lines = readFileSync(listFile(), 'utf8').split('\n');
    common = new Set(lines.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')));
  }
  return common;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** True when the password, or an obvious variant of it, is on the deny-list. Case does not matter. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const base = fold(password).trim();
  const squashed = base.replace(/[\s._-]+/g, '');
  // "Password123!" and "!!2024summer": the letters inside digits and symbols.
  const core = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [base, squashed, core(base), core(squashed)].some((candidate) => candidate !== '' && list.has(candidate));
}

/** True when the password is one short run of characters repeated ("aaaaaaaaaaaa", "abcabcabcabc", "12341234..."). */
export function isRepeated(password: string): boolean {
  const text = fold(password);
  for (let size = 1; size <= 4; size++) {
    if (text.length >= size * 3 && text === text.slice(0, size).repeat(text.length / size)) return true;
  }
  return false;
}

export interface PasswordContext {
  email: string;
  name?: string | null;
  organisationName?: string | null;
}

const alphanumeric = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** The guessable words for this person: parts of their email address, name and organisation, and the portal's. */
function personalWords(context: PasswordContext): string[] {
  const [local = '', domain = ''] = fold(context.email).split('@');
  const words = [
    alphanumeric(local),
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...(domain.split('.')[0] ?? '').split(/[^\p{L}\p{N}]+/u),
    ...(context.name ?? '').split(/\s+/).map(alphanumeric),
    alphanumeric(context.name ?? ''),
    ...(context.organisationName ?? '').split(/\s+/).map(alphanumeric),
    alphanumeric(context.organisationName ?? ''),
    ...PORTAL_WORDS,
  ];
  // Longest first, so "vernafee" goes before "verna". Two-letter words would remove too much of a real passphrase.
  return [...new Set(words.filter((word) => word.length >= 3))].sort((a, b) => b.length - a.length);
}

/** True when what is left after taking out the person's and the portal's words is only digits, symbols or a common password. */
export function isPersonalPassword(password: string, context: PasswordContext): boolean {
  const squashed = alphanumeric(password);
  let rest = squashed;
  for (const word of personalWords(context)) rest = rest.split(word).join('');
  if (rest === squashed) return false;
  return !/\p{L}/u.test(rest) || commonPasswords().has(rest);
}

/**
 * The first rule a new password breaks, as the message to show, or null when it is acceptable. Length first, then
 * the email address, the deny-list, repetition and the person's own words.
 */
export function passwordProblem(password: string, context?: PasswordContext): string | null {
  if (password.length < PASSWORD_MIN) return PASSWORD_TOO_SHORT_MESSAGE;
  if (password.length > PASSWORD_MAX) return PASSWORD_TOO_LONG_MESSAGE;
  if (context && fold(password).trim() === fold(context.email).trim()) return EMAIL_PASSWORD_MESSAGE;
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  if (isRepeated(password)) return REPEATED_PASSWORD_MESSAGE;
  if (context && isPersonalPassword(password, context)) return PERSONAL_PASSWORD_MESSAGE;
  return null;
}
