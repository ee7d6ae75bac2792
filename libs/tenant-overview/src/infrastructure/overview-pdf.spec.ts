import type { OverviewDocument } from '../domain/overview-document';
import { renderOverviewPdf } from './overview-pdf';

const t = (key: string, args?: Record<string, unknown>) => `${key} ${JSON.stringify(args ?? {})}`;

function document(rows: number): OverviewDocument {
  return {
    lang: 'nl',
    title: 'Overzicht van uw gegevens',
    subtitle: 'Dossier 2026-0042 — Łukasz Wróbel 😀',
    madeBy: 'Opgemaakt door Sofie',
    lead: 'Inleiding',
    sections: [
      {
        id: 'partnerAccess',
        heading: 'Wie uw gegevens bekeek',
        intro: 'Uitleg',
        blocks: [
          { kind: 'subheading', text: 'Tussentitel' },
          { kind: 'pairs', rows: [['Naam', 'Jan']] },
          { kind: 'table', columns: ['Wanneer', 'Organisatie'], rows: Array.from({ length: rows }, (_, i) => [`${i + 1} november 2026 om 14:05`, 'GMH']) },
          { kind: 'text', text: 'Tekst' },
        ],
      },
    ],
    closing: 'Vragen?',
  };
}

/** Page objects in the PDF's object table (not compressed: pdfkit compresses content streams only). */
function pages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

describe('renderOverviewPdf', () => {
  it('makes a PDF with the creation date it is given, not the machine’s', async () => {
    const pdf = await renderOverviewPdf(document(3), t, new Date('2026-11-21T09:00:00Z'));
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    // The info dictionary names its values as objects: `/CreationDate 11 0 R` … `11 0 obj (D:…)`.
    const ref = /\/CreationDate (\d+) 0 R/.exec(raw)?.[1];
    expect(raw).toContain(`\n${ref} 0 obj\n(D:20261121090000Z)\nendobj`);
    expect(pages(pdf)).toBe(1);
  });

  it('flows a long overview over several pages, each numbered', async () => {
    const pdf = await renderOverviewPdf(document(120), t, new Date('2026-11-21T09:00:00Z'));
    expect(pages(pdf)).toBeGreaterThan(2);
  });
});
