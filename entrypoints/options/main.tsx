import '@/platform/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage, type OptionsServices } from '@/components/profile/OptionsPage';
import { directoryServices } from '@/platform/directory-services';
import { privacyServices } from '@/platform/privacy-services';
import { templatesServices } from '@/platform/templates-services';
import '@/components/ui/tokens.css';

// The page composes: each section gets its browser side here, and the views never import platform/.
const services: OptionsServices = { directory: directoryServices, templates: templatesServices, privacy: privacyServices };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage services={services} />
  </StrictMode>,
);
