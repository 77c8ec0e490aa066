// SPDX-License-Identifier: EUPL-1.2
// Maps and charts as files: the on-screen SVG serialised as a standalone image with its title and
// source above and below it, and a PNG drawn from that SVG on a canvas. The SVG uses presentation
// attributes and system fonts only, so the file looks the same without the page's CSS or web fonts.
import { CHART_FONT, SUBTLE_TEXT, TEXT_COLOUR } from './scale.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_SIZE = 16;
const SOURCE_SIZE = 11;
const PADDING = 12;

/** Splits a title into lines of about `maxChars` characters (SVG text does not wrap). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function textElement(document: Document, content: string, x: number, y: number, size: number, options: { bold?: boolean; colour?: string } = {}) {
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('font-family', CHART_FONT);
  text.setAttribute('font-size', String(size));
  text.setAttribute('fill', options.colour ?? TEXT_COLOUR);
  if (options.bold) text.setAttribute('font-weight', '700');
  text.textContent = content;
  return text;
}

export interface ExportedSvg {
  text: string;
  width: number;
  height: number;
}

/** The chart as a standalone SVG document with a white background, its title on top and the source below. */
export function serialiseSvg(svg: SVGSVGElement, title: string, source: string): ExportedSvg {
  const viewBox = svg.viewBox.baseVal;
  const width = viewBox && viewBox.width > 0 ? viewBox.width : svg.clientWidth;
  const height = viewBox && viewBox.height > 0 ? viewBox.height : svg.clientHeight;
  const titleLines = wrapText(title, Math.floor(width / (TITLE_SIZE * 0.55)));
  const sourceLines = wrapText(source, Math.floor(width / (SOURCE_SIZE * 0.52)));
  const top = PADDING + titleLines.length * (TITLE_SIZE + 4) + 4;
  const bottom = PADDING + sourceLines.length * (SOURCE_SIZE + 3) + 4;
  const totalWidth = width + 2 * PADDING;
  const totalHeight = top + height + bottom;

  const document = svg.ownerDocument;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(totalWidth));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`);
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  root.append(titleElement);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(totalWidth));
  background.setAttribute('height', String(totalHeight));
  background.setAttribute('fill', '#ffffff');
  root.append(background);
  titleLines.forEach((line, index) => root.append(textElement(document, line, PADDING, PADDING + TITLE_SIZE + index * (TITLE_SIZE + 4), TITLE_SIZE, { bold: true })));

  const body = document.createElementNS(SVG_NS, 'svg');
  body.setAttribute('x', String(PADDING));
  body.setAttribute('y', String(top));
  body.setAttribute('width', String(width));
  body.setAttribute('height', String(height));
  body.setAttribute('viewBox', `${viewBox?.x ?? 0} ${viewBox?.y ?? 0} ${width} ${height}`);
  for (const child of Array.from(svg.childNodes)) body.append(child.cloneNode(true));
  // Screen-only parts (focus and hover outlines) and interaction attributes do not belong in a file.
  for (const element of Array.from(body.querySelectorAll('.kr-no-export'))) element.remove();
  for (const element of Array.from(body.querySelectorAll('*'))) {
    for (const name of ['tabindex', 'role', 'aria-label', 'aria-selected', 'aria-describedby', 'aria-labelledby', 'class', 'data-code']) {
      element.removeAttribute(name);
    }
  }
  root.append(body);
  sourceLines.forEach((line, index) =>
    root.append(textElement(document, line, PADDING, top + height + 4 + SOURCE_SIZE + index * (SOURCE_SIZE + 3), SOURCE_SIZE, { colour: SUBTLE_TEXT })),
  );
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width: totalWidth, height: totalHeight };
}

export function svgBlob(exported: ExportedSvg): Blob {
  return new Blob([exported.text], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Draws the SVG on a canvas at twice its size. The image is loaded from a data: URL, which the
 * content security policy allows for images (blob: is not), and does not taint the canvas.
 */
export async function pngBlob(exported: ExportedSvg, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = exported.width;
  image.height = exported.height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(exported.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(exported.width * scale);
  canvas.height = Math.round(exported.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** A file name from a title: lower case, ASCII, dashes. */
export function fileNameFor(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'grafiek'
  );
}
