// What lib/ says to a person is a catalogue key with parameters, never an English sentence; the
// page (or the email) translates it in the reader's language.

export type Message = { key: string; values?: Record<string, string | number> };

/** Something a person may read: a catalogue key, or a key with its parameters. */
export type Text = string | Message;

export function msg(key: string, values?: Message["values"]): Message {
  return values ? { key, values } : { key };
}

/** The subset of next-intl's translator that translating a Text needs. */
export type Translator = {
  (key: never, values?: never): string;
  has(key: never): boolean;
};

/**
 * The text for a key in the translator's language. A text that is not a key (there should be
 * none left; the catalogue test checks the ones lib/ declares) is shown as it is rather than as a
 * bare key.
 */
export function translateText(t: Translator, text: Text): string {
  const { key, values } = typeof text === "string" ? { key: text, values: undefined } : text;
  const translate = t as unknown as (key: string, values?: Message["values"]) => string;
  const has = t.has as unknown as (key: string) => boolean;
  return has(key) ? translate(key, values) : key;
}
