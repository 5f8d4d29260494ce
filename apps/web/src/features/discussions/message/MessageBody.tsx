import { renderMarkdown } from '@commons/domain';

/** The only way a message body reaches the page: the shared Markdown renderer's safe HTML. */
export function MessageBodyView({ body, className = 'app-message__body' }: { body: string; className?: string }) {
  return <div className={`govuk-body ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />;
}

/** A plain, short version of a message for quotes. */
export function excerpt(body: string | null, max = 160): string {
  if (body === null) return 'This message was deleted.';
  // a rough plain-text reading of the Markdown: mentions and links keep their text, marks go
  const plainText = body
    .replace(/@\[([^\]\n]{1,80})\]\(user:[0-9a-f-]{36}\)/g, '@$1')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plainText.length > max ? `${plainText.slice(0, max - 1)}…` : plainText;
}
