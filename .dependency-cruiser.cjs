// Layer rules, checked by `npm run check` (dependency-cruiser). Imports point one way:
//   base (config, log, paths, fsutil) ← corpus ← search ← answer ← reply ← commands ← discord/http ← cli
// with src/app.ts opening corpus + search for the answer services, and src/cli the composition root.
// No cycles; nothing at run time (src/, commands/) imports test/, bench/, tools/, scripts/ or a
// devDependency; the answer core has no Discord types; Discord's core knows no command.
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
      above('src/(corpus|search|answer|reply|discord|http|cli)/', 'src/app', 'commands/'),
      'Configuration, logging and paths sit under everything.',
    ),
    layer(
      'corpus-is-the-bottom',
      '^src/corpus/',
      above('src/(search|answer|reply|discord|http|cli)/', 'src/app', 'commands/'),
    ),
    layer('search-over-corpus-only', '^src/search/', above('src/(answer|reply|discord|http|cli)/', 'src/app', 'commands/')),
    layer(
      'answer-core-no-ui',
      '^src/answer/',
      above('src/(reply|discord|http|cli)/', 'src/app', 'commands/'),
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
      above('src/(discord/(?!limits)|http|cli)', 'src/app', 'commands/'),
      'Formatting never talks to Discord (it only knows Discord’s limits).',
    ),
    layer(
      'discord-core-knows-no-command',
      '^src/discord/',
      above('src/(http|cli)/', 'src/app', 'commands/'),
      'The dispatcher is built over any command set; the composition root (src/cli) wires it.',
    ),
    layer('http-knows-no-command', '^src/http/', above('src/cli/', 'src/app', 'commands/')),
    layer(
      'commands-are-definitions-and-handlers',
      '^commands/',
      above('src/(http|cli)/', 'src/app', 'src/discord/(dispatcher|gateway|deploy|sharding|respond)'),
    ),
    layer('app-opens-the-corpus', '^src/app', above('src/(reply|discord|http|cli)/', 'commands/')),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
