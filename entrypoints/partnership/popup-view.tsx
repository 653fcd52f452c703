import { PartnersSummary } from '@/components/partnership/PartnersSummary';
import { partnershipServices } from './services';

/** The popup's Partners view with its services: loaded only when the tab is opened, so the first paint of matches does not wait for it. */
export default function PopupPartners() {
  return <PartnersSummary services={partnershipServices()} />;
}
