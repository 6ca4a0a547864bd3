// Reading a subcommand's arguments: Node's parser, with its errors turned into one sentence that points to
// the subcommand's --help.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how a command was typed: printed as one sentence, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option a parse error names ("--limt"), if any. */
const optionIn = (message: string) => /'(-[^' ]*)/.exec(message)?.[1];

/**
 * `--limit -1`: Node's parser reads "-1" as an option, so the command would say the option "takes no
 * value". A value that looks like a negative number is joined to its string option ("--limit=-1"), so the
 * command's own range check answers instead.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === '--') return [...out, ...args.slice(i)];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = (error as Error).message;
    const option = optionIn(message);
    const why =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `"charter ${command}" has no option ${option ?? 'like that'}.`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `Option ${option ?? ''} of "charter ${command}" ${message.includes('argument missing') ? 'needs a value' : 'takes no value'}.`
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `"charter ${command}" takes no words besides its options.`
            : `The arguments of "charter ${command}" could not be read.`;
    throw new UsageError(why.replace(/ {2,}/g, ' '));
  }
}
