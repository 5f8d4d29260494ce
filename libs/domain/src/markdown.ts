import MarkdownIt from 'markdown-it';

/**
 * Messages and descriptions are Markdown. Rendering is the same everywhere (API and web): raw HTML is
 * escaped, images are off (no tracking pixels), links only http(s)/mailto/relative and always
 * rel="nofollow noopener noreferrer".
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.disable('image');
md.validateLink = (url) => /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(url.trim());
const renderToken = md.renderer.renderToken.bind(md.renderer);
md.renderer.rules.link_open = (tokens, idx, options) => {
  tokens[idx].attrSet('rel', 'nofollow noopener noreferrer');
  return renderToken(tokens, idx, options);
};

/** `@[Display Name](user:<uuid>)`: how a mention is written (the web's picker inserts it). */
const MENTION = /@\[([^\]\n]{1,80})\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

export function mentionToken(user: { id: string; displayName: string }) {
  return `@[${user.displayName.replace(/[\]\n]/g, '')}](user:${user.id})`;
}

/** The user ids mentioned in a text, once each, in order. */
export function parseMentions(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[2]))];
}

/** Safe HTML for a Markdown text; mentions become bold "@Name". */
export function renderMarkdown(text: string): string {
  const withMentions = text.replace(MENTION, (_all, name: string) => `**@${name.replace(/[*_`\\[\]]/g, '\\$&')}**`);
  return md.render(withMentions);
}
