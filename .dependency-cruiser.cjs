// Layer rules, checked by `npm run check` (dependency-cruiser). Imports point one way:
//   base (config, log, paths, fsutil) ← corpus ← search ← answer ← reply ← discord ← commands ← cli
// with src/app.ts opening corpus + search for the answer services, and src/cli the composition root.
// src/discord/ holds Discord's core (dispatcher, gateway, interaction parsing, limits), its HTTP interactions
// endpoint (src/discord/http/) and Charter's Discord-only UI (src/discord/ui/: message building, buttons, menus,
// their custom_id state, shared command options); commands/ holds one file per slash command (+ index).
// No cycles; nothing at run time (src/, commands/) imports test/, bench/, tools/, scripts/ or a
// devDependency; the answer core has no Discord types; Discord's core knows no command and no UI.
/** @type {import('dependency-cruiser').IConfiguration} */
const RUNTIME = '^(src|commands)/';
const above = (...layers) => `^(${layers.join('|')})`;

const layer = (name, from, forbidden, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: forbidden },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order decide what is undefined.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-not-dev-tooling',
      severity: 'error',
      comment: 'The runtime tree never imports tests, benchmarks or dev tools.',
      from: { path: RUNTIME },
      to: { path: '^(test|bench|tools|scripts)/' },
    },
    {
      name: 'runtime-no-dev-dependencies',
      severity: 'error',
      comment: 'A production install (npm prune --omit=dev) must still run everything under src/ and commands/.',
      from: { path: RUNTIME },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-no-unlisted-packages',
      severity: 'error',
      from: { path: RUNTIME },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown', 'unknown'] },
    },
    layer(
      'base-is-base',
      '^src/(config|log|paths|fsutil)',
      above('src/(corpus|search|answer|reply|discord|cli)/', 'src/app', 'commands/'),
      'Configuration, logging and paths sit under everything.',
    ),
    layer(
      'corpus-is-the-bottom',
      '^src/corpus/',
      above('src/(search|answer|reply|discord|cli)/', 'src/app', 'commands/'),
    ),
    layer('search-over-corpus-only', '^src/search/', above('src/(answer|reply|discord|cli)/', 'src/app', 'commands/')),
    layer(
      'answer-core-no-ui',
      '^src/answer/',
      above('src/(reply|discord|cli)/', 'src/app', 'commands/'),
      'The answer core is shared by the CLI and the commands: no rendering, no transport.',
    ),
    {
      name: 'answer-core-no-discord-types',
      severity: 'error',
      from: { path: '^src/answer/' },
      to: { path: 'node_modules/(discord-api-types|discord\\.js|@discordjs)/' },
    },
    layer(
      'reply-renders-only',
      '^src/reply/',
      above('src/(discord/(?!limits)|cli)', 'src/app', 'commands/'),
      'Formatting never talks to Discord (it only knows Discord’s limits).',
    ),
    layer(
      'discord-core-knows-no-command',
      '^src/discord/',
      above('src/cli/', 'src/app', 'commands/'),
      'The dispatcher is built over any command set; the composition root (src/cli) wires it.',
    ),
    layer(
      'discord-core-knows-no-ui',
      '^src/discord/(?!ui/)',
      '^src/discord/ui/',
      'Dispatcher, gateway and endpoint translate any command set; only the commands use Charter’s UI.',
    ),
    layer(
      'discord-core-knows-no-endpoint',
      '^src/discord/(?!http/)',
      '^src/discord/http/',
      'The HTTP endpoint is one transport over the core; the core and the UI never reach into it.',
    ),
    layer(
      'commands-are-definitions-and-handlers',
      '^commands/',
      above('src/cli/', 'src/app', 'src/discord/(dispatcher|gateway|deploy|sharding|respond|http/)'),
    ),
    layer(
      'cli-renders-no-discord',
      '^src/cli/(?!(discord|serve|serve-worker|prepare|wiring)\\.ts$)',
      above('src/discord/', 'src/reply/', 'commands/'),
      'The terminal front end renders outcomes itself: no Discord message builders, reply helpers or commands.\n' +
        'Only the Discord wiring (deploy/start, serve, its preparation and answer workers, the dispatcher wiring) reaches Discord.',
    ),
    layer('app-opens-the-corpus', '^src/app', above('src/(reply|discord|cli)/', 'commands/')),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
