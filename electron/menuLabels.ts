// The application menu in the UI language: its words for Hungarian and English, and the menu
// template built from them. Kept out of main.ts (which needs the Electron binary) so the words
// and the structure are unit-tested. Every item carries its own label, the roles' too: Electron
// would otherwise name Undo, Copy, Zoom In… in English whatever the language.
import type { MenuItemConstructorOptions } from 'electron';
import { pickUiLanguage, type UiLanguage } from '../shared/uiLanguage.ts';

export interface MenuLabels {
  file: string;
  addFolder: string;
  /** File > Open Catalogue…: the window's dialog (a folder, or a team catalogue's address). */
  openCatalogue: string;
  quit: string;
  close: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pasteAndMatchStyle: string;
  delete: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  front: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  unhide: string;
  /** The native folder picker (File > Add Folder…, and Add folder… in the window). */
  chooseFoldersTitle: string;
  chooseFoldersButton: string;
  /** The message box when the menu's ingest could not start. */
  addFolderFailed: string;
  /** The native picker for a catalogue's folder (Open catalogue… > Choose folder…). */
  chooseCatalogueTitle: string;
  chooseCatalogueButton: string;
}

export const MENU_LABELS: Record<UiLanguage, MenuLabels> = {
  en: {
    file: 'File',
    addFolder: 'Add Folder…',
    openCatalogue: 'Open Catalogue…',
    quit: 'Quit Fototar',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    about: 'About Fototar',
    services: 'Services',
    hide: 'Hide Fototar',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    chooseFoldersTitle: 'Add folders to the catalogue',
    chooseFoldersButton: 'Add',
    addFolderFailed: 'Could not add the folder',
    chooseCatalogueTitle: 'Choose the catalogue’s folder',
    chooseCatalogueButton: 'Choose',
  },
  hu: {
    file: 'Fájl',
    addFolder: 'Mappa hozzáadása…',
    openCatalogue: 'Katalógus megnyitása…',
    quit: 'Kilépés a Fototarból',
    close: 'Ablak bezárása',
    edit: 'Szerkesztés',
    undo: 'Visszavonás',
    redo: 'Újra',
    cut: 'Kivágás',
    copy: 'Másolás',
    paste: 'Beillesztés',
    pasteAndMatchStyle: 'Beillesztés formázás nélkül',
    delete: 'Törlés',
    selectAll: 'Az összes kijelölése',
    view: 'Nézet',
    reload: 'Újratöltés',
    toggleDevTools: 'Fejlesztői eszközök',
    resetZoom: 'Eredeti méret',
    zoomIn: 'Nagyítás',
    zoomOut: 'Kicsinyítés',
    toggleFullScreen: 'Teljes képernyő',
    window: 'Ablak',
    minimize: 'Kis méret',
    zoom: 'Nagy méret',
    front: 'Minden előtérbe',
    about: 'A Fototar névjegye',
    services: 'Szolgáltatások',
    hide: 'A Fototar elrejtése',
    hideOthers: 'A többi elrejtése',
    unhide: 'Az összes megjelenítése',
    chooseFoldersTitle: 'Mappák hozzáadása a katalógushoz',
    chooseFoldersButton: 'Hozzáadás',
    addFolderFailed: 'A mappát nem sikerült hozzáadni',
    chooseCatalogueTitle: 'A katalógus mappájának kiválasztása',
    chooseCatalogueButton: 'Kiválasztás',
  },
};

/** The menu's words: the language the person chose in the window, else the system's. */
export function menuLabels(remembered: UiLanguage | null, systemLanguages: readonly string[]): MenuLabels {
  return MENU_LABELS[pickUiLanguage(remembered, systemLanguages)];
}

export interface MenuOptions {
  isMac: boolean;
  isDevelopment: boolean;
  onAddFolder(): void;
  onOpenCatalogue(): void;
}

export function menuTemplate(l: MenuLabels, { isMac, isDevelopment, onAddFolder, onOpenCatalogue }: MenuOptions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about', label: l.about },
        separator,
        { role: 'services', label: l.services },
        separator,
        { role: 'hide', label: l.hide },
        { role: 'hideOthers', label: l.hideOthers },
        { role: 'unhide', label: l.unhide },
        separator,
        { role: 'quit', label: l.quit },
      ],
    });
  }
  template.push(
    {
      label: l.file,
      submenu: [
        { label: l.addFolder, accelerator: 'CmdOrCtrl+O', click: onAddFolder },
        { label: l.openCatalogue, accelerator: 'CmdOrCtrl+Shift+O', click: onOpenCatalogue },
        separator,
        isMac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        separator,
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        ...(isMac ? [{ role: 'pasteAndMatchStyle', label: l.pasteAndMatchStyle } satisfies MenuItemConstructorOptions] : []),
        { role: 'delete', label: l.delete },
        separator,
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        ...(isDevelopment
          ? ([{ role: 'reload', label: l.reload }, { role: 'toggleDevTools', label: l.toggleDevTools }, separator] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        separator,
        { role: 'togglefullscreen', label: l.toggleFullScreen },
      ],
    },
    {
      label: l.window,
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: l.minimize },
        { role: 'zoom', label: l.zoom },
        ...(isMac ? ([separator, { role: 'front', label: l.front }] satisfies MenuItemConstructorOptions[]) : [{ role: 'close', label: l.close } satisfies MenuItemConstructorOptions]),
      ],
    },
  );
  return template;
}
