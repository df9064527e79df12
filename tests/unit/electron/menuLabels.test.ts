// The application menu's words: Hungarian for a Hungarian choice or system, English otherwise,
// every item labelled in that language (roles included, which Electron names in English).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, menuLabels, menuTemplate } from '../../../electron/menuLabels.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

test('the menu language is the one chosen in the window, else the system\'s', () => {
  assert.equal(menuLabels(null, ['hu-HU', 'en-US']), MENU_LABELS.hu);
  assert.equal(menuLabels(null, ['en-GB']), MENU_LABELS.en);
  assert.equal(menuLabels(null, []), MENU_LABELS.en);
  assert.equal(menuLabels('en', ['hu-HU']), MENU_LABELS.en);
  assert.equal(menuLabels('hu', ['de-DE']), MENU_LABELS.hu);
});

test('Hungarian and English name the same things, and Hungarian differs where the words do', () => {
  assert.deepEqual(Object.keys(MENU_LABELS.hu).sort(), Object.keys(MENU_LABELS.en).sort());
  for (const [key, value] of Object.entries(MENU_LABELS.hu)) assert.ok(value.trim(), key);
  const same = Object.keys(MENU_LABELS.en).filter((k) => MENU_LABELS.en[k as keyof typeof MENU_LABELS.en] === MENU_LABELS.hu[k as keyof typeof MENU_LABELS.hu]);
  assert.deepEqual(same, []);
});

for (const isMac of [false, true]) {
  test(`every menu item is labelled in the menu language (${isMac ? 'macOS' : 'Windows and Linux'})`, () => {
    for (const language of ['hu', 'en'] as const) {
      const words = new Set(Object.values(MENU_LABELS[language]));
      const all = items(menuTemplate(MENU_LABELS[language], { isMac, isDevelopment: true, onAddFolder: () => undefined, onOpenCatalogue: () => undefined }));
      for (const item of all) {
        if (item.type === 'separator' || item.role === 'appMenu') continue;
        assert.ok(item.label && words.has(item.label), `${language}: ${JSON.stringify(item)}`);
      }
      const labels = all.map((i) => i.label);
      assert.ok(labels.includes(MENU_LABELS[language].addFolder));
      assert.ok(labels.includes(MENU_LABELS[language].openCatalogue));
      assert.ok(labels.includes(MENU_LABELS[language].undo));
    }
  });
}

test('File > Add Folder… runs the ingest command', () => {
  let clicked = 0;
  const template = menuTemplate(MENU_LABELS.hu, { isMac: false, isDevelopment: false, onAddFolder: () => void clicked++, onOpenCatalogue: () => undefined });
  const add = items(template).find((i) => i.label === 'Mappa hozzáadása…');
  assert.equal(add?.accelerator, 'CmdOrCtrl+O');
  (add?.click as () => void)();
  assert.equal(clicked, 1);
  assert.ok(!items(template).some((i) => i.role === 'toggleDevTools'), 'no developer tools in a packaged app');
});

test('File > Open Catalogue… asks the window for its dialog, on its own shortcut', () => {
  let asked = 0;
  const template = menuTemplate(MENU_LABELS.hu, { isMac: false, isDevelopment: false, onAddFolder: () => undefined, onOpenCatalogue: () => void asked++ });
  const open = items(template).find((i) => i.label === 'Katalógus megnyitása…');
  assert.equal(open?.accelerator, 'CmdOrCtrl+Shift+O');
  (open?.click as () => void)();
  assert.equal(asked, 1);
});
