import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import type { PartnerRecord } from '@/lib/partners/model';
import type { PopupData, PopupServices } from './services';

/** What the popup shows, loaded at once and again whenever the stored directory changes. */
export function usePopupData(services: PopupServices) {
  const [data, setData] = useState<PopupData>();
  const [loadError, setLoadError] = useState('');
  const fail = useCallback((error: unknown) => setLoadError(errorMessage(error)), []);
  const reload = useCallback(() => {
    services.load().then(setData, fail);
  }, [services, fail]);
  useEffect(reload, [reload]);
  useEffect(() => services.onDirectoryChanged(reload), [services, reload]);
  // State updates go through the current value: a directory reload may land while a save is pending.
  const keepPartner = useCallback((record: PartnerRecord) => setData((current) => current && { ...current, partners: new Map(current.partners).set(record.id, record) }), []);
  return { data, setData, loadError, fail, keepPartner };
}
