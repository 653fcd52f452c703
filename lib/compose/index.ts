export { LINK_LIMITS, gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink, type ComposeMessage } from './links';
export { CurrentDraftSchema, draftBlanks, loadCurrentDraft, saveCurrentDraft, type CurrentDraft } from './draft';
