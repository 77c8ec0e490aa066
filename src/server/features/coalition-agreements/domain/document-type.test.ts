// SPDX-License-Identifier: EUPL-1.2
// What a document is, by content; its name made safe; the download header.
import { describe, expect, it } from 'vitest';
import { attachmentHeader, detectDocumentKind, sanitiseFileName } from './document-type.js';
import { sampleDocx, sampleOdf, samplePdf, sampleXlsx } from '../test-support.js';

describe('document kind by content (magic bytes)', () => {
  it('recognises PDF, docx, xlsx, odt and ods', () => {
    expect(detectDocumentKind(samplePdf())).toBe('pdf');
    expect(detectDocumentKind(sampleDocx())).toBe('docx');
    expect(detectDocumentKind(sampleXlsx())).toBe('xlsx');
    expect(detectDocumentKind(sampleOdf('application/vnd.oasis.opendocument.text'))).toBe('odt');
    expect(detectDocumentKind(sampleOdf('application/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
  });
  it('refuses an executable, a script, an image, HTML, a plain ZIP, other OpenDocument kinds and an empty file', () => {
    const refused = [
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]),
      Buffer.from('\x7fELF\x02\x01\x01', 'latin1'),
      Buffer.from('#!/bin/sh\nrm -rf /\n'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('<html><script>alert(1)</script></html>'),
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60), Buffer.from('payload.exe')]),
      sampleOdf('application/vnd.oasis.opendocument.text-template'),
      sampleOdf('application/vnd.oasis.opendocument.presentation'),
      Buffer.alloc(0),
      Buffer.from(' %PDF-1.4'),
    ];
    for (const content of refused) expect(detectDocumentKind(content)).toBeNull();
  });
});

describe('file names', () => {
  it('keeps letters, digits and a few marks; drops folders; takes the extension of the content', () => {
    expect(sanitiseFileName('Afspraak huisbezoek 2026.pdf', 'pdf')).toBe('Afspraak huisbezoek 2026.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('C:\\Users\\x\\Überzicht (v2).docx', 'docx')).toBe('Überzicht (v2).docx');
    expect(sanitiseFileName('virus.exe', 'pdf')).toBe('virus.pdf');
    expect(sanitiseFileName('a"b<c>d;e\u0000f\r\ng.pdf', 'pdf')).toBe('a_b_c_d_e_f__g.pdf');
    expect(sanitiseFileName('...', 'ods')).toBe('document.ods');
    expect(sanitiseFileName('x'.repeat(300) + '.pdf', 'pdf')).toHaveLength(104);
  });
  it('sends an ASCII name and the UTF-8 name in Content-Disposition, always as an attachment', () => {
    expect(attachmentHeader('Überzicht (v2).pdf')).toBe(`attachment; filename="U_berzicht (v2).pdf"; filename*=UTF-8''%C3%9Cberzicht%20(v2).pdf`);
  });
});
