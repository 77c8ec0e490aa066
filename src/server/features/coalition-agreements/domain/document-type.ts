// SPDX-License-Identifier: EUPL-1.2
// What a document really is, by its content (magic bytes), never by its name or declared type (ADR
// 0014). PDF starts with "%PDF-". Office Open XML (docx, xlsx) and OpenDocument (odt, ods) files are
// ZIP archives ("PK\x03\x04"): OpenDocument stores an uncompressed first entry "mimetype" holding its
// media type; Office Open XML has "[Content_Types].xml" and its main part under word/ or xl/ (entry
// names are stored uncompressed in the local headers). Anything else (an executable renamed to .pdf,
// a script, an image) is refused.
import { DOCUMENT_MEDIA_TYPES, type DocumentKind } from '../../../../contracts/coalition-agreements.js';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function has(content: Buffer, text: string): boolean {
  return content.includes(Buffer.from(text, 'latin1'));
}

export function detectDocumentKind(content: Buffer): DocumentKind | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (content.length < 30 || !content.subarray(0, 4).equals(ZIP_SIGNATURE)) return null;
  // OpenDocument: first entry named "mimetype" (8 bytes, at offset 30), stored, its content right after.
  if (content.subarray(30, 38).toString('latin1') === 'mimetype') {
    const mimetype = content.subarray(38, 38 + 60).toString('latin1');
    if (mimetype.startsWith(DOCUMENT_MEDIA_TYPES.odt)) return mimetype.startsWith(`${DOCUMENT_MEDIA_TYPES.odt}-`) ? null : 'odt';
    if (mimetype.startsWith(DOCUMENT_MEDIA_TYPES.ods)) return mimetype.startsWith(`${DOCUMENT_MEDIA_TYPES.ods}-`) ? null : 'ods';
    return null;
  }
  if (!has(content, '[Content_Types].xml')) return null;
  if (has(content, 'word/document.xml')) return 'docx';
  if (has(content, 'xl/workbook.xml')) return 'xlsx';
  return null;
}

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no control or
 * unusual characters, at most 100 characters, and the extension of what the content really is.
 */
export function sanitiseFileName(raw: string, kind: DocumentKind): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const stem = base
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[ ._-]+|[ ._-]+$/g, '')
    .slice(0, 100);
  return `${stem || 'document'}.${kind}`;
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
