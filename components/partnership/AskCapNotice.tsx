import { useEffect, useState } from 'react';
import { askCap, type AskCap } from '@/lib/partnerships';
import type { PartnershipServices } from './services';

/** Above the popup's views: when the open asks reach the person's cap, why a new ask should wait. */
export function AskCapNotice({ services }: { services: Pick<PartnershipServices, 'load'> }) {
  const [cap, setCap] = useState<AskCap>();
  useEffect(() => {
    let current = true;
    // Without its data the popup works as before: the notice only adds.
    services.load().then((data) => current && setCap(askCap(data.partnerships, data.settings)), () => undefined);
    return () => {
      current = false;
    };
  }, [services]);
  if (!cap?.reached) return null;
  return (
    <p className="banner info" role="note">
      {cap.message}
    </p>
  );
}
