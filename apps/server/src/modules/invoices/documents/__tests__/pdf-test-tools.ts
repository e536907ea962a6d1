import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Reading our PDFs the way a person or a bank app would: poppler's text and raster output. */

function withPdfFile<T>(bytes: Uint8Array, use: (file: string, folder: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'clientbox-pdf-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, bytes);
    return use(file, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** `pdftotext -layout`; pages are separated by form feeds. */
export function pdfText(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => run('pdftotext', ['-layout', file, '-']));
}

/** `pdffonts`: every font of the document, with whether it is embedded (and as a subset). */
export function pdfFonts(bytes: Uint8Array): { name: string; isEmbedded: boolean; isSubset: boolean }[] {
  const lines = withPdfFile(bytes, (file) => run('pdffonts', [file]))
    .split('\n')
    .slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type, encoding, then emb sub uni as yes/no, then the object id.
      const flags = line.match(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/)!;
      return { name: line.split(/\s+/)[0]!, isEmbedded: flags[1] === 'yes', isSubset: flags[2] === 'yes' };
    });
}

export function pdfPages(bytes: Uint8Array): string[] {
  return pdfText(bytes)
    .split('\f')
    .filter((page) => page.trim() !== '');
}

/** An area of a page in PDF points (1/72 inch) from the top left corner. */
export interface PageRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Page 1 (or a region of it) rasterized with `pdftoppm` and decoded. */
export function rasterizeFirstPage(bytes: Uint8Array, dpi: number, region?: PageRegion): PNG {
  return withPdfFile(bytes, (file, folder) => {
    const prefix = path.join(folder, 'page');
    const pixels = (points: number) => String(Math.round((points * dpi) / 72));
    const crop = region
      ? ['-x', pixels(region.x), '-y', pixels(region.y), '-W', pixels(region.width), '-H', pixels(region.height)]
      : [];
    run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', ...crop, '-singlefile', file, prefix]);
    return PNG.sync.read(readFileSync(`${prefix}.png`));
  });
}

/** The share of pixels that match `predicate` (r, g, b). */
export function pixelShare(image: PNG, predicate: (r: number, g: number, b: number) => boolean): number {
  let matches = 0;
  for (let index = 0; index < image.data.length; index += 4) {
    if (predicate(image.data[index]!, image.data[index + 1]!, image.data[index + 2]!)) matches += 1;
  }
  return matches / (image.width * image.height);
}

/** A small solid PNG, made here so the tests need no binary fixture. */
export function solidPngBase64(width: number, height: number, [r, g, b]: [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let index = 0; index < png.data.length; index += 4) {
    png.data[index] = r;
    png.data[index + 1] = g;
    png.data[index + 2] = b;
    png.data[index + 3] = 255;
  }
  return PNG.sync.write(png).toString('base64');
}

/** Collapses runs of spaces, so assertions read one line of `pdftotext -layout` output. */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}
