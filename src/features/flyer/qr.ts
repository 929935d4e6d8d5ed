// QR codes for printed pages, made at build time as inline SVG: no image files,
// no JavaScript, and vector edges that stay sharp on any printer.
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

/** The white margin around the code, in modules: the 4 that ISO/IEC 18004 asks for, without which phones misread it. */
export const QUIET_ZONE = 4;

export interface QrOptions {
  /** What the code is, for screen readers. */
  label: string;
  /** Printed width and height, quiet zone included: 35 mm scans well from arm's length. */
  sizeMm?: number;
}

/** SVG markup of a QR code for `text`: black on white, with its quiet zone, `sizeMm` square. */
export function qrSvg(text: string, { label, sizeMm = 35 }: QrOptions): string {
  // Level M survives a crease or a smudge (15% of the code) and keeps a URL's code small.
  const code = generate(text, { minCorrectionLevel: correction.M });
  const side = code.size + 2 * QUIET_ZONE;
  const box = `${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box}" width="${sizeMm}mm" height="${sizeMm}mm" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect x="${-QUIET_ZONE}" y="${-QUIET_ZONE}" width="${side}" height="${side}" fill="#ffffff"/>` +
    `<path d="${toSvgPath(code)}" fill="#000000"/>` +
    '</svg>'
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
