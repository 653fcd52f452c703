import { useMemo } from 'react';
import { gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink } from '@/lib/compose';
import type { OutgoingMessage } from './services';

interface ComposeLinksProps {
  to: string;
  message: OutgoingMessage;
  /** While the message has blanks the links are buttons that say what to fill in. */
  blocked: boolean;
  onBlocked(): void;
  onOpened(link: ComposeLink, channel: string): void;
}

/** Links that open the message in a mail or chat app, where the user sends it. */
export function ComposeLinks({ to, message, blocked, onBlocked, onOpened }: ComposeLinksProps) {
  const links = useMemo((): readonly (readonly [ComposeLink, string, string, boolean])[] => {
    const outgoing = { to, ...message };
    return [
      [mailtoLink(outgoing), 'Open in email', 'your email app', false],
      [gmailLink(outgoing), 'Gmail', 'Gmail', true],
      [outlookLink(outgoing), 'Outlook', 'Outlook on the web', true],
      [teamsChatLink(outgoing), 'Teams', 'a Teams chat', true],
    ];
  }, [to, message.subject, message.body]);
  return (
    <nav className="outreach-links" aria-label="Open in a mail or chat app">
      {links.map(([link, label, channel, newTab]) =>
        blocked ? (
          <button key={label} type="button" className="link-button" onClick={onBlocked}>
            {label}
          </button>
        ) : (
          <a key={label} href={link.url} onClick={() => onOpened(link, channel)} {...(newTab ? { target: '_blank', rel: 'noreferrer noopener' } : {})}>
            {label}
          </a>
        ),
      )}
    </nav>
  );
}
