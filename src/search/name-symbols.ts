// Instruments named by a document symbol (missing.ts runs this beside the shape rules of name-shapes.ts): the
// UN's symbols ("S/RES/2250", "A/HRC/RES/48/4", "A/73/348", "S/PV.9381", "CCW/GGE.1/2019/3") and any other
// of the same shape — an issuing body's capitals, then parts joined by slashes, one of them with a digit. The
// tokenizer keeps such a symbol whole. A symbol of a held document ("A/RES/78/265", "A/RES/79/1") is held, and
// one a held document the question is about cites is left to it, as the known instruments are.
import type { Scan, ShapeKnowledge } from './name-shapes.js';

/**
 * A symbol: a body's capitals (up to six letters, an optional ".number": "GGE.1"), then one or more parts after
 * slashes, with a digit somewhere after the first slash; written in capitals ("S/RES/2250"), or in any case with
 * two slashes or more ("s/res/2250"). Not "ISO/IEC" (no digit), "24/7" (no body), "AI/ML".
 */
const SYMBOL = /^[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Z0-9.()-]+)+$/;
const SYMBOL_ANY_CASE = /^[a-z]{1,6}(?:\.\d+)?(?:\/[a-z0-9.()-]+){2,}$/i;

export function isDocumentSymbol(surface: string): boolean {
  if (!(SYMBOL.test(surface) || SYMBOL_ANY_CASE.test(surface))) return false;
  return /\d/.test(surface.slice(surface.indexOf('/')));
}

/** Document symbols Charter does not hold (`symbols` rule). */
export function documentSymbols(
  scan: Scan,
  know: ShapeKnowledge,
  citedByHeld: (surface: string) => boolean,
): void {
  const { toks, norms, heldAt, claimed } = scan;
  for (let i = 0; i < toks.length; i++) {
    if (claimed.has(i) || heldAt.has(i) || !isDocumentSymbol(toks[i]!.surface)) continue;
    if (know.held.isHeldId([norms[i]!]) || citedByHeld(toks[i]!.surface)) continue;
    scan.found.push({ at: i, missing: { name: toks[i]!.surface.toUpperCase(), kind: 'instrument' } });
    claimed.add(i);
  }
}
