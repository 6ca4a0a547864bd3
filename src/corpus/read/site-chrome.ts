// Web pages saved whole (navigation, menus, share links, advertising, footers) around the document. Each
// site's chrome is cut by a named rule, so it can be found and argued about: a rule applies only when its
// `site` pattern matches a line of the page; the document runs from the line after `startAfter` (its first
// match) to the line before `endAt` (its first match after the start). Nothing between is touched.

interface SiteRule {
  name: string;
  /** A line only this site's pages have. */
  site: RegExp;
  /** The last line of chrome before the document. */
  startAfter: RegExp;
  /** The first line of chrome after the document (none: the document runs to the end of the file). */
  endAt?: RegExp;
  /** The start line may wrap over the lines after it (up to a blank line): they are chrome too. */
  wraps?: true;
}

const RULES: SiteRule[] = [
  {
    // leginfo.legislature.ca.gov bill text: menus, version list and share links, then the anchor
    // "Bill Start" before "Senate Bill No. …"; the bill runs to the end of the page.
    name: 'California leginfo bill page',
    site: /\/faces\/bill(?:Text|Nav)Client\.xhtml\?bill_id=/,
    startAfter: /^#{1,6}\s*Bill Start$/,
  },
  {
    // law.justia.com codes: header, menus and breadcrumb, then "Previous / Next" links around the act,
    // then the disclaimer, advertising and footer.
    name: 'Justia codes page',
    site: /justatic\.com\/|law\.justia\.com\//,
    startAfter: /^\*\*\[ Previous \]\(/,
    endAt: /^\*\*\[ Previous \]\(/,
    wraps: true,
  },
  {
    // www.cac.gov.cn articles (read from HTML): header, search, navigation, breadcrumb, the page's title,
    // date and source, then the print/correct links; after the text the "关闭" (close) link and the footer.
    name: 'Cyberspace Administration of China article page',
    site: /^中华人民共和国国家互联网信息办公室 © 版权所有$/,
    startAfter: /^【打印】【纠错】$/,
    endAt: /^关闭$/,
  },
  {
    // bidenwhitehouse.archives.gov (and www.whitehouse.gov before the move): archive banner, navigation,
    // the post's date, title and breadcrumb; after the signature the "Next Post" block, share links, footer.
    name: 'White House briefing room page',
    site: /^\[Skip to content\]\(#content\)$|whitehouse\.gov\/wp-content\//,
    startAfter: /^\s*\d\.\s+\[ ?Presidential Actions ?\]\(/,
    endAt: /^\[ ?Next Post:/,
  },
];

/** The page without its site's chrome; pages of no known site are returned as they are. */
export function cutSiteChrome(lines: string[]): string[] {
  for (const rule of RULES) {
    if (!lines.some((line) => rule.site.test(line))) continue;
    const start = lines.findIndex((line) => rule.startAfter.test(line.trim()));
    if (start < 0) continue;
    // A start line may wrap ("**[ Previous ](…) ** **[ Next" / "](…) **"): the chrome ends at its block's end.
    let from = start + 1;
    while (rule.wraps && from < lines.length && lines[from]!.trim() !== '') from++;
    const end = rule.endAt ? lines.findIndex((line, i) => i >= from && rule.endAt!.test(line.trim())) : -1;
    return lines.slice(from, end < 0 ? lines.length : end);
  }
  return lines;
}

/** The names of the rules, for the README and tests. */
export const SITE_CHROME_RULES = RULES.map((rule) => rule.name);
