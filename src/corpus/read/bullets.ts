// Bullets that PDF text extraction writes as private-use code points: the Wingdings and Symbol fonts' list
// bullets (U+F0B2, U+F09F, U+F0B7, U+F0A7, U+F0D8, U+F0FC) have no Unicode meaning of their own. At the start
// of a line they are a list marker, which is layout, not words: they become "•" so the list stays visible
// and no private-use character reaches a passage. Elsewhere in a line they are left alone (charter lint
// reports them).
const PRIVATE_USE_BULLET = /^(\s*)[\uF0B2\uF09F\uF0B7\uF0A7\uF0D8\uF0FC](?=\s)/;

export function plainBullet(line: string): string {
  return line.replace(PRIVATE_USE_BULLET, '$1•');
}
