// The Invoices API answers in English (machine-facing JSON): a message that lib/ wrote as a
// catalogue key (a UserFacingError's text, a zod rule shared with the staff form) is turned into
// its English text here, never sent as a bare key. A text that is not a key passes unchanged.
import { createTranslator } from "next-intl";
import { type Text, translateText, type Translator } from "../i18n/message";
import { loadMessages } from "../i18n/messages";

const translator = createTranslator({ locale: "en-CA", messages: loadMessages("en-CA") }) as unknown as Translator;

export function english(text: Text): string {
  return translateText(translator, text);
}
