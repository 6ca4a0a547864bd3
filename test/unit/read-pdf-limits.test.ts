// Issue 21, W21: PDFs are read in a worker with page, time and memory limits. A decompression bomb (a small
// FlateDecode content stream inflating to 160 MB of text operators) and a PDF with too many pages are
// refused in one sentence; a real PDF reads the same in the worker as in this thread.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdd } from '../../src/cli/add.js';
import { UsageError } from '../../src/cli/args.js';
import { readDocument } from '../../src/corpus/read/index.js';
import { MAX_PDF_PAGES, readPdf } from '../../src/corpus/read/pdf.js';
import { readPdfLimited } from '../../src/corpus/read/pdf-limited.js';

const MiB = 1024 * 1024;

/** One page whose content stream is `mb` MiB of text-showing operators, deflated (about 1/1000 the size). */
async function bombPdf(mb: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  page.drawText('Bomb', { font, size: 12, x: 50, y: 700 });
  const line = Buffer.from(
    'BT /F1 12 Tf 50 700 Td (All work and no play makes Jack a dull boy.) Tj ET\n'.repeat(13_000),
  );
  const chunks: Buffer[] = [];
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < mb; i++) yield line.subarray(0, MiB);
    })(),
  );
  for await (const chunk of source.pipe(createDeflate({ level: 9 }))) chunks.push(chunk as Buffer);
  const dict = doc.context.obj({ Filter: 'FlateDecode', Length: Buffer.concat(chunks).length });
  const stream = PDFRawStream.of(dict, new Uint8Array(Buffer.concat(chunks)));
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}

async function manyPages(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < count; i++) doc.addPage([200, 200]);
  return doc.save();
}

async function onePage(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { font, size: 12, x: 50, y: 700 });
  return doc.save();
}

describe('W21: PDF reading limits', () => {
  let bomb: Uint8Array;
  let pages: Uint8Array;
  beforeAll(async () => {
    bomb = await bombPdf(160);
    pages = await manyPages(MAX_PDF_PAGES + 1);
  }, 60_000);

  it('a decompression bomb is stopped in one sentence (time and memory limits)', async () => {
    expect(bomb.length).toBeLessThan(MiB);
    const error = await readPdfLimited(bomb, { timeMs: 8_000, heapMb: 256 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Reading the PDF (took longer than 8 s \(a decompression bomb, or far too much content\?\)|needed more than 256 MB of memory \(a decompression bomb\?\)), so it was stopped\.$/,
    );
  }, 60_000);

  it(`more than ${MAX_PDF_PAGES} pages is refused in one sentence`, async () => {
    await expect(readDocument(pages, 'pdf')).rejects.toThrow(
      `The PDF has ${MAX_PDF_PAGES + 1} pages; Charter reads at most ${MAX_PDF_PAGES}.`,
    );
  }, 60_000);

  it('reads a real PDF in the worker exactly as in this thread', async () => {
    const bytes = await onePage('Article 1 Every system is logged.');
    expect(await readDocument(bytes, 'pdf')).toEqual(await readPdf(bytes));
  }, 60_000);

  describe('through charter add', () => {
    let dir: string;
    let files: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'charter-pdf-limits-'));
      files = mkdtempSync(join(tmpdir(), 'charter-pdf-files-'));
      writeFileSync(join(files, 'long.pdf'), pages);
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    });

    it('is refused in one sentence and nothing is stored (so no re-split repeats it)', async () => {
      const io = {
        stdout: { write: () => true } as never,
        stderr: { write: () => true } as never,
        catalog: () => [],
        open: () => Promise.reject(new Error('not used')),
        env: { CHARTER_DATA_DIR: dir },
      };
      const args = ['--id', 'long-doc', '--title', 'Long', '--issuer', 'X', '--date', '2025-01-01'];
      const error = await runAdd([join(files, 'long.pdf'), ...args], io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(
        /long\.pdf could not be read as pdf: the PDF has 2001 pages; Charter reads at most 2000\.$/,
      );
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  });
});
