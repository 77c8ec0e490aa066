// SPDX-License-Identifier: EUPL-1.2
// A minimal PDF 1.4 writer for plain documents: headings and paragraphs of text on A4 pages, in the
// standard fonts Helvetica and Helvetica-Bold with WinAnsiEncoding (so é, ë, ï, ü, € print; a
// character outside WinAnsi prints as '?'). Text is wrapped by the fonts' real widths, pages break
// by themselves and are numbered. No dependency: the content streams are plain text operators.

/** One block of the document. */
export type PdfBlock = { kind: 'title' | 'heading' | 'text'; text: string };

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const STYLE = {
  title: { font: 'F2', size: 18, leading: 24, before: 0 },
  heading: { font: 'F2', size: 13, leading: 18, before: 12 },
  text: { font: 'F1', size: 10.5, leading: 14.5, before: 0 },
} as const;
const FOOTER_SIZE = 9;

/** Unicode → WinAnsi (cp1252) for the characters that differ from Latin-1 in 0x80–0x9F. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** The WinAnsi byte of each character of `text` ('?' for what WinAnsi cannot show). */
export function toWinAnsi(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a || code === 0x0d) bytes.push(0x20);
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(WIN_ANSI_EXTRA[char] ?? 0x3f);
  }
  return bytes;
}

// Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for 0x20–0x7E (Adobe's AFM files);
// accented Latin-1 letters take their base letter's width, other bytes 556.
const HELVETICA = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
const HELVETICA_BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];

function widthOf(text: string, font: 'F1' | 'F2', size: number): number {
  const table = font === 'F1' ? HELVETICA : HELVETICA_BOLD;
  let total = 0;
  for (const char of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    const code = char.codePointAt(0)!;
    total += code >= 0x20 && code <= 0x7e ? table[code - 0x20]! : 556;
  }
  return (total * size) / 1000;
}

/** The lines of `text` that fit `maxWidth` (a word longer than a line is cut). */
export function wrapText(text: string, font: 'F1' | 'F2', size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (widthOf(candidate, font, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (widthOf(rest, font, size) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && widthOf(rest.slice(0, cut), font, size) > maxWidth) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** A PDF string literal: printable ASCII as is (escaping \ ( )), every other byte as an octal escape. */
function pdfString(text: string): string {
  let out = '(';
  for (const byte of toWinAnsi(text)) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

const num = (value: number) => (Math.round(value * 100) / 100).toString();

/** Lays out the blocks on pages: per page, its text operators. */
function layout(blocks: readonly PdfBlock[]): { font: 'F1' | 'F2'; size: number; x: number; y: number; text: string }[][] {
  const pages: { font: 'F1' | 'F2'; size: number; x: number; y: number; text: string }[][] = [[]];
  const bottom = MARGIN + 24;
  let y = PAGE_HEIGHT - MARGIN;
  for (const block of blocks) {
    const style = STYLE[block.kind];
    const lines = wrapText(block.text, style.font, style.size, PAGE_WIDTH - 2 * MARGIN);
    y -= style.before;
    // A heading stays with at least its first following line.
    const keep = block.kind === 'heading' ? style.leading + STYLE.text.leading : style.leading;
    if (y - keep < bottom && pages.at(-1)!.length > 0) {
      pages.push([]);
      y = PAGE_HEIGHT - MARGIN;
    }
    for (const line of lines) {
      if (y - style.leading < bottom) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= style.leading;
      pages.at(-1)!.push({ font: style.font, size: style.size, x: MARGIN, y, text: line });
    }
    if (block.kind !== 'title') y -= 3;
  }
  return pages;
}

/**
 * The document as PDF bytes. `pageLabel` words the footer of each page (e.g. "Pagina 1 van 2");
 * `title` and `language` go into the document information and catalogue.
 */
export function writePdf(input: { title: string; language: string; blocks: readonly PdfBlock[]; pageLabel: (page: number, pages: number) => string }): Buffer {
  const pages = layout(input.blocks);
  // Objects: 1 catalogue, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info, then per page: page, contents.
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 6 + index * 2);
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString(input.language)} >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(input.title)} /Producer (Kansrijk) >>`;
  pages.forEach((lines, index) => {
    const footer = input.pageLabel(index + 1, pages.length);
    const operators = [
      ...lines.map((line) => `BT /${line.font} ${num(line.size)} Tf ${num(line.x)} ${num(line.y)} Td ${pdfString(line.text)} Tj ET`),
      `BT /F1 ${FOOTER_SIZE} Tf ${num(MARGIN)} ${num(MARGIN - 20)} Td ${pdfString(footer)} Tj ET`,
    ].join('\n');
    objects[pageIds[index]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(PAGE_WIDTH)} ${num(PAGE_HEIGHT)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`;
    objects[pageIds[index]! + 1] = `<< /Length ${Buffer.byteLength(operators, 'latin1')} >>\nstream\n${operators}\nendstream`;
  });
  // Everything written is ASCII (non-ASCII bytes are octal escapes), so string length = byte offset;
  // the binary comment line marks the file as binary for transfer tools, as the standard advises.
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
