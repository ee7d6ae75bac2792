import PDFDocument from 'pdfkit';
import type { OverviewBlock, OverviewDocument, OverviewTranslate } from '../domain/overview-document';
import { toWinAnsi } from '../domain/win-ansi';

const MARGIN = 56;
const INK = '#1b1f24';
const MUTED = '#4a5560';

/**
 * The overview as a PDF (A4, the built-in Helvetica), rendering exactly the document the HTML
 * page shows: the same sections, in the same words. Tables become one block per row, which
 * prints and reads (and copies) better than narrow columns on paper.
 *
 * The built-in fonts draw Windows-1252 only; {@link toWinAnsi} spells any other letter in it.
 */
export async function renderOverviewPdf(document: OverviewDocument, t: OverviewTranslate, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: document.lang === 'en' ? 'en-GB' : 'nl-BE',
    displayTitle: true,
    info: { Title: toWinAnsi(`${document.title} — ${document.subtitle}`), Creator: 'Woonbrug', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const write = (text: string, font: 'Helvetica' | 'Helvetica-Bold', size: number, color = INK, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(text), { width, ...options });
  /** Starts a new page rather than leaving a heading alone at the bottom of one. */
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
  };

  write(document.title, 'Helvetica-Bold', 20);
  write(document.subtitle, 'Helvetica-Bold', 13);
  doc.moveDown(0.3);
  write(document.madeBy, 'Helvetica', 9, MUTED);
  doc.moveDown(0.6);
  write(document.lead, 'Helvetica', 10.5);

  for (const section of document.sections) {
    doc.moveDown(1);
    keepRoom(80);
    write(section.heading, 'Helvetica-Bold', 14);
    doc.moveDown(0.2);
    if (section.intro) {
      write(section.intro, 'Helvetica', 9.5, MUTED);
      doc.moveDown(0.4);
    }
    for (const block of section.blocks) renderBlock(block);
  }
  doc.moveDown(1);
  keepRoom(40);
  write(document.closing, 'Helvetica', 10.5);

  // Page numbers, written in the bottom margin of every buffered page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(toWinAnsi(`${document.subtitle} · ${t('overview.page', { page: i + 1, pages: range.count })}`), MARGIN, doc.page.height - MARGIN / 2, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;

  function renderBlock(block: OverviewBlock): void {
    switch (block.kind) {
      case 'subheading':
        doc.moveDown(0.4);
        keepRoom(50);
        write(block.text, 'Helvetica-Bold', 11);
        doc.moveDown(0.2);
        return;
      case 'text':
        write(block.text, 'Helvetica', 10);
        doc.moveDown(0.3);
        return;
      case 'pairs':
        for (const [label, value] of block.rows) {
          keepRoom(14);
          doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(toWinAnsi(`${label}: `), { width, continued: true });
          doc.font('Helvetica').text(toWinAnsi(value));
        }
        doc.moveDown(0.3);
        return;
      case 'table':
        for (const row of block.rows) {
          keepRoom(40);
          write(row[0] ?? '', 'Helvetica-Bold', 10);
          block.columns.slice(1).forEach((column, i) => {
            doc.font('Helvetica-Bold').fontSize(9.5).fillColor(MUTED).text(toWinAnsi(`${column}: `), MARGIN + 12, undefined, { width: width - 12, continued: true });
            doc.font('Helvetica').fillColor(INK).text(toWinAnsi(row[i + 1] ?? ''));
          });
          doc.x = MARGIN;
          doc.moveDown(0.4);
        }
        return;
    }
  }
}
