// A team catalogue's server lost and found again (shared/events.ts 'connection'): the status line
// says so, so an archivist whose saves wait knows why, and knows when they go through again.
import { useTranslation } from 'react-i18next';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';

export function useServerConnection(notices: { info(text: string): void; error(text: string): void }): void {
  const { t } = useTranslation('app');
  useCatalogueEvent('connection', (event) => (event.state === 'lost' ? notices.error(t('connection.lost')) : notices.info(t('connection.back'))));
}
