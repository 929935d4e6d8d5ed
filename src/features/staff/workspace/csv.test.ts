import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

/** A small RFC 4180 reader, to check that what is written reads back as it was meant. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += char;
  }
  return rows;
}

describe('CSV for spreadsheets', () => {
  it('keeps commas, quotes and line breaks inside their field', () => {
    const text = toCsv([
      ['kind', 'description'],
      ['tip', 'Loud music, every night; he said "turn it up"\nand again at 2am'],
    ]);
    expect(readCsv(text)).toEqual([
      ['kind', 'description'],
      ['tip', 'Loud music, every night; he said "turn it up"\nand again at 2am'],
    ]);
  });

  it('turns text a spreadsheet would run as a formula into plain text', () => {
    for (const attack of ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '  =1+1']) {
      expect(csvField(attack)).toBe(`"'${attack.replace(/"/g, '""')}"`);
    }
    expect(readCsv(toCsv([['=cmd|" /C calc"!A0']]))).toEqual([["'=cmd|\" /C calc\"!A0"]]);
  });

  it('leaves ordinary text, numbers and empty fields as they are', () => {
    expect(csvField('Corner Grocery')).toBe('"Corner Grocery"');
    expect(csvField('a - b = c')).toBe('"a - b = c"');
    expect(csvField(-88.262)).toBe('"-88.262"');
    expect(csvField(3)).toBe('"3"');
    expect(csvField(null)).toBe('""');
    expect(csvField(undefined)).toBe('""');
  });

  it('starts with a byte-order mark and ends each line with CRLF, so spreadsheets read accents', () => {
    const text = toCsv([['beat', 'categoría'], ['101', 'Ruido']]);
    expect(text.startsWith('\uFEFF"beat","categoría"\r\n')).toBe(true);
    expect(text.endsWith('"Ruido"\r\n')).toBe(true);
  });
});
