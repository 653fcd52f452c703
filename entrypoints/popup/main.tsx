import { createRoot } from 'react-dom/client';
import '@/components/ui/tokens.css';
import { PartnersSummary } from '@/components/partnership/PartnersSummary';
import { PopupApp } from '@/components/popup/PopupApp';
import { findTargetTab } from '@/platform/target-tab';
import { popupServices, startPopupLoad } from '@/platform/popup-services';
import { partnershipServices } from '../partnership/services';

startPopupLoad();
const root = createRoot(document.getElementById('root')!);
// Rendered at once; the target tab ("Insert into page") follows a moment later, long before a click.
const partners = <PartnersSummary services={partnershipServices()} />;
const render = (targetTab?: number) => root.render(<PopupApp services={popupServices} targetTab={targetTab} partners={partners} />);
render();
void findTargetTab().then((targetTab) => targetTab !== undefined && render(targetTab));
