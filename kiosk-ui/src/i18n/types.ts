export type Params = Record<string, string | number>;
/** A catalogue entry: text with `{name}` placeholders, or a function where grammar needs one (plurals). */
export type Message = string | ((params: Params) => string);

/** Fills `{name}` placeholders (or calls the function) with `params`. */
export function format(message: Message, params: Params = {}): string {
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
