// Pictures of real Charter replies for the README: runs /ask and /quote through the real dispatcher over the
// synced corpus, renders each reply payload as a Discord-like page and captures it with headless Chromium.
// Usage: npx tsx scripts/screenshot.ts   (needs Chromium: apt-get install -y chromium; syncs ./data if stale)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../commands/index.js';
import { openCharter } from '../src/app.js';
import { createDispatcher } from '../src/discord/dispatcher.js';
import { parseInteraction } from '../src/discord/interaction.js';
import { renderReplyHtml } from '../tools/render-html.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT_DIR = resolve('docs');
/** CSS pixels: the page is 640 wide (see render-html.ts). */
const WIDTH = 640;
/** Sharpest first; a tall reply falls back to a smaller scale to keep the PNG under MAX_BYTES. */
const SCALES = [1.5, 1.25, 1];
const MAX_BYTES = 300 * 1024;

interface Shot {
  file: string;
  command: string;
  option: string;
  value: string;
}

const SHOTS: Shot[] = [
  { file: 'reply-ask.png', command: 'ask', option: 'question', value: 'does the EU ban social scoring?' },
  { file: 'reply-quote.png', command: 'quote', option: 'reference', value: 'AI Act Art. 5(1)(c)' },
];

/** A slash-command interaction shaped like the one Discord sends. */
function slashCommand(shot: Shot, id: number): APIInteraction {
  return {
    id: String(900000000000000000n + BigInt(id)),
    application_id: '999999999999999999',
    token: `screenshot-${id}`,
    version: 1,
    type: 2,
    channel_id: '444444444444444444',
    guild_id: '555555555555555555',
    member: {
      user: {
        id: '111111111111111111',
        username: 'alice',
        global_name: null,
        discriminator: '0',
        avatar: null,
      },
    },
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    data: {
      id: '1',
      name: shot.command,
      type: 1,
      options: [{ name: shot.option, type: 3, value: shot.value }],
    },
  } as unknown as APIInteraction;
}

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

function chromium(args: string[], profile: string): string {
  return execFileSync(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

// Measured in the browser, so the picture is cropped to the message whatever fonts this machine has.
const MEASURE = `<script>document.body.dataset.height=String(Math.ceil(document.querySelector('.chat').getBoundingClientRect().bottom))</script>`;

/** Captures the page cropped to the message; returns its height in CSS px and the scale used. */
function capture(html: string, png: string, work: string): { height: number; scale: number } {
  const page = join(mkdtempSync(join(work, 'page-')), 'reply.html');
  const profile = mkdtempSync(join(work, 'profile-'));
  writeFileSync(page, html.replace('</body>', `${MEASURE}</body>`));
  const url = pathToFileURL(page).href;
  const dom = chromium([`--window-size=${WIDTH},200`, '--dump-dom', url], profile);
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (!Number.isFinite(height) || height <= 0) throw new Error('Could not measure the rendered page');
  for (const scale of SCALES) {
    const size = [`--window-size=${WIDTH},${height}`, `--force-device-scale-factor=${scale}`];
    chromium([...size, `--screenshot=${png}`, url], profile);
    if (statSync(png).size <= MAX_BYTES) return { height, scale };
  }
  return { height, scale: SCALES[SCALES.length - 1]! };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM=/path/to/chromium.`,
    );
    process.exit(1);
  }
  // Syncs what is missing or stale from the mirror (CHARTER_MIRROR or ../shared/corpus/raw), as the bot does.
  const charter = await openCharter();
  if (!charter.docs.some((doc) => doc.id === 'eu-ai-act-2024')) {
    console.error(
      'The AI Act is not in the synced corpus. Run: npm run build && node bin/charter.js sync --mirror <dir>',
    );
    process.exit(1);
  }
  const dispatcher = createDispatcher(charter.services, COMMANDS);
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'charter-shot-'));
  try {
    for (const [n, shot] of SHOTS.entries()) {
      const parsed = parseInteraction(slashCommand(shot, n + 1));
      if (!parsed.ok) throw new Error(`/${shot.command}: ${parsed.reason}`);
      const { response, log } = await dispatcher.dispatch(parsed.interaction);
      if (log.outcome !== 'ok') throw new Error(`/${shot.command} ${shot.value} answered ${log.outcome}`);
      const html = renderReplyHtml(response, { invokedBy: { username: 'alice', command: shot.command } });
      const png = join(OUT_DIR, shot.file);
      const { height, scale } = capture(html, png, work);
      const bytes = statSync(png).size;
      const note = bytes > MAX_BYTES ? ` (over ${MAX_BYTES / 1024} KB even at ${scale}×)` : '';
      console.log(
        `${png}: /${shot.command} ${shot.option}:"${shot.value}" → ${WIDTH}×${height} CSS px at ${scale}×, ${Math.round(bytes / 1024)} KB${note}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
