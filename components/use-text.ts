// Translating what lib/ and the actions say (catalogue keys with parameters) in a component:
// `const tx = useText(); tx(result.message)`. Server components use getText (lib/i18n/server-text.ts).
import { useTranslations } from "next-intl";
import { type Text, translateText, type Translator } from "@/lib/i18n/message";

export function useText(): (text: Text) => string {
  const t = useTranslations() as unknown as Translator;
  return (text) => translateText(t, text);
}
