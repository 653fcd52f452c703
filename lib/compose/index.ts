export { LINK_LIMITS, gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink,  } from './links';
export {  draftBlanks, loadCurrentDraft, saveCurrentDraft, type CurrentDraft } from './draft';
