import { describe, expect, it } from 'vitest';
import { generateRecoveryCode, parseRecoveryCode } from '../../../db/crypto/recoveryCode';

describe('recovery code', () => {
  it('is eight groups of four unambiguous characters, different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes)
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('is read back however a person types it', () => {
    const code = generateRecoveryCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseRecoveryCode(sloppy)).toBe(code);
    expect(parseRecoveryCode(code.replace(/-/g, ''))).toBe(code);
  });

  it('is not mistaken for a passphrase', () => {
    expect(parseRecoveryCode('correct horse battery staple')).toBeNull();
    expect(parseRecoveryCode('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeNull();
  });
});
