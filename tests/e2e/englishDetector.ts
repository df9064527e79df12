// Finds English left in the Hungarian UI: walks the rendered DOM (text, and the placeholder,
// title, aria-label and alt a person hears or sees) and lists every string that is an English
// catalogue message whose Hungarian differs (placeholders match anything), or that has a common
// English UI word in it. Key caps (<kbd>), code (<code>) and anything marked lang="en" (the
// language switch's "English") are not UI text to translate.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './browserModeServer.ts';

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix: string, out: Map<string, string>): void {
  for (const [key, value] of Object.entries(messages)) {
    const name = `${prefix}.${key}`;
    if (typeof value === 'string') out.set(name, value);
    else flatten(value, name, out);
  }
}

/** The renderer's catalogues and the catalogue's own messages (shared/locales: the errors namespace). */
function catalogue(language: 'en' | 'hu'): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of [path.join(repoRoot, 'renderer', 'src', 'i18n', 'locales', language), path.join(repoRoot, 'shared', 'locales', language)]) {
    for (const file of fs.readdirSync(dir)) flatten(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Messages, path.basename(file, '.json'), out);
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English messages that Hungarian says differently, as patterns over a whole trimmed string. */
function englishMessages(): { key: string; pattern: RegExp }[] {
  const en = catalogue('en');
  const hu = catalogue('hu');
  const out: { key: string; pattern: RegExp }[] = [];
  for (const [key, message] of en) {
    const text = message.trim();
    if (!text || hu.get(key)?.trim() === text) continue;
    const parts = text.split(/\{\{[^}]*\}\}/);
    // A message that is only placeholders and punctuation says nothing English by itself.
    if (!parts.join('').replace(/[\s\p{P}\p{S}]/gu, '')) continue;
    out.push({ key, pattern: new RegExp(`^${parts.map(escape).join('.+?')}$`, 's') });
  }
  return out;
}

/**
 * Words of an English UI that Hungarian UI text does not contain. The test catalogues' data is
 * Hungarian (titles, places, donors, tags), so data does not trip them.
 */
// Word edges by Unicode letters: JavaScript's \b takes "á" for a non-letter, so "Importálás"
// would hold the word "Import".
const ENGLISH_WORDS =
  /(?<![\p{L}\p{N}])(Cancel|Save|Saved|Search|Photos?|photos?|Add|Delete|Remove|Close|Export|Import|Select|selected|Undo|Redo|Loading|Dismiss|Messages|Refine|Copy|Edit|Rename|Merge|Open|Help|None|Nothing|Could not|cannot|Drag|Drop|Show|Hide|Collections?|collection|Credits?|credit|Tags|Folder|folder|Apply|Preview|Warnings?|undated|Previous|Next|Back|New|Create|Keyboard|shortcuts)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])No [a-z]/u;

export interface Offender {
  text: string;
  where: string;
  why: string;
}

/** Every English string the page shows now, with where it is and why it counts as English. */
export async function englishOnPage(page: Page, exclude: string[] = []): Promise<Offender[]> {
  const found = await page.evaluate((excluded) => {
    const out: { text: string; where: string }[] = [];
    const skipped = ['kbd', 'code', '[lang="en"]', 'script', 'style', 'noscript', ...excluded].join(', ');
    const skip = (el: Element | null) => !el || !!el.closest(skipped);
    const describe = (el: Element) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${id ? ` in [data-testid=${id}]` : ''}`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement;
        if (skip(el) || !node.textContent?.trim()) continue;
        out.push({ text: node.textContent, where: describe(el!) });
        continue;
      }
      const el = node as Element;
      if (skip(el)) continue;
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) out.push({ text: value, where: `${attr} of ${describe(el)}` });
      }
      // A sentence React renders as several text nodes is checked whole too.
      if (el.childNodes.length > 1 && [...el.childNodes].every((c) => c.nodeType === Node.TEXT_NODE)) {
        out.push({ text: el.textContent ?? '', where: describe(el) });
      }
    }
    return out;
  }, exclude);
  const messages = englishMessages();
  const offenders: Offender[] = [];
  const seen = new Set<string>();
  for (const { text, where } of found) {
    const trimmed = text.trim();
    if (!trimmed || seen.has(`${trimmed}\u0000${where}`)) continue;
    seen.add(`${trimmed}\u0000${where}`);
    const message = messages.find((m) => m.pattern.test(trimmed));
    const word = ENGLISH_WORDS.exec(trimmed);
    if (message) offenders.push({ text: trimmed, where, why: `English message ${message.key}` });
    else if (word) offenders.push({ text: trimmed, where, why: `English word "${word[0]}"` });
  }
  return offenders;
}

/** Collects offenders view by view; the test fails once, at the end, listing all of them. */
export class EnglishReport {
  readonly views = new Map<string, Offender[]>();

  /** Selectors of parts another view's check covers. */
  readonly exclude: string[];

  constructor(exclude: string[] = []) {
    this.exclude = exclude;
  }

  async check(page: Page, view: string): Promise<void> {
    const offenders = await englishOnPage(page, this.exclude);
    if (offenders.length) this.views.set(view, offenders);
  }

  toString(): string {
    return [...this.views]
      .map(([view, offenders]) => `${view}:\n${offenders.map((o) => `  "${o.text}" — ${o.where} (${o.why})`).join('\n')}`)
      .join('\n');
  }
}
