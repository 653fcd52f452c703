import { AskCapNotice } from '@/components/partnership/AskCapNotice';
import { PartnersSummary } from '@/components/partnership/PartnersSummary';
import { partnershipServices } from './services';

/**
 * The popup's partnership parts with their services, loaded after the first paint of matches: the
 * Partners view, and the notice shown above every view when the cap on open asks is reached.
 */
const services = partnershipServices();

export function PopupPartners() {
  return <PartnersSummary services={services} />;
}

export function PopupAskCap() {
  return <AskCapNotice services={services} />;
}
