// The window's side of "Open catalogue…": the dialog opens on the menu's request (the host's
// `openCatalogueAsked`) and at start when the catalogue of last time could not be opened (the
// host opened another and says why); when another catalogue opened — from this window or another
// — the window loads afresh, so no panel keeps showing the catalogue before.
import { useEffect } from 'react';
import { api } from '../common/bridge.ts';
import { useCatalogueEvent } from '../common/useCatalogueEvent.ts';

export function useOpenCatalogue(show: () => void): void {
  useCatalogueEvent('openCatalogueAsked', show);
  useCatalogueEvent('catalogueOpened', () => window.location.reload());
  useEffect(() => {
    let live = true;
    api.catalogueChoices({}).then(
      (choices) => live && choices.problem && show(),
      () => undefined, // the dialog asks again when opened; the window has its own error for a catalogue out of reach
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked once, at start
  }, []);
}
