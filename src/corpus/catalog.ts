// The catalog: the facts about each document (never its text), validated once at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';
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
] as const;

export const DOCUMENT_STATUSES = [
  'in force',
  'enacted',
  'adopted',
  'published',
  'revoked',
  'superseded',
  'draft',
] as const;

export const FORMATS = ['md', 'txt', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

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
  })
  .strict();

export const documentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
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
    license: z.string().min(1),
    source: sourceSchema,
    citation: citationSchema,
  })
  .strict();

export type CatalogDocument = z.infer<typeof documentSchema>;

const catalogSchema = z.object({ $comment: z.string().optional(), documents: z.array(z.unknown()) }).strict();

export const DEFAULT_CATALOG_PATH = join(PROJECT_ROOT, 'corpus', 'catalog.json');

export class CatalogError extends Error {}

/** Validates raw catalog JSON; a bad entry is one sentence naming the entry and the field. */
export function parseCatalog(raw: unknown, origin = 'the catalog'): CatalogDocument[] {
  const top = catalogSchema.safeParse(raw);
  if (!top.success) throw new CatalogError(`${origin} must be an object with a "documents" array.`);
  const seen = new Set<string>();
  return top.data.documents.map((entry, index) => {
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
}

export function loadCatalog(path = DEFAULT_CATALOG_PATH): CatalogDocument[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CatalogError(`The catalog file ${path} could not be read.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(`The catalog file ${path} is not valid JSON (${(error as Error).message}).`);
  }
  return parseCatalog(json, path);
}
