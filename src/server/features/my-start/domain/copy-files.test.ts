// SPDX-License-Identifier: EUPL-1.2
// The two writers behind the copy of my data, on their own: the ZIP (CRC-32 as the standard defines
// it, entries read back byte for byte) and the PDF (WinAnsi for Dutch letters, wrapping, page breaks
// with numbered pages, and a cross-reference table that points at every object).
import { describe, expect, it } from 'vitest';
import { pdfText, pdfXrefProblems, readStoredZip } from '../test-support.js';
import { toWinAnsi, wrapText, writePdf, type PdfBlock } from './pdf-writer.js';
import { crc32, writeZip } from './zip-writer.js';
import { dataCategoriesOf, validUntilOf } from './awaiting-consent.js';

const AT = { year: 2026, month: 12, day: 7, hour: 18, minute: 5, second: 30 };

describe('the ZIP writer', () => {
  it('computes CRC-32 as the standard check value says', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes stored entries with UTF-8 names that read back byte for byte', () => {
    const pdf = Buffer.from('%PDF-1.4 binary \u00ff\u0000', 'latin1');
    const json = Buffer.from('{"naam":"Zoë"}', 'utf8');
    const zip = writeZip([{ name: 'mijn-gegevens.pdf', data: pdf }, { name: 'één.json', data: json }], AT);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const entries = readStoredZip(zip);
    expect([...entries.keys()]).toEqual(['mijn-gegevens.pdf', 'één.json']);
    expect(entries.get('mijn-gegevens.pdf')).toEqual(pdf);
    expect(entries.get('één.json')).toEqual(json);
  });
});

describe('the PDF writer', () => {
  it('encodes Dutch letters in WinAnsi, and what WinAnsi lacks as ?', () => {
    expect(toWinAnsi('é ë ï ü ö € – ’')).toEqual([0xe9, 0x20, 0xeb, 0x20, 0xef, 0x20, 0xfc, 0x20, 0xf6, 0x20, 0x80, 0x20, 0x96, 0x20, 0x92]);
    expect(toWinAnsi('ş 中')).toEqual([0x3f, 0x20, 0x3f]);
    // A decomposed ë (e + combining diaeresis) is composed first.
    expect(toWinAnsi('e\u0308')).toEqual([0xeb]);
  });

  it('wraps by the font’s widths, and cuts a word longer than a line', () => {
    const lines = wrapText('Verloskundigenpraktijk De Wieg verwijst naar het Sociaal Wijkteam Dordrecht', 'F1', 10.5, 150);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('Verloskundigenpraktijk De Wieg verwijst naar het Sociaal Wijkteam Dordrecht');
    expect(wrapText('x'.repeat(200), 'F1', 10, 100).every((line) => line.length < 200)).toBe(true);
  });

  it('breaks pages by itself, numbers them, and keeps the cross-reference table right', () => {
    const blocks: PdfBlock[] = [{ kind: 'title', text: 'Kopie van mijn gegevens' }];
    for (let index = 0; index < 120; index += 1) blocks.push({ kind: index % 20 === 0 ? 'heading' : 'text', text: `Regel ${index}: café, reünie, naïef, (haakjes) en \\ backslash` });
    const pdf = writePdf({ title: 'Kopie (test)', language: 'nl-NL', blocks, pageLabel: (page, pages) => `Pagina ${page} van ${pages}` });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdfXrefProblems(pdf)).toEqual([]);
    const pages = Number(/\/Type \/Pages .* \/Count (\d+)/.exec(pdf.toString('latin1'))![1]);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    expect(text).toContain('Regel 119: café, reünie, naïef, (haakjes) en \\ backslash');
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
  });

  it('finds a broken cross-reference table (the check itself works)', () => {
    const pdf = writePdf({ title: 't', language: 'nl-NL', blocks: [{ kind: 'text', text: 'a' }], pageLabel: () => '' });
    const shifted = Buffer.concat([Buffer.from('%PDF-1.4\n% extra\n'), pdf.subarray(9)]);
    expect(pdfXrefProblems(shifted)).not.toEqual([]);
  });
});

describe('a referral waiting for consent', () => {
  it('names the data the receiver gets, and the consent holds a year', () => {
    expect(dataCategoriesOf({ factorKeys: [], hasScreening: false })).toEqual(['contact_details', 'referral_reason']);
    expect(dataCategoriesOf({ factorKeys: ['stress'], hasScreening: true })).toEqual(['contact_details', 'referral_reason', 'risk_factors', 'screening_result']);
    expect(validUntilOf('2026-12-07')).toBe('2027-12-07');
  });
});
