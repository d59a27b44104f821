// Turns a named template and its props into the subject, HTML and plain-text parts of an email.
import { render } from "@react-email/render";
import { mailTemplates, type MailTemplateName, type MailTemplateProps } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends MailTemplateName>({ template, props }: { template: T; props: MailTemplateProps<T> }) {
  const definition = mailTemplates[template] as unknown as {
    subject: (p: MailTemplateProps<T>) => string;
    render: (p: MailTemplateProps<T>) => React.ReactElement;
  };
  const element = definition.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(props), html, text } satisfies RenderedEmail;
}
