export { LINK_LIMITS, gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink,  } from './links';
export {  outreachDraftBlanks, loadOutreachDraft, saveOutreachDraft, type OutreachDraft } from './outreach-draft';
