import type { Message, Thread } from '@commons/domain';

/**
 * A guide's first draft from a thread: its title, and its question and accepted answer as quoted
 * Markdown, with mentions written as plain names (a guide is read by everyone, long after the thread).
 */
export function excerptFree(thread: Thread, messages: Message[]): { title: string; body: string } {
  const plain = (body: string | null) => (body ?? '').replace(/@\[([^\]\n]{1,80})\]\(user:[0-9a-f-]{36}\)/g, '$1');
  const question = messages.find((m) => m.state === 'visible');
  const answer = messages.find((m) => m.id === thread.acceptedMessageId && m.state === 'visible');
  const parts = [question && `## The question\n\n${plain(question.body)}`, answer && `## The answer\n\n${plain(answer.body)}`].filter(Boolean);
  return { title: thread.title, body: parts.join('\n\n') };
}
