// The keys that seal two-factor secrets at rest (AES-256-GCM, graphql/auth/totp.ts), from the configuration:
// TOTP_ENCRYPTION_KEY when set (comma-separated, newest first, to rotate), otherwise the SESSION_SECRET(s), each
// through HKDF. New secrets are sealed with the first key; opening tries every key, so rotating either setting
// (new first, old kept second) does not lock anyone out. See "Configuration" in the README.
import { getEnv } from '../../app/utils/env.server';
import { deriveSecretKey, openSecret, sealSecret } from './totp';

let cached: { source: string; keys: Buffer[] } | undefined;

function keys(): Buffer[] {
  const env = getEnv();
  const material = [
    ...(env.TOTP_ENCRYPTION_KEY ? env.TOTP_ENCRYPTION_KEY.split(',').map((key) => key.trim()) : []),
    ...env.sessionSecrets,
  ];
  const source = material.join('\n');
  if (cached?.source !== source) cached = { source, keys: material.map(deriveSecretKey) };
  return cached.keys;
}

/** Seals a base32 secret for app_user.totp_secret, with the newest key. */
export function sealTotpSecret(secret: string): string {
  return sealSecret(secret, keys()[0]!);
}

/**
 * The base32 secret from app_user.totp_secret, or null when no configured key opens it (the keys were changed
 * without keeping the old one). `stale`: it was sealed with an older key and should be sealed again.
 */
export function openTotpSecret(sealed: string): { secret: string; stale: boolean } | null {
  const opened = openSecret(sealed, keys());
  return opened && { secret: opened.secret, stale: opened.keyIndex !== 0 };
}
