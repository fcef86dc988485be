// Every setting the portal reads, validated once at boot with a message that says what to fix.
// Documented in the README ("Configuration"). Nothing else reads process.env directly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL connection string with a host, e.g. postgresql://user:password@db.example:5432/portal');

/** A whole number of `unit` from min to max, with a message that says so (e.g. for "-1", "12.5" or "two"). */
function wholeNumber(unit: string, min: number, max: number) {
  const message = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(5439),
  EMBEDDED_PG_DATA_DIR: z.string().default('.data/postgres'),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || value.split(',').every((secret) => secret.trim().length >= 32),
      'each secret (comma-separated, newest first) must be at least 32 characters',
    ),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // Seals two-factor secrets at rest (graphql/auth/totp-keys.ts). Unset: derived from the SESSION_SECRET.
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || value.split(',').every((key) => key.trim().length >= 32),
      'each key (comma-separated, newest first) must be at least 32 characters',
    ),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('portal-demo-password'),
  OPCC_NAME: z.string().min(1).max(120).default('Office of the Durham Police and Crime Commissioner'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(1024).default(16),
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an SMTP URL with a host, e.g. smtp://user:password@smtp.example:587')
    .optional(),
  MAIL_FROM: z
    .email('must be an e-mail address, e.g. portal@opcc.example')
    .max(320)
    .default('portal@opcc.example'),
  // Retention (graphql/jobs/retention.ts, docs/decisions/0009-retention.md).
  RETENTION_AUDIT_DETAIL_MONTHS: wholeNumber('months', 1, 1200).default(24),
  RETENTION_NARRATIVE_MONTHS: wholeNumber('months', 12, 1200).default(84),
  RETENTION_LOGIN_ATTEMPT_DAYS: wholeNumber('days', 1, 3650).default(90),
});

export type Env = z.infer<typeof EnvSchema> & { sessionSecrets: string[]; embedded: boolean };

export class EnvError extends Error {}

let cached: Env | undefined;

/** A secret generated once and kept under .data/ so sessions survive restarts on a developer's machine. */
function developmentSecret(): string {
  const file = resolve('.data/session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`The portal's configuration is not valid:\n${lines.join('\n')}\nSee "Configuration" in the README.`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new EnvError(
      'The portal\'s configuration is not valid:\n  SESSION_SECRET: required in production (at least 32 random characters; ' +
        'to rotate, put the new secret first: SESSION_SECRET=new,old)\nSee "Configuration" in the README.',
    );
  }
  const sessionSecrets = env.SESSION_SECRET
    ? env.SESSION_SECRET.split(',').map((secret) => secret.trim())
    : [developmentSecret()];
  return { ...env, sessionSecrets, embedded: !env.DATABASE_URL };
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
