import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

/** On every page: who issued which document, and "page n of m" (pages are buffered until the end). */
export function drawFooters({ canvas, document, labels }: RenderContext): void {
  const { start, count } = canvas.doc.bufferedPageRange();
  const identity = `${document.supplier.name} · ${labels.title[document.type]} ${document.number}`;
  for (let index = start; index < start + count; index += 1) {
    canvas.doc.switchToPage(index);
    canvas.rule(PAGE.footer - 6);
    const style = { size: SIZE.small, color: COLOR.muted, width: CONTENT_WIDTH / 2 } as const;
    canvas.text(identity, PAGE.left, PAGE.footer, style);
    canvas.text(labels.page(index - start + 1, count), PAGE.left + CONTENT_WIDTH / 2, PAGE.footer, {
      ...style,
      align: 'right',
    });
  }
}
