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
