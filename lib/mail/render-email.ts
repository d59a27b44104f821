// Turns a named template and its props into the subject, HTML and plain-text parts of an email,
// all three in the given language (the recipient's; English when not given).
import { render } from "@react-email/render";
import { type AppLocale, DEFAULT_LOCALE } from "../i18n/locales";
import { emailContext } from "./email-i18n";
import { mailTemplates, type MailTemplateName, type MailTemplateProps } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

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
    subject: (p: MailTemplateProps<T>, ctx: ReturnType<typeof emailContext>) => string;
    render: (p: MailTemplateProps<T>, ctx: ReturnType<typeof emailContext>) => React.ReactElement;
  };
  const ctx = emailContext(locale);
  const element = definition.render(props, ctx);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(props, ctx), html, text } satisfies RenderedEmail;
}
