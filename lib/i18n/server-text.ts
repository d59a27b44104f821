// The server side of components/use-text.ts: `const tx = await getText(); tx(error.text)`.
import "server-only";
import { getTranslations } from "next-intl/server";
import { type Text, translateText, type Translator } from "./message";

export async function getText(): Promise<(text: Text) => string> {
  const t = (await getTranslations()) as unknown as Translator;
  return (text) => translateText(t, text);
}
