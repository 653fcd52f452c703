import '@/platform/zod-csp';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/tokens.css';
import { PopupApp } from '@/components/popup/PopupApp';
import { findTargetTab } from '@/platform/target-tab';
import { popupServices, startPopupLoad } from './services';

startPopupLoad();
const root = createRoot(document.getElementById('root')!);
const PopupPartners = lazy(() => import('../partnership/popup-view').then((module) => ({ default: module.PopupPartners })));
const PopupAskCap = lazy(() => import('../partnership/popup-view').then((module) => ({ default: module.PopupAskCap })));
const partners = (
  <Suspense fallback={<p role="status">Loading your partnerships…</p>}>
    <PopupPartners />
  </Suspense>
);
const notice = (
  <Suspense fallback={null}>
    <PopupAskCap />
  </Suspense>
);
// Rendered at once; the target tab ("Insert into page") follows a moment later, long before a click.
const render = (targetTab?: number) => root.render(<PopupApp services={popupServices} targetTab={targetTab} partners={partners} notice={notice} />);
render();
void findTargetTab().then((targetTab) => targetTab !== undefined && render(targetTab));
