import { createRoot } from 'react-dom/client';
import '@/components/ui/tokens.css';
import { PopupApp } from '@/components/popup/PopupApp';
import { findTargetTab } from '@/platform/target-tab';
import { popupServices, startPopupLoad } from '@/platform/popup-services';

startPopupLoad();
const root = createRoot(document.getElementById('root')!);
// The target tab is looked up before the first render so "Insert into page" knows where to go.
void findTargetTab().then((targetTab) => root.render(<PopupApp services={popupServices} targetTab={targetTab} />));
