// SPDX-License-Identifier: EUPL-1.2
// Small documents for tests: enough of each format for the content check (not complete files).
import { Buffer } from 'node:buffer';

export function samplePdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

function zipWith(...names: string[]): Buffer {
  return Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), ...names.flatMap((name) => [Buffer.from(name, 'latin1'), Buffer.alloc(40)])]);
}

export const sampleDocx = () => zipWith('[Content_Types].xml', '_rels/.rels', 'word/document.xml');
export const sampleXlsx = () => zipWith('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml');

/** An OpenDocument file: the stored first entry "mimetype" at offset 30 with its content right after. */
export function sampleOdf(mediaType: string): Buffer {
  return Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from(`mimetype${mediaType}`, 'latin1'), Buffer.alloc(40)]);
}

/** A Windows executable (MZ header). */
export function sampleExecutable(): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(500, 1)]);
}
