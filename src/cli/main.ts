// `charter <command>`: the command line. Heavy modules (discord.js, the search index) load only for the
// commands that need them, so `charter ask` spends its time answering, not importing.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: charter <command> [options]

Corpus
  sync [--mirror DIR] [--doc ID]... [--force]   fetch, verify and split the documents; build the index
  sources [--json]                              the catalog with passage counts
  passages --json [--doc ID]...                 every passage as JSON lines
  lint [--json] [--doc ID]...                   check every passage for text that is not the document's

Answers
  ask [--json] [--limit N] [--doc ID]... "question"
  ask --json --limit N --queries-file FILE      one JSON line per query line
  quote [--json] "reference"                    e.g. "AI Act Art. 5(1)(c)"
  eval [--json]                                 relevance of Charter and the baselines

Discord
  start [--shards auto]                         the gateway bot
  serve [--port N] [--host H] [--workers N]     the HTTP interactions endpoint (workers: one per core)
  deploy [--guild ID]                           register the slash commands
  commands --json                               the commands JSON deploy would send

Environment: CHARTER_MIRROR (a folder of <id>.<ext> copies), CHARTER_DATA_DIR (default ./data),
DISCORD_* settings (see .env.example).`;

export class UsageError extends Error {}

type Handler = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Handler>> = {
  sync: async () => (await import('./corpus.js')).runSync,
  sources: async () => (await import('./corpus.js')).runSources,
  passages: async () => (await import('./corpus.js')).runPassages,
  lint: async () => (await import('./lint.js')).runLint,
  ask: async () => (await import('./answer.js')).runAsk,
  quote: async () => (await import('./answer.js')).runQuote,
  eval: async () => (await import('./run-eval.js')).runEvalCommand,
  start: async () => {
    const [{ runStart }, { openCharter }] = await Promise.all([import('./discord.js'), import('../app.js')]);
    return (args) => runStart(args, async () => (await openCharter()).services);
  },
  deploy: async () => (await import('./discord.js')).runDeploy,
  commands: async () => (await import('./discord.js')).printCommands,
  serve: async () => {
    const [{ runServe }, { openCharter }] = await Promise.all([import('./serve.js'), import('../app.js')]);
    return (args) =>
      runServe(args, {
        loadServices: async () => {
          const charter = await openCharter();
          return {
            services: charter.services,
            health: { corpusVersion: charter.version, passages: charter.index.passages.length },
          };
        },
      });
  },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    console.error(`Unknown command "${command}". Run "charter help" for the list.`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message} Run "charter help" for usage.`);
      return 2;
    }
    throw error;
  }
}

export { parseArgs };
