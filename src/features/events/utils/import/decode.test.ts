import { describe, expect, it } from 'vitest';

import { decodeBytes, detectEncoding } from './decode';

// Bytes built by hand, so that the test does not trust the decoder it tests.

const CP1251: Record<string, number> = {
  ё: 0xb8,
  Ё: 0xa8,
  '№': 0xb9,
  '\u00a0': 0xa0,
  '–': 0x96,
};

function windows1251(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const byte = CP1251[char];
    if (byte === undefined) throw new Error(`No windows-1251 byte for ${char}`);
    return byte;
  });
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const unit = units.charCodeAt(i);
    const [low, high] = [unit & 0xff, unit >> 8];
    bytes[2 * i] = order === 'le' ? low : high;
    bytes[2 * i + 1] = order === 'le' ? high : low;
  }
  return bytes;
}

const utf8 = (text: string, bom = false) =>
  new Uint8Array([
    ...(bom ? [0xef, 0xbb, 0xbf] : []),
    ...new TextEncoder().encode(text),
  ]);

const statement = [
  'Дата;Описание;Сумма',
  '05.03.2025;Оплата ЖКУ, лицевой счёт № 12;-4 500,00',
  '14.03.2025;Аренда, Ёлочная 5;+45\u00a0000,00',
].join('\r\n');

describe('the helpers build the bytes files have', () => {
  it('writes windows-1251 and UTF-16 as their code pages do', () => {
    expect([...windows1251('АяЁё№ 1')]).toEqual([
      0xc0, 0xff, 0xa8, 0xb8, 0xb9, 0x20, 0x31,
    ]);
    expect([...utf16('Я1', 'le', true)]).toEqual([
      0xff, 0xfe, 0x2f, 0x04, 0x31, 0x00,
    ]);
    expect([...utf16('Я1', 'be', false)]).toEqual([0x04, 0x2f, 0x00, 0x31]);
  });
});

describe('detectEncoding', () => {
  it('finds UTF-8, with a BOM or without', () => {
    expect(detectEncoding(utf8(statement, true))).toBe('utf-8');
    expect(detectEncoding(utf8(statement))).toBe('utf-8');
    expect(detectEncoding(utf8('Date,Amount\r\n03/14/2025,1.00'))).toBe(
      'utf-8',
    );
  });

  it('takes bytes that are not UTF-8 as windows-1251', () => {
    expect(detectEncoding(windows1251(statement))).toBe('windows-1251');
  });

  it('finds UTF-16 by its BOM, in either byte order', () => {
    expect(detectEncoding(utf16(statement, 'le', true))).toBe('utf-16le');
    expect(detectEncoding(utf16(statement, 'be', true))).toBe('utf-16be');
  });

  it('finds UTF-16 without a BOM by the zero bytes of its ASCII', () => {
    expect(detectEncoding(utf16(statement, 'le', false))).toBe('utf-16le');
    expect(detectEncoding(utf16(statement, 'be', false))).toBe('utf-16be');
  });

  it('takes an empty file and a single byte as UTF-8', () => {
    expect(detectEncoding(new Uint8Array())).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0x41]))).toBe('utf-8');
  });
});

describe('decodeBytes', () => {
  it('reads each encoding back to the same text, without the BOM', () => {
    expect(decodeBytes(utf8(statement, true), 'utf-8')).toBe(statement);
    expect(decodeBytes(utf8(statement), 'utf-8')).toBe(statement);
    expect(decodeBytes(windows1251(statement), 'windows-1251')).toBe(statement);
    expect(decodeBytes(utf16(statement, 'le', true), 'utf-16le')).toBe(
      statement,
    );
    expect(decodeBytes(utf16(statement, 'le', false), 'utf-16le')).toBe(
      statement,
    );
    expect(decodeBytes(utf16(statement, 'be', true), 'utf-16be')).toBe(
      statement,
    );
    expect(decodeBytes(utf16(statement, 'be', false), 'utf-16be')).toBe(
      statement,
    );
  });

  it('reads windows-1252 when the owner says so', () => {
    // "Café 5" in windows-1252. Bytes 0x80–0x9F (€, –) are left out: Node
    // since 20.18.3 decodes them as latin1 (nodejs/node#60888), browsers
    // as the Encoding Standard says.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x35]);
    expect(decodeBytes(bytes, 'windows-1252')).toBe('Café 5');
    expect(decodeBytes(bytes, 'windows-1251')).toBe('Cafй 5');
  });

  it('reads windows-1251 bytes as mojibake in the wrong encoding, not as an error', () => {
    expect(decodeBytes(windows1251('Дата'), 'utf-8')).toBe('\ufffd'.repeat(4));
  });
});
