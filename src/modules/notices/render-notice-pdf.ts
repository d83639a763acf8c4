import PDFDocument from 'pdfkit';
import type { NoticeBlock, NoticeDocument } from './notice-document.ts';
import { toWinAnsi } from './notice-text.ts';

const MARGIN = 72; // one inch
const BODY = 11;

type Pdf = InstanceType<typeof PDFDocument>;

function facts(pdf: Pdf, items: Array<{ label: string; value: string }>): void {
  const labelWidth = 150;
  const width = pdf.page.width - 2 * MARGIN;
  for (const f of items) {
    const y = pdf.y;
    pdf.font('Helvetica-Bold').fontSize(BODY).text(toWinAnsi(f.label), MARGIN, y, { width: labelWidth - 10 });
    const afterLabel = pdf.y;
    pdf.font('Helvetica').text(toWinAnsi(f.value), MARGIN + labelWidth, y, { width: width - labelWidth });
    pdf.y = Math.max(afterLabel, pdf.y);
  }
  pdf.x = MARGIN;
  pdf.moveDown(0.6);
}

function block(pdf: Pdf, b: NoticeBlock): void {
  switch (b.type) {
    case 'heading':
      pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(12.5).text(toWinAnsi(b.text)).moveDown(0.3);
      return;
    case 'paragraph':
      pdf.font('Helvetica').fontSize(BODY).text(toWinAnsi(b.text), { lineGap: 2 }).moveDown(0.6);
      return;
    case 'quote': {
      const width = pdf.page.width - 2 * MARGIN - 18;
      pdf.font('Helvetica-Oblique').fontSize(BODY).text(toWinAnsi(b.text), MARGIN + 18, pdf.y, { width, lineGap: 2 }).moveDown(0.6);
      pdf.x = MARGIN;
      return;
    }
    case 'facts':
      facts(pdf, b.items);
      return;
  }
}

/**
 * The letter as a PDF (pdfkit, standard fonts, US Letter). `issuedAt` comes from the injected clock, so the
 * document's dates are the notice's, not the machine's. No scripts, forms, links or embedded files: the
 * Secure Message Center's own PDF intake rules accept it like any cardholder upload.
 */
export function renderNoticePdf(doc: NoticeDocument, issuedAt: Date, subject: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: toWinAnsi(doc.title), Author: toWinAnsi(doc.letterhead.issuerName), Subject: toWinAnsi(subject), Creator: 'Cardcare', CreationDate: issuedAt, ModDate: issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const lh = doc.letterhead;
  pdf.font('Helvetica-Bold').fontSize(18).text(toWinAnsi(lh.issuerName));
  pdf.font('Helvetica').fontSize(9.5);
  for (const line of lh.addressLines) pdf.text(toWinAnsi(line));
  const contact = [lh.phone ? `${lh.phone}${lh.phoneHours ? ` (${lh.phoneHours})` : ''}` : null, lh.web].filter((x): x is string => x !== null);
  if (contact.length) pdf.text(toWinAnsi(contact.join('  |  ')));
  const ruleY = pdf.y + 6;
  pdf.moveTo(MARGIN, ruleY).lineTo(pdf.page.width - MARGIN, ruleY).lineWidth(1.5).stroke();
  pdf.y = ruleY + 14;
  facts(pdf, doc.reference);
  pdf.font('Helvetica-Bold').fontSize(15).text(toWinAnsi(doc.title)).moveDown(0.6);
  pdf.font('Helvetica').fontSize(BODY).text(toWinAnsi(doc.greeting)).moveDown(0.6);
  for (const b of doc.blocks) block(pdf, b);
  pdf.font('Helvetica').fontSize(BODY).text(toWinAnsi(doc.signOff)).moveDown(0.4);
  pdf.font('Helvetica-Bold').text(toWinAnsi(doc.signature.name));
  pdf.font('Helvetica').text(toWinAnsi(`${doc.signature.role}${doc.signature.agentCode ? `, representative ID ${doc.signature.agentCode}` : ''}`)).moveDown(1.2);
  pdf.font('Helvetica').fontSize(8.5).fillColor('#444444').text(toWinAnsi(doc.footer));
  pdf.end();
  return done;
}
