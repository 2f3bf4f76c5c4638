/**
 * A small but real PDF, written by hand: one page, Helvetica (WinAnsi: curly quotes as \223 \224),
 * a bold title, paragraphs wrapped over several lines with a wider gap between paragraphs, and an
 * Info dictionary. Byte offsets in the xref table are computed, so pdf.js reads it without repair.
 */
export function makePdf(options: { title: string; paragraphs: string[]; info?: Record<string, string>; width?: number }): Buffer {
  const width = options.width ?? 88;
  const pdfString = (s: string) =>
    `(${s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)').replace(/“/g, '\\223').replace(/”/g, '\\224').replace(/’/g, '\\222').replace(/—/g, '\\227')})`;
  const ops: string[] = ['BT', '/F2 16 Tf', '72 740 Td', `${pdfString(options.title)} Tj`, 'ET', 'BT', '/F1 10 Tf', '72 710 Td'];
  for (const p of options.paragraphs) {
    const lines: string[] = [];
    let line = '';
    for (const word of p.split(' ')) {
      if (line && `${line} ${word}`.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    for (const l of lines) ops.push(`${pdfString(l)} Tj`, '0 -13 Td');
    ops.push('0 -9 Td');
  }
  ops.push('ET');
  const stream = ops.join('\n');
  const info = Object.entries(options.info ?? {})
    .map(([k, v]) => `/${k} ${pdfString(v)}`)
    .join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< ${info} >>`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const STATEMENT_PARAGRAPHS = [
  'ROTTERDAM, 2 May 2023 — The Harbour Authority today reopened the northern basin to commercial shipping after three weeks of repairs to the quay walls damaged in the April storm.',
  '“The basin is safe again, and every berth has been inspected twice,” said Maria Lindqvist, the harbour director. “We thank the crews who worked through the night to make it so.”',
  'The authority said the repairs cost less than expected and that pilots would guide the first ships into the basin on Wednesday morning.',
];

export function statementPdf(): Buffer {
  return makePdf({
    title: 'Statement on the reopening of the northern basin',
    paragraphs: STATEMENT_PARAGRAPHS,
    info: { Title: 'Statement on the reopening of the northern basin', Author: 'Harbour Authority', CreationDate: "D:20230503101500+02'00'" },
  });
}
