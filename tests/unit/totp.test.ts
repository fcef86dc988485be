// TOTP (RFC 6238) and HOTP (RFC 4226) against the RFCs' own test vectors; base32 (RFC 4648); the window and replay
// rules; the sealing of secrets at rest (AES-256-GCM).
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  deriveSecretKey,
  formatSecret,
  generateSecret,
  hotp,
  normaliseCode,
  openSecret,
  otpauthUri,
  sealSecret,
  timeStep,
  totpCode,
  verifyCode,
  type TotpAlgorithm,
} from '../../graphql/auth/totp';

describe('HOTP (RFC 4226, appendix D)', () => {
  const key = Buffer.from('12345678901234567890', 'ascii');
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code]))('counter %i -> %s', (counter, code) => {
    expect(hotp(key, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238, appendix B: 8 digits, 30-second steps)', () => {
  const seeds: Record<TotpAlgorithm, Buffer> = {
    sha1: Buffer.from('12345678901234567890', 'ascii'),
    sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
    sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
  };
  const vectors: [number, string, TotpAlgorithm][] = [
    [59, '94287082', 'sha1'],
    [59, '46119246', 'sha256'],
    [59, '90693936', 'sha512'],
    [1111111109, '07081804', 'sha1'],
    [1111111109, '68084774', 'sha256'],
    [1111111109, '25091201', 'sha512'],
    [1111111111, '14050471', 'sha1'],
    [1111111111, '67062674', 'sha256'],
    [1111111111, '99943326', 'sha512'],
    [1234567890, '89005924', 'sha1'],
    [1234567890, '91819424', 'sha256'],
    [1234567890, '93441116', 'sha512'],
    [2000000000, '69279037', 'sha1'],
    [2000000000, '90698825', 'sha256'],
    [2000000000, '38618901', 'sha512'],
    [20000000000, '65353130', 'sha1'],
    [20000000000, '77737706', 'sha256'],
    [20000000000, '47863826', 'sha512'],
  ];
  it.each(vectors)('at %i s: %s (%s)', (seconds, code, algorithm) => {
    expect(hotp(seeds[algorithm], timeStep(seconds * 1000), 8, algorithm)).toBe(code);
  });

  it('gives the portal its 6-digit SHA-1 code: the last 6 digits of the 8-digit one', () => {
    const secret = base32Encode(seeds.sha1);
    expect(totpCode(secret, { now: 59_000 })).toBe('287082');
    expect(totpCode(secret, { now: 1111111109_000 })).toBe('081804');
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j <-> %s', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    if (encoded) expect(base32Decode(encoded)!.toString()).toBe(text);
  });

  it('reads a key as people type it, and refuses what is not base32', () => {
    expect(base32Decode('mzxw 6ytb-oi====')!.toString()).toBe('foobar');
    expect(base32Decode('MZXW1')).toBeNull();
    expect(base32Decode('')).toBeNull();
  });

  it('makes 160-bit keys, shown in groups of 4', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateSecret()).not.toBe(secret);
    expect(formatSecret('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe('ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567');
  });
});

describe('checking a code', () => {
  const secret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
  const now = 1111111111_000;
  const step = timeStep(now);

  it('accepts the current step and one either side, and nothing further', () => {
    for (const offset of [-1, 0, 1]) {
      expect(verifyCode(secret, totpCode(secret, { step: step + offset }), { now })).toEqual({ ok: true, step: step + offset });
    }
    for (const offset of [-2, 2]) {
      expect(verifyCode(secret, totpCode(secret, { step: step + offset }), { now })).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('refuses a code whose step was accepted before (a replay), and any earlier step', () => {
    const code = totpCode(secret, { step });
    expect(verifyCode(secret, code, { now, lastStep: step })).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyCode(secret, totpCode(secret, { step: step - 1 }), { now, lastStep: step })).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyCode(secret, totpCode(secret, { step: step + 1 }), { now, lastStep: step })).toEqual({ ok: true, step: step + 1 });
  });

  it('takes "123 456" and "123-456", and refuses anything but 6 digits', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(normaliseCode(' 123-456 ')).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', '12345x', '', null, undefined, 123456]) expect(normaliseCode(bad)).toBeNull();
    const code = totpCode(secret, { step });
    expect(verifyCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now }).ok).toBe(true);
    expect(verifyCode(secret, `${code}0`, { now }).ok).toBe(false);
    expect(verifyCode('not base32!', code, { now }).ok).toBe(false);
  });
});

describe('the otpauth:// URI', () => {
  it('names the issuer and account and gives the key and parameters', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'verna.fee@opcc.example', 'PCC Commissioning Portal');
    expect(uri).toBe(
      'otpauth://totp/PCC%20Commissioning%20Portal:verna.fee%40opcc.example?secret=JBSWY3DPEHPK3PXP&issuer=PCC%20Commissioning%20Portal&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('secrets at rest', () => {
  const key = deriveSecretKey('a'.repeat(32));
  const older = deriveSecretKey('b'.repeat(32));

  it('seals with AES-256-GCM (a fresh IV each time) and opens with the right key only', () => {
    const secret = generateSecret();
    const sealed = sealSecret(secret, key);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain(secret);
    expect(sealed.length).toBeLessThanOrEqual(200);
    expect(sealSecret(secret, key)).not.toBe(sealed);
    expect(openSecret(sealed, [key])).toEqual({ secret, keyIndex: 0 });
    expect(openSecret(sealed, [older])).toBeNull();
  });

  it('opens a secret sealed with an older key, and says so (rotation)', () => {
    const secret = generateSecret();
    expect(openSecret(sealSecret(secret, older), [key, older])).toEqual({ secret, keyIndex: 1 });
  });

  it('refuses a tampered or malformed value', () => {
    const sealed = sealSecret(generateSecret(), key);
    const [version, iv, ciphertext, tag] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0]! ^= 1;
    expect(openSecret([version, iv, flipped.toString('base64url'), tag].join('.'), [key])).toBeNull();
    expect(openSecret('JBSWY3DPEHPK3PXP', [key])).toBeNull();
    expect(openSecret('v1.x.y.z', [key])).toBeNull();
  });

  it('derives different keys from different material', () => {
    expect(key).toHaveLength(32);
    expect(key.equals(older)).toBe(false);
    expect(deriveSecretKey('a'.repeat(32)).equals(key)).toBe(true);
  });
});
