// Reading a subcommand's arguments: Node's parser, with its errors turned into one sentence that points to
// the subcommand's --help.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how a command was typed: printed as one sentence, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option a parse error names ("--limt"), if any. */
const optionIn = (message: string) => /'(-[^' ]*)/.exec(message)?.[1];

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
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
