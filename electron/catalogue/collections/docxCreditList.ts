// The credit list as a Word document (DOCX), built with the `docx` library from the same figure
// entries as the text formats: a heading, then one paragraph per figure, with the source and the
// licence as real hyperlinks. Opens in Word and LibreOffice (a test converts it to PDF).
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { CREDIT_WORDS } from '../../../shared/creditStyles.ts';
import { creditListHeading, type CreditListOptions, type FigureEntry } from '../../../shared/figureCredits.ts';

function link(text: string, url: string | null): ParagraphChild {
  // Links are only ones we build (Fortepan's page, the licence table, a Commons file page), never from metadata.
  return url ? new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: 'Hyperlink' })] }) : new TextRun(text);
}

function figureParagraph(entry: FigureEntry, options: CreditListOptions): Paragraph {
  const w = CREDIT_WORDS[options.lang];
  const children: ParagraphChild[] = [new TextRun({ text: `${w.figure(entry.figure)}: `, bold: true })];
  if (options.style === 'tasl') {
    const t = entry.tasl;
    children.push(new TextRun(w.quote(t.title)));
    const author = t.author || w.unknownAuthor;
    children.push(new TextRun(options.lang === 'en' ? ` ${w.by} ${author}` : `; ${w.by}: ${author}`));
    // A credit list is printed: the links are written out as well as linked.
    if (t.source || t.sourceUrl) {
      children.push(new TextRun(`; ${w.source}: `), link(t.source || t.sourceUrl || '', t.sourceUrl));
      if (t.source && t.sourceUrl) children.push(new TextRun(', '), link(t.sourceUrl, t.sourceUrl));
    }
    if (t.licence) {
      children.push(new TextRun(`; ${w.licence}: `), link(t.licence, t.licenceUrl));
      if (t.licenceUrl) children.push(new TextRun(', '), link(t.licenceUrl, t.licenceUrl));
    }
    if (t.modified) children.push(new TextRun(`; ${w.modified}`));
  } else {
    children.push(entry.credit ? link(entry.credit, entry.creditUrl) : new TextRun(w.noCredit));
    children.push(new TextRun({ text: ` (${entry.identity}`, color: '555555' }));
    if (entry.licence) children.push(new TextRun({ text: '; ', color: '555555' }), link(entry.licence, entry.tasl.licenceUrl));
    children.push(new TextRun({ text: ')', color: '555555' }));
  }
  return new Paragraph({ children, spacing: { after: 120 } });
}

export async function docxCreditList(entries: readonly FigureEntry[], options: CreditListOptions): Promise<Buffer> {
  const doc = new Document({
    creator: 'Fototar',
    title: creditListHeading(options),
    styles: { default: { document: { run: { font: 'Liberation Serif', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(creditListHeading(options))] }),
          ...entries.map((entry) => figureParagraph(entry, options)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
