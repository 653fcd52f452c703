import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PartnershipPage } from '@/components/partnership/PartnershipPage';
import '@/components/ui/tokens.css';
import { partnershipServices } from './services';

const initialId = new URLSearchParams(location.search).get('id') ?? undefined;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PartnershipPage services={partnershipServices()} initialId={initialId} />
  </StrictMode>,
);
