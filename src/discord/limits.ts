// THE one module that knows Discord's size limits. Everything that builds a payload checks against these,
// and `messageViolations` / `commandViolations` say exactly which limit a payload breaks.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
  ApplicationCommandType,
  ComponentType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionName: 32,
  /** A string option's value (Discord's documented maximum max_length). */
  optionValue: 6000,
  /** A message's content (with Nitro; 2000 without): the target of a message command. */
  messageContent: 4000,
  optionDescription: 100,
  commandsPerApp: 100,
  /** Total characters of names and descriptions across a command and its options. */
  commandTotal: 4000,
} as const;

/** Characters as Discord counts them (UTF-16 code units, like JavaScript's length). */
export const len = (text: string | undefined): number => (text ?? '').length;

export function embedSize(embed: APIEmbed): number {
  let total = len(embed.title) + len(embed.description) + len(embed.footer?.text) + len(embed.author?.name);
  for (const field of embed.fields ?? []) total += len(field.name) + len(field.value);
  return total;
}

function embedViolations(embed: APIEmbed, where: string): string[] {
  const out: string[] = [];
  const over = (what: string, value: string | undefined, max: number) => {
    if (len(value) > max) out.push(`${where} ${what} is ${len(value)} > ${max}`);
  };
  over('title', embed.title, LIMITS.embedTitle);
  over('description', embed.description, LIMITS.embedDescription);
  over('footer', embed.footer?.text, LIMITS.footerText);
  over('author', embed.author?.name, LIMITS.authorName);
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields)
    out.push(`${where} has ${fields.length} > ${LIMITS.embedFields} fields`);
  for (const [i, field] of fields.entries()) {
    over(`field ${i} name`, field.name, LIMITS.fieldName);
    over(`field ${i} value`, field.value, LIMITS.fieldValue);
    if (field.name.trim() === '' || field.value.trim() === '') out.push(`${where} field ${i} is empty`);
  }
  return out;
}

function componentViolations(rows: APIActionRowComponent<APIComponentInMessageActionRow>[]): string[] {
  const out: string[] = [];
  if (rows.length > LIMITS.actionRows) out.push(`${rows.length} > ${LIMITS.actionRows} action rows`);
  const ids = new Set<string>();
  for (const [r, row] of rows.entries()) {
    const buttons = row.components.filter((c) => c.type === ComponentType.Button);
    const selects = row.components.filter((c) => c.type !== 2);
    if (buttons.length > LIMITS.buttonsPerRow) out.push(`row ${r} has ${buttons.length} > 5 buttons`);
    if (selects.length > 0 && row.components.length > 1)
      out.push(`row ${r} mixes a select menu with other components`);
    if (row.components.length === 0) out.push(`row ${r} is empty`);
    for (const component of row.components) {
      const customId = 'custom_id' in component ? component.custom_id : undefined;
      if (customId !== undefined) {
        if (len(customId) > LIMITS.customId) out.push(`custom_id "${customId}" is ${len(customId)} > 100`);
        if (ids.has(customId)) out.push(`custom_id "${customId}" is used twice`);
        ids.add(customId);
      }
      if (
        component.type === ComponentType.Button &&
        'label' in component &&
        len(component.label) > LIMITS.buttonLabel
      ) {
        out.push(`row ${r} button label is ${len(component.label)} > ${LIMITS.buttonLabel}`);
      }
      if (component.type === ComponentType.StringSelect) {
        if (component.options.length > LIMITS.selectOptions)
          out.push(`select has ${component.options.length} > 25 options`);
        if (component.options.length === 0) out.push('select has no options');
        if (len(component.placeholder) > LIMITS.selectPlaceholder) out.push('select placeholder too long');
        for (const option of component.options) {
          if (len(option.label) > LIMITS.selectOptionLabel || len(option.label) === 0)
            out.push('select option label length');
          if (len(option.value) > LIMITS.selectOptionValue) out.push('select option value too long');
          if (len(option.description) > LIMITS.selectOptionDescription)
            out.push('select option description too long');
        }
      }
    }
  }
  return out;
}

/** Every limit a message payload breaks; empty when it fits. */
export function messageViolations(data: APIInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  if (len(data.content) > LIMITS.content) out.push(`content is ${len(data.content)} > ${LIMITS.content}`);
  const embeds = data.embeds ?? [];
  if (embeds.length > LIMITS.embedsPerMessage)
    out.push(`${embeds.length} > ${LIMITS.embedsPerMessage} embeds`);
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    out.push(...embedViolations(embed, `embed ${i}`));
    total += embedSize(embed);
  }
  if (total > LIMITS.embedsTotal) out.push(`embeds total ${total} > ${LIMITS.embedsTotal}`);
  if (len(data.content) === 0 && embeds.length === 0 && (data.components ?? []).length === 0)
    out.push('message is empty');
  out.push(
    ...componentViolations(
      (data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[],
    ),
  );
  return out;
}

const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

interface OptionLike {
  name: string;
  description?: string;
  choices?: { name: string; value: string | number }[];
  options?: OptionLike[];
  autocomplete?: boolean;
  required?: boolean;
}

/** Every limit a command definition breaks; empty when it fits. */
export function commandViolations(command: RESTPostAPIApplicationCommandsJSONBody): string[] {
  const out: string[] = [];
  const isChatInput = command.type === undefined || command.type === ApplicationCommandType.ChatInput;
  const name = command.name;
  if (isChatInput) {
    if (!NAME_PATTERN.test(name) || name !== name.toLowerCase())
      out.push(`command name "${name}" is not a valid slash name`);
  } else if (len(name) < 1 || len(name) > LIMITS.commandName) out.push(`command name "${name}" length`);
  const description = 'description' in command ? (command.description ?? '') : '';
  if (isChatInput && (len(description) < 1 || len(description) > LIMITS.commandDescription)) {
    out.push(`/${name} description is ${len(description)} chars (1–100)`);
  }
  let total = len(name) + len(description);
  const options = ('options' in command ? (command.options ?? []) : []) as OptionLike[];
  if (options.length > LIMITS.commandOptions) out.push(`/${name} has ${options.length} > 25 options`);
  let seenOptional = false;
  const names = new Set<string>();
  for (const option of options) {
    total += len(option.name) + len(option.description);
    if (!NAME_PATTERN.test(option.name) || option.name !== option.name.toLowerCase())
      out.push(`/${name} option "${option.name}" name`);
    if (names.has(option.name)) out.push(`/${name} option "${option.name}" twice`);
    names.add(option.name);
    if (len(option.description) < 1 || len(option.description) > LIMITS.optionDescription) {
      out.push(`/${name} option "${option.name}" description length`);
    }
    if (option.required && seenOptional)
      out.push(`/${name} required option "${option.name}" after an optional one`);
    if (!option.required) seenOptional = true;
    if (option.autocomplete && option.choices?.length)
      out.push(`/${name} option "${option.name}" has choices and autocomplete`);
    for (const choice of option.choices ?? []) {
      total += len(choice.name) + len(String(choice.value));
      if (len(choice.name) > LIMITS.choiceName) out.push(`/${name} choice name too long`);
    }
  }
  if (total > LIMITS.commandTotal) out.push(`/${name} totals ${total} > ${LIMITS.commandTotal} characters`);
  return out;
}
