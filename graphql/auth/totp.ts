// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), with node:crypto only: SHA-1, 6 digits, 30-second
// steps, one step of clock drift either way. What authenticator apps (Google Authenticator, Microsoft
// Authenticator, 1Password, ...) expect from an otpauth:// key. Pure functions: no database, no configuration.
// Secrets at rest are sealed with AES-256-GCM (sealSecret/openSecret) under a key from deriveSecretKey (HKDF); the
// key material comes from the configuration (graphql/auth/totp-keys.ts).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (clock drift, a code typed as it changed). */
export const TOTP_WINDOW = 1;
/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'PCC Commissioning Portal';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

// RFC 4648 base32, the alphabet authenticator apps use for keys.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes a base32 key as people type it: any case, spaces and hyphens ignored, padding optional. Null if invalid. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (clean === '' || !/^[A-Z2-7]+$/.test(clean)) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32 (32 characters). */
export function generateSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The key as people type it into an app: groups of 4 ("ABCD EFGH ..."). */
export function formatSecret(secret: string): string {
  return secret.replace(/\s/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}

/** RFC 4226 HOTP: the code for one counter value. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac(algorithm, key).update(message).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary =
    ((hmac[offset]! & 0x7f) << 24) | (hmac[offset + 1]! << 16) | (hmac[offset + 2]! << 8) | hmac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 "T") for a moment, in milliseconds since the epoch. */
export function timeStep(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an app shows for this secret at this moment (or for an explicit step). */
export function totpCode(secret: string, options: { now?: number; step?: number } = {}): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('Not a base32 key');
  return hotp(key, options.step ?? timeStep(options.now));
}

/** Digits only, from what a person typed ("123 456", "123-456"): null unless exactly 6 digits remain. */
export function normaliseCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code against the steps now-1, now, now+1. A step at or before `lastStep` (the last one accepted for
 * this user) is refused as a replay even when the code is right: a code works once. Compares in constant time.
 */
export function verifyCode(
  secret: string,
  code: string,
  options: { now?: number; lastStep?: number | null; window?: number } = {},
): TotpCheck {
  const key = base32Decode(secret);
  const normalised = normaliseCode(code);
  if (!key || !normalised) return { ok: false, reason: 'wrong' };
  const current = timeStep(options.now);
  const window = options.window ?? TOTP_WINDOW;
  let replayed = false;
  // Every step in the window is computed, so the time taken does not depend on which one matched.
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, Buffer.from(normalised))) {
      if (options.lastStep != null && step <= options.lastStep) replayed = true;
      else matched ??= step;
    }
  }
  if (matched !== null) return { ok: true, step: matched };
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/** The otpauth:// URI apps read (from a QR code or pasted): the key, who it is for and the parameters. */
export function otpauthUri(secret: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets at rest: AES-256-GCM. Stored as "v1.<iv>.<ciphertext>.<tag>" (base64url); fits app_user.totp_secret.
// ---------------------------------------------------------------------------------------------------------------

/** A 32-byte key from configured key material (HKDF-SHA256, with a fixed salt and purpose). */
export function deriveSecretKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'pcc-portal-totp', 'totp-secret-encryption-v1', 32));
}

export function sealSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/**
 * Opens a sealed secret with the first of `keys` that authenticates it (the newest key first, so a rotated key
 * still opens secrets sealed under the old one). Answers which key opened it; null if none did or it is malformed.
 */
export function openSecret(sealed: string, keys: readonly Buffer[]): { secret: string; keyIndex: number } | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv!.length !== 12 || tag!.length !== 16) return null;
  for (const [keyIndex, key] of keys.entries()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv!);
      decipher.setAuthTag(tag!);
      const secret = Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
      return { secret, keyIndex };
    } catch {
      // not this key
    }
  }
  return null;
}
