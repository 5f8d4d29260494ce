import { useState } from 'react';
import { api } from '../../../api';
import type { Message, Reaction } from '../common';

export const QUICK_EMOJI = ['👍', '❤️', '🎉', '😄', '👀', '🙏'] as const;

export function Reactions({ message, me, onReactions }: { message: Message; me?: string; onReactions(r: Reaction[]): void }) {
  const [error, setError] = useState<string>();
  const byEmoji = new Map(message.reactions.map((r) => [r.emoji, r]));
  const shown = [...QUICK_EMOJI, ...message.reactions.map((r) => r.emoji).filter((e) => !(QUICK_EMOJI as readonly string[]).includes(e))];

  async function toggle(emoji: string) {
    try {
      const { reactions } = await api<{ reactions: Reaction[] }>('PUT', `/api/messages/${message.id}/reactions/${encodeURIComponent(emoji)}`);
      onReactions(reactions);
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The reaction could not be saved.');
    }
  }

  return (
    <div className="app-reactions" role="group" aria-label="Reactions">
      {shown.map((emoji) => {
        const r = byEmoji.get(emoji);
        const mine = !!me && !!r?.users.some((u) => u.id === me);
        const who = r?.users.map((u) => u.displayName).join(', ');
        const count = r?.count ?? 0;
        if (!me && count === 0) return null;
        return (
          <button
            key={emoji}
            type="button"
            className={`app-reaction${count > 0 ? ' app-reaction--used' : ''}${mine ? ' app-reaction--mine' : ''}`}
            aria-pressed={mine}
            disabled={!me}
            title={who ? `${who} reacted with ${emoji}` : `React with ${emoji}`}
            data-emoji={emoji}
            onClick={() => toggle(emoji)}
          >
            <span aria-hidden="true">{emoji}</span>
            {count > 0 && <span className="app-reaction__count">{count}</span>}
            <span className="govuk-visually-hidden">
              {count > 0 ? ` ${emoji}, ${count}: ${who}` : ` React with ${emoji}`}
            </span>
          </button>
        );
      })}
      {error && <span className="govuk-error-message govuk-!-margin-bottom-0 app-reactions__error">{error}</span>}
    </div>
  );
}
