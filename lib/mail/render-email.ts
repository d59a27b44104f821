// Turns a named template and its props into the subject, HTML and plain-text parts of an email,
// all three in the given language (the recipient's; English when not given).
// The outbox renders every receipt and alert, so this is kept cheap: the template is rendered
// once (the text is converted from that HTML, with react-email's own text rules, by a converter
// compiled once), and each language's context, whose translator caches its parsed messages, is
// built once per process.
import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import { type AppLocale, DEFAULT_LOCALE } from "../i18n/locales";
import { emailContext, type EmailContext } from "./email-i18n";
import { mailTemplates, type MailTemplateName, type MailTemplateProps } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

// What render(element, { plainText: true }) does, without a second render or a compile per call.
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

const contexts = new Map<AppLocale, EmailContext>();
const contextFor = (locale: AppLocale) => contexts.get(locale) ?? contexts.set(locale, emailContext(locale)).get(locale)!;

export async function renderEmail<T extends MailTemplateName>({
  template,
  props,
  locale = DEFAULT_LOCALE,
}: {
  template: T;
  props: MailTemplateProps<T>;
  locale?: AppLocale;
}) {
  const definition = mailTemplates[template] as unknown as {
    subject: (p: MailTemplateProps<T>, ctx: EmailContext) => string;
    render: (p: MailTemplateProps<T>, ctx: EmailContext) => React.ReactElement;
  };
  const ctx = contextFor(locale);
  const html = await render(definition.render(props, ctx));
  return { subject: definition.subject(props, ctx), html, text: toPlainText(html) } satisfies RenderedEmail;
}
