// The catalog: the facts about each document (never its text), validated once at load.
//
// Start-up: importing zod and building the schemas is a noticeable part of a `charter ask` (`npm run bench`
// measures start-up). A catalog that
// passed validation is remembered (its validated form, under a key made of the catalog text and of this
// module's own source, so a changed schema re-validates) in the data directory; an unchanged catalog is then
// read without zod. Anything else (a changed, unknown or invalid catalog) goes through zod as always, so an
// invalid catalog is refused with the same messages.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { writeFileAtomic } from '../fsutil.js';
import { dataDir, PROJECT_ROOT } from '../paths.js';
import { CITATION_STYLES } from './citation.js';

export const DOCUMENT_KINDS = [
  'law',
  'regulation',
  'executive order',
  'resolution',
  'recommendation',
  'treaty',
  'declaration',
  'framework',
  'guidelines',
  'principles',
  'code of conduct',
  'plan',
  'news',
  'policy',
  'memorandum',
] as const;

export const DOCUMENT_STATUSES = [
  'in force',
  'enacted',
  'adopted',
  'published',
  'revoked',
  'superseded',
  'draft',
  /** A bill that lapsed when its parliament ended (Canada's AIDA in Bill C-27): never law. */
  'died on the order paper',
] as const;

/** Statuses a reader must not miss (shown in bold capitals and flagged in choice lists): no longer or never law. */
const FLAGGED_STATUSES: ReadonlySet<string> = new Set(['revoked', 'superseded', 'died on the order paper']);

export function isFlaggedStatus(status: string): boolean {
  return FLAGGED_STATUSES.has(status);
}

/**
 * A document id: lower-case letters, digits and hyphens; an original-language text takes its translation's
 * id plus a language suffix ("….zh"). The one rule for the repository's catalog and `charter add` alike.
 */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*(?:\.[a-z]{2})?$/;
/** Ids name files (`docs/<id>.<ext>` and their temporary siblings), which must stay well under 255 bytes. */
export const MAX_ID_LENGTH = 100;
export const DOCUMENT_ID_RULE =
  'must be lower-case letters, digits and hyphens (optionally a language suffix such as .zh)';

export const FORMATS = ['md', 'txt', 'html', 'pdf', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** The schemas, built on first use (zod is loaded only when a catalog must be validated). */
function buildSchemas() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

  const sourceSchema = z
    .object({
      /** Pinned download URL; null for documents supplied locally (a news report, an organisation's own policy). */
      url: z.url().nullable(),
      format: z.enum(FORMATS),
      /** sha256 of the exact bytes of the reference copy. */
      sha256,
      bytes: z.number().int().positive(),
      /**
       * sha256 of the normalized text (see fingerprint.ts). Text formats only: copies that differ from the
       * reference only by invisible characters or line endings still verify.
       */
      textSha256: sha256.optional(),
      /** For local documents: a path (relative to the catalog file) where the file can be found. */
      path: z.string().optional(),
    })
    .strict();

  const citationSchema = z
    .object({
      style: z.enum(CITATION_STYLES),
      /** For the 'numbered' style: what one numbered item is called ("Action", "Principle"). */
      unitLabel: z.string().optional(),
      /** For a bill that enacts several Acts: the title of the Act this entry is, as the bill prints it. */
      act: z.string().optional(),
    })
    .strict();

  const documentSchema = z
    .object({
      id: z.string().max(MAX_ID_LENGTH).regex(DOCUMENT_ID, DOCUMENT_ID_RULE),
      title: z.string().min(1),
      shortTitle: z.string().min(1).max(60),
      aliases: z.array(z.string().min(1)),
      issuer: z.string().min(1),
      jurisdiction: z.string().min(1),
      date: isoDate,
      status: z.enum(DOCUMENT_STATUSES),
      statusNote: z.string().optional(),
      kind: z.enum(DOCUMENT_KINDS),
      officialUrl: z.url().nullable(),
      /**
       * false when the official URL serves another version of the text than the one quoted (METI's link is
       * Ver1.0's translation for the Ver1.1 text): its page numbers would not match, so links carry none.
       */
      linkPages: z.boolean().optional(),
      /**
       * What of the copy Charter does not quote, and why (METI's Table 1, whose columns a layout extraction
       * interleaves: read/layout-table.ts). Shown by `charter sources --json`.
       */
      notes: z.string().optional(),
      license: z.string().min(1),
      source: sourceSchema,
      citation: citationSchema,
      /** The language of the text (ISO 639-1); English when absent. */
      language: z
        .string()
        .regex(/^[a-z]{2}$/)
        .optional(),
      /** On an original-language text: the id of the entry that is its translation (see search/languages.ts). */
      originalOf: z.string().optional(),
      /** Set on the entries `charter add` keeps in the data directory (see local.ts); never in the repository. */
      addedLocally: z.boolean().optional(),
    })
    .strict();

  const catalogSchema = z
    .object({ $comment: z.string().optional(), documents: z.array(z.unknown()) })
    .strict();
  return { documentSchema, catalogSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const catalogSchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};

export type CatalogDocument = z.infer<ReturnType<typeof buildSchemas>['documentSchema']>;

export const DEFAULT_CATALOG_PATH = join(PROJECT_ROOT, 'corpus', 'catalog.json');

export class CatalogError extends Error {}

/** Validates raw catalog JSON; a bad entry is one sentence naming the entry and the field. */
export function parseCatalog(raw: unknown, origin = 'the catalog'): CatalogDocument[] {
  const { catalogSchema, documentSchema } = catalogSchemas();
  const top = catalogSchema.safeParse(raw);
  if (!top.success) throw new CatalogError(`${origin} must be an object with a "documents" array.`);
  const seen = new Set<string>();
  const docs = top.data.documents.map((entry, index) => {
    const parsed = documentSchema.safeParse(entry);
    const name =
      typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string'
        ? `"${(entry as { id: string }).id}"`
        : `#${index + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
      throw new CatalogError(`In ${origin}, document ${name} has a bad field "${field}": ${issue.message}.`);
    }
    if (seen.has(parsed.data.id)) throw new CatalogError(`In ${origin}, document ${name} is listed twice.`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  for (const doc of docs) {
    if (doc.originalOf && !seen.has(doc.originalOf))
      throw new CatalogError(
        `In ${origin}, document "${doc.id}" is the original of "${doc.originalOf}", which is not in the catalog.`,
      );
  }
  return docs;
}

export function loadCatalog(path = DEFAULT_CATALOG_PATH): CatalogDocument[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CatalogError(`The catalog file ${path} could not be read.`);
  }
  const key = validationKey(text);
  const remembered = key === undefined ? undefined : rememberedCatalog(key);
  if (remembered) return remembered;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(`The catalog file ${path} is not valid JSON (${(error as Error).message}).`);
  }
  const docs = parseCatalog(json, path);
  const added = docs.find((doc) => doc.addedLocally);
  if (added)
    throw new CatalogError(
      `In ${path}, document "${added.id}" is marked addedLocally, which only the data directory's entries are.`,
    );
  if (key !== undefined) remember(key, docs);
  return docs;
}

/** Where validated catalogs are remembered (git-ignored data directory). */
const validatedPath = () => join(dataDir(), 'catalog.validated.json');

/**
 * Identifies a validation: the catalog text and the validating code (this module's source, and the citation
 * styles it accepts). Undefined when the source cannot be read.
 */
function validationKey(text: string): string | undefined {
  let source: string;
  try {
    source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  return createHash('sha256')
    .update(`${JSON.stringify(CITATION_STYLES)}\0${source}\0${text}`)
    .digest('hex');
}

function rememberedCatalog(key: string): CatalogDocument[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(validatedPath(), 'utf8')) as { key?: unknown; documents?: unknown };
    return saved.key === key && Array.isArray(saved.documents)
      ? (saved.documents as CatalogDocument[])
      : undefined;
  } catch {
    return undefined; // none yet, or unreadable: validate
  }
}

function remember(key: string, documents: CatalogDocument[]): void {
  try {
    writeFileAtomic(validatedPath(), JSON.stringify({ key, documents }));
  } catch {
    // A read-only data directory only means validating again next time.
  }
}
