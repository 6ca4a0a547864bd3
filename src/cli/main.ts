// `charter <command>`: the command line. Heavy modules (discord.js, the search index) load only for the
// commands that need them, so `charter ask` spends its time answering, not importing; `--help` and
// `--version` load nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripControls } from '../corpus/text.js';
import { PROJECT_ROOT } from '../paths.js';
import { UsageError } from './args.js';
import { EXIT } from './exit.js';
import { HELP, OVERVIEW } from './help.js';

type Handler = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Handler>> = {
  sync: async () => (await import('./corpus.js')).runSync,
  sources: async () => (await import('./corpus.js')).runSources,
  passages: async () => (await import('./corpus.js')).runPassages,
  lint: async () => (await import('./lint.js')).runLint,
  add: async () => (await import('./add.js')).runAdd,
  remove: async () => (await import('./add.js')).runRemove,
  ask: async () => (await import('./answer.js')).runAsk,
  compare: async () => (await import('./compare.js')).runCompare,
  quote: async () => (await import('./answer.js')).runQuote,
  start: async () => (await import('./compose.js')).start,
  serve: async () => (await import('./compose.js')).serve,
  deploy: async () => (await import('./discord.js')).runDeploy,
  commands: async () => (await import('./discord.js')).printCommands,
};

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const wantsHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    console.error(OVERVIEW);
    return 2;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    console.log(`charter ${version()}`);
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    console.log(topic && HELP[topic] ? HELP[topic] : OVERVIEW);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    console.error(stripControls(`Unknown command "${command}". Run "charter help" for the list.`));
    return 2;
  }
  if (wantsHelp(rest)) {
    console.log(HELP[command] ?? OVERVIEW);
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      // A usage error may echo what was typed: through the one sanitiser, like every terminal line.
      console.error(stripControls(`${error.message} Run "charter ${command} --help" for usage.`));
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * The process entry point (bin/charter.js): runs a command and sets the exit code. A reader that closes
 * its end early (`charter passages --json | head -1`) ends the process quietly with exit 0, for every
 * command, instead of an unhandled `write EPIPE`.
 */
export function runCli(argv: string[]): Promise<void> {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(stripControls(error instanceof Error ? error.message : String(error)));
      process.exitCode = 1;
    },
  );
}
