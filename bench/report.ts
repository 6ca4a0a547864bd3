// The bench report: its JSON shape, the targets it is judged against, and the table for the terminal.
import type { LatencySummary } from './stats.js';

export interface EngineFigures {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Timed queries. */
  n: number;
  /** On the relevance set as written. */
  recallAt5: number;
  /** On all bench questions (variations keep the question's relevant passage). */
  recallAt5Variants: number;
  buildMs: number;
}

export interface GrowthRow {
  factor: number;
  passages: number;
  buildMs: number;
  indexBytes: number;
  /** Read + JSON.parse + CorpusIndex.load, cold, in a fresh process. */
  loadMs: number;
  load: LoadBreakdown;
  heapMb: number;
  rssMb: number;
  p50Ms: number;
  p99Ms: number;
  /** Search alone with the per-term cache off. */
  coldP50Ms: number;
  coldP99Ms: number;
  n: number;
  recallAt5: number;
  /** Young-generation collections inside the timed answers (p50/p99), and their total pause. */
  scavenges?: { count: number; ms: number };
}

export interface LoadBreakdown {
  readMs: number;
  parseMs: number;
  /** CorpusIndex.load on the parsed object. */
  indexLoadMs: number;
  /** MiniSearch.loadJS alone (the term tree rebuilt), timed on its own. */
  miniSearchLoadJsMs: number;
  /** JSON.parse of each part of the saved index on its own. */
  parsePassagesMs: number;
  parseIndexMs: number;
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

export interface BenchReport {
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    date: string;
    mode: 'quick' | 'full';
  };
  passages: number;
  questions: { total: number; timed: number; relevance: number; byVariant: Record<string, number> };
  /**
   * Charter: search + /ask reply rendering. `searchOnly` is the search alone; `searchOnlyCold` the search
   * with the per-term cache off, i.e. what terms seen for the first time cost.
   */
  search: EngineFigures & { searchOnly: LatencySummary; searchOnlyCold: LatencySummary };
  peers: Record<string, EngineFigures>;
  startup: {
    buildMs: number;
    indexBytes: number;
    passageBytes: number;
    /** Read + JSON.parse + CorpusIndex.load, cold, in a fresh process. */
    loadMs: number;
    loadBreakdown: LoadBreakdown;
    firstAnswerMs: number;
    firstAnswerRunsMs: number[];
    firstAnswerVia: string;
  };
  memory: { heapMb: number; rssMb: number };
  growth: GrowthRow[];
  http: HttpModesResult | null;
  httpNote?: string;
  targets: Target[];
  totalMs: number;
}

/** Exponent e in cost ∝ size^e between the first and last growth rows (1 = linear). */
export function growthExponent(
  rows: readonly GrowthRow[],
  pick: (row: GrowthRow) => number,
): number | undefined {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || last.factor === first.factor || pick(first) <= 0) return undefined;
  return Math.log(pick(last) / pick(first)) / Math.log(last.factor / first.factor);
}

export interface HttpModeRow {
  /** 'single loop' (answers on the HTTP thread) or 'N worker(s)'. */
  mode: string;
  workers: number;
  askRps: number;
  askP50Ms: number;
  askP99Ms: number;
  /** /ask throughput ÷ the floor's (verify + PONG on one loop). */
  ofFloor: number;
  /** Open-loop /ask p99 at each offered rate (req/s → ms), timed from when each request was due. */
  openP99Ms: Record<string, number>;
  /** GET /healthz p99 while /ask is saturated. */
  healthP99Ms: number;
  /** CPU of the whole bench process per saturated /ask (server, workers, load generator). */
  cpuMsPerAsk: number;
}

export interface HttpModesResult {
  floorRps: number;
  floorP99Ms: number;
  rows: HttpModeRow[];
  /** N-worker saturated throughput ÷ one worker's. */
  scaling: number;
  cores: number;
  /** Rounds per mode (interleaved); figures are medians. */
  rounds: number;
  /** Work of N busy threads ÷ one thread's, measured in the same run: what the machine allowed. */
  machineScaling: number;
}

export const OPEN_RATES = [100, 200, 400];

/** The table README keeps. */
export function formatHttpModes(result: HttpModesResult): string {
  const head = [
    'mode',
    '/ask req/s',
    'p50 ms',
    'p99 ms',
    'of floor',
    ...OPEN_RATES.map((r) => `p99 @${r}/s`),
    '/healthz p99',
    'CPU ms/ask',
  ];
  const rows = result.rows.map((r) => [
    r.mode,
    String(r.askRps),
    r.askP50Ms.toFixed(2),
    r.askP99Ms.toFixed(2),
    `${r.ofFloor.toFixed(2)}×`,
    ...OPEN_RATES.map((rate) => (r.openP99Ms[String(rate)] ?? Number.NaN).toFixed(2)),
    r.healthP99Ms.toFixed(2),
    r.cpuMsPerAsk.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(head),
    ...rows.map(line),
    `floor (verify + PONG, one loop): ${result.floorRps} req/s, p99 ${result.floorP99Ms.toFixed(2)} ms; ` +
      `${result.cores} cores; ${Math.max(...result.rows.map((r) => r.workers))} workers ÷ 1 worker = ${result.scaling.toFixed(2)}×; median of ${result.rounds} interleaved round(s)`,
    `(the machine at the time: ${Math.max(...result.rows.map((r) => r.workers))} busy threads of plain arithmetic did ${result.machineScaling.toFixed(2)}× the work of one)`,
  ].join('\n');
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

export function judgeTargets(report: Omit<BenchReport, 'targets' | 'totalMs'>): Target[] {
  const targets: Target[] = [];
  const bestPeerRecall = Math.max(0, ...Object.values(report.peers).map((peer) => peer.recallAt5));
  targets.push({
    name: 'search+render p99 at x1',
    goal: '<= 3 ms',
    value: `${fixed(report.search.p99Ms)} ms`,
    met: report.search.p99Ms <= 3,
  });
  targets.push({
    name: 'best Recall@5',
    goal: `>= best peer (${fixed(bestPeerRecall, 3)})`,
    value: fixed(report.search.recallAt5, 3),
    met: report.search.recallAt5 >= bestPeerRecall,
  });
  const x16 = report.growth.find((row) => row.factor === 16);
  if (x16)
    targets.push({
      name: 'search+render p99 at x16',
      goal: '<= 15 ms',
      value: `${fixed(x16.p99Ms)} ms`,
      met: x16.p99Ms <= 15,
    });
  targets.push({
    name: 'start to first answer at x1',
    goal: '<= 400 ms',
    value: `${fixed(report.startup.firstAnswerMs, 0)} ms`,
    met: report.startup.firstAnswerMs <= 400,
  });
  targets.push({
    name: 'heap after load at x1',
    goal: '<= 100 MB',
    value: `${fixed(report.memory.heapMb, 1)} MB`,
    met: report.memory.heapMb <= 100,
  });
  const http = report.http;
  const most = http?.rows.reduce((a, b) => (b.workers > a.workers ? b : a));
  if (http && most) {
    targets.push({
      name: `/healthz p99 with /ask saturated (${most.mode})`,
      goal: '<= 20 ms',
      value: `${fixed(most.healthP99Ms)} ms`,
      met: most.healthP99Ms <= 20,
    });
    const at200 = most.openP99Ms['200'] ?? Number.NaN;
    targets.push({
      name: `/ask p99 offered 200 req/s (${most.mode})`,
      goal: '<= 10 ms',
      value: `${fixed(at200)} ms`,
      met: at200 <= 10,
    });
    targets.push({
      name: `/ask throughput ${most.mode} ÷ 1 worker`,
      goal: '>= 1.5×',
      value: `${fixed(http.scaling)}×`,
      met: http.scaling >= 1.5,
    });
  }
  const measures: [string, (row: GrowthRow) => number][] = [
    ['p99', (row) => row.p99Ms],
    ['build', (row) => row.buildMs],
    ['load', (row) => row.loadMs],
    ['heap', (row) => row.heapMb],
  ];
  for (const [label, pick] of measures) {
    const exponent = growthExponent(report.growth, pick);
    if (exponent === undefined) continue;
    // A little slack: a 16x corpus measured once is noisy.
    targets.push({
      name: `growth of ${label}`,
      goal: 'no worse than linear (exponent <= 1.1)',
      value: `size^${fixed(exponent)}`,
      met: exponent <= 1.1,
    });
  }
  return targets;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [render(header), ...rows.map(render)].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`Charter bench (${m.mode}) — ${m.date}, node ${m.node}, ${m.cpus} × ${m.cpuModel}`);
  const variants = Object.entries(report.questions.byVariant).map(
    ([variant, count]) => `${count} ${variant}`,
  );
  lines.push(
    `${report.passages} passages; ${report.questions.timed} timed questions (${variants.join(', ')}); recall on the ${report.questions.relevance} relevance questions`,
  );
  lines.push('');
  lines.push('1. Query latency, interleaved in one process (ratio = p99 / Charter search+render p99)');
  const charter = report.search;
  const engineRow = (name: string, f: EngineFigures) => [
    name,
    fixed(f.p50Ms),
    fixed(f.p95Ms),
    fixed(f.p99Ms),
    fixed(f.p99Ms / charter.p99Ms),
    fixed(f.recallAt5, 3),
    fixed(f.recallAt5Variants, 3),
    fixed(f.buildMs, 0),
  ];
  lines.push(
    table(
      ['engine', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio', 'R@5', 'R@5 var', 'build ms'],
      [
        engineRow('charter (search+render)', charter),
        engineRow('charter (search only)', { ...charter, ...charter.searchOnly }),
        engineRow('charter (search, term cache off)', { ...charter, ...charter.searchOnlyCold }),
        ...Object.entries(report.peers).map(([name, figures]) => engineRow(name, figures)),
      ],
    ),
  );
  const s = report.startup;
  const b = s.loadBreakdown;
  lines.push('');
  lines.push('2. Start-up (x1)');
  lines.push(
    `build ${fixed(s.buildMs, 0)} ms; saved ${kb(s.indexBytes)} (passages ${kb(s.passageBytes)}); load ${fixed(s.loadMs, 0)} ms`,
  );
  lines.push(
    `  load = read ${fixed(b.readMs, 0)} + JSON.parse ${fixed(b.parseMs, 0)} (passages part ${fixed(b.parsePassagesMs, 0)}, index part ${fixed(b.parseIndexMs, 0)})` +
      ` + CorpusIndex.load ${fixed(b.indexLoadMs, 0)} (MiniSearch.loadJS ${fixed(b.miniSearchLoadJsMs, 0)})`,
  );
  lines.push(
    `first answer ${fixed(s.firstAnswerMs, 0)} ms median of [${s.firstAnswerRunsMs.map((t) => t.toFixed(0)).join(', ')}] via ${s.firstAnswerVia}`,
  );
  lines.push(
    `memory after load (fresh process, after gc): heap ${fixed(report.memory.heapMb, 1)} MB, RSS ${fixed(report.memory.rssMb, 1)} MB`,
  );
  lines.push('');
  lines.push('3. Growth (each size in fresh processes; copies have perturbed wording)');
  lines.push(
    table(
      [
        'factor',
        'passages',
        'build ms',
        'saved',
        'load ms',
        'parse ms',
        'loadJS ms',
        'heap MB',
        'RSS MB',
        'p50 ms',
        'p99 ms',
        'cold p50',
        'cold p99',
        'n',
        'R@5',
      ],
      report.growth.map((row) => [
        `x${row.factor}`,
        String(row.passages),
        fixed(row.buildMs, 0),
        kb(row.indexBytes),
        fixed(row.loadMs, 0),
        fixed(row.load.parseMs, 0),
        fixed(row.load.miniSearchLoadJsMs, 0),
        fixed(row.heapMb, 1),
        fixed(row.rssMb, 1),
        fixed(row.p50Ms),
        fixed(row.p99Ms),
        fixed(row.coldP50Ms),
        fixed(row.coldP99Ms),
        String(row.n),
        fixed(row.recallAt5, 3),
      ]),
    ),
  );
  const collected = report.growth.filter((row) => row.scavenges);
  if (collected.length > 0)
    lines.push(
      `young-generation collections inside the timed answers (answer thread, src/discord/http/pool.ts limits): ${collected
        .map((row) => `x${row.factor} ${row.scavenges!.count} (${fixed(row.scavenges!.ms)} ms)`)
        .join(', ')}`,
    );
  lines.push('');
  lines.push(
    '4. HTTP endpoint (loopback, signed /ask from 64 users; saturated = 20 in flight; open loop at fixed rates)',
  );
  const h = report.http;
  lines.push(h ? formatHttpModes(h) : `http: not available${report.httpNote ? ` (${report.httpNote})` : ''}`);
  lines.push('');
  lines.push('Targets');
  lines.push(
    table(
      ['target', 'goal', 'measured', ''],
      report.targets.map((t) => [t.name, t.goal, t.value, t.met ? 'met' : 'MISSED']),
    ),
  );
  lines.push(`(bench took ${(report.totalMs / 1000).toFixed(0)} s)`);
  return lines.join('\n');
}
