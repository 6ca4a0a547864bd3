// The instruments Charter knows of but does not hold (corpus/instruments.json): facts, never text — name,
// aliases, issuer, date, jurisdiction, kind, official URL and where each fact was found (a held document
// that cites it, the mirror's record of a copy that was not found, or the issue that listed it). Search uses
// them only to name an instrument properly when a question asks about it; a question about an instrument in
// no list is still flagged by search/missing.ts. Validated by zod; as for the catalog, a validated file is
// remembered in the data directory (keyed by its text and this module's source), so zod is loaded only when
// the file or the schema changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { writeFileAtomic } from '../fsutil.js';
import { dataDir, PROJECT_ROOT } from '../paths.js';
import { DOCUMENT_KINDS } from './catalog.js';

export const INSTRUMENTS_PATH = join(PROJECT_ROOT, 'corpus', 'instruments.json');

/** The catalog's kinds, less a news report (never an instrument), plus a report of a body. */
export const INSTRUMENT_KINDS = [...DOCUMENT_KINDS.filter((kind) => kind !== 'news'), 'report'] as const;

function buildSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const source = z.union([
    z.object({ citedIn: z.string().min(1), locator: z.string().min(1) }).strict(),
    z.object({ mirror: z.string().regex(/\.source\.json$/, 'must name a <id>.source.json file') }).strict(),
    z.object({ listedIn: z.string().min(1) }).strict(),
  ]);
  const instrument = z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
      /** As people write it, capitals and all ("Bletchley Declaration", "NYC Local Law 144"). */
      name: z.string().min(1),
      /** Whether English puts "the" before the name ("the Bletchley Declaration"). */
      the: z.boolean().optional(),
      /** The full official title, when the name is shorter. */
      title: z.string().min(1).optional(),
      /** What people type for it; matched whole words, case-insensitively (see search/instruments.ts). */
      aliases: z.array(z.string().min(1)).min(1),
      /** Who made it, as short as a note can say it ("28 countries and the EU"). */
      issuer: z.string().min(1),
      /** Where it was adopted, when that is how people know it ("Bletchley Park"). */
      place: z.string().min(1).optional(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
      jurisdiction: z.string().min(1),
      kind: z.enum(INSTRUMENT_KINDS),
      /** The official place to read it; absent when no official page could be confirmed. */
      url: z.url({ protocol: /^https$/ }).optional(),
      source,
    })
    .strict();
  return z.object({ $comment: z.string().optional(), instruments: z.array(instrument) }).strict();
}

export type KnownInstrument = z.infer<ReturnType<typeof buildSchema>>['instruments'][number];

export class InstrumentsError extends Error {}

/** Validates the file's JSON; a bad entry is one sentence naming the entry and the field. */
export function parseInstruments(raw: unknown, origin = 'corpus/instruments.json'): KnownInstrument[] {
  const parsed = buildSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [, index, ...field] = issue.path;
    const entry =
      typeof index === 'number'
        ? ((raw as { instruments?: { id?: unknown }[] }).instruments?.[index]?.id ?? `#${index + 1}`)
        : undefined;
    const where = entry === undefined ? '' : ` entry "${String(entry)}"`;
    const what = field.length > 0 ? ` has a bad field "${field.join('.')}"` : ' is malformed';
    throw new InstrumentsError(`In ${origin},${where}${what}: ${issue.message}.`);
  }
  const seen = new Set<string>();
  for (const instrument of parsed.data.instruments) {
    if (seen.has(instrument.id))
      throw new InstrumentsError(`In ${origin}, entry "${instrument.id}" is listed twice.`);
    seen.add(instrument.id);
  }
  return parsed.data.instruments;
}

let loaded: KnownInstrument[] | undefined;

export function loadInstruments(path = INSTRUMENTS_PATH): KnownInstrument[] {
  if (path === INSTRUMENTS_PATH && loaded) return loaded;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InstrumentsError(`The file ${path} could not be read.`);
  }
  const key = validationKey(text);
  let instruments = key === undefined ? undefined : remembered(key);
  if (!instruments) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new InstrumentsError(`The file ${path} is not valid JSON (${(error as Error).message}).`);
    }
    instruments = parseInstruments(raw, path);
    if (key !== undefined) remember(key, instruments);
  }
  if (path === INSTRUMENTS_PATH) loaded = instruments;
  return instruments;
}

const validatedPath = () => join(dataDir(), 'instruments.validated.json');

function validationKey(text: string): string | undefined {
  try {
    const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    return createHash('sha256').update(`${source}\0${text}`).digest('hex');
  } catch {
    return undefined;
  }
}

function remembered(key: string): KnownInstrument[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(validatedPath(), 'utf8')) as {
      key?: unknown;
      instruments?: unknown;
    };
    return saved.key === key && Array.isArray(saved.instruments)
      ? (saved.instruments as KnownInstrument[])
      : undefined;
  } catch {
    return undefined; // none yet, or unreadable: validate
  }
}

function remember(key: string, instruments: KnownInstrument[]): void {
  try {
    writeFileAtomic(validatedPath(), JSON.stringify({ key, instruments }));
  } catch {
    // A read-only data directory only means validating again next time.
  }
}
