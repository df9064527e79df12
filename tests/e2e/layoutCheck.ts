// Checks, in the page, that every visible interactive element can be reached where it is drawn:
// its centre is inside the viewport and inside every clipping ancestor (after scrolling it into
// view if some ancestor scrolls), and `document.elementFromPoint` at that centre is the element
// itself or something inside it (not a panel drawn over it).
import type { Page } from '@playwright/test';

export interface LayoutProblem {
  kind: 'covered' | 'clipped';
  element: string;
  detail: string;
}

const INTERACTIVE = 'button, input:not([type=hidden]), select, textarea, a[href], [role=button], [tabindex]';

/** Problems among the interactive elements inside `scope` (a CSS selector; the whole page by default). */
export async function layoutProblems(page: Page, scope = 'body'): Promise<LayoutProblem[]> {
  return page.evaluate(
    ({ scope, selector }) => {
      const problems: { kind: 'covered' | 'clipped'; element: string; detail: string }[] = [];
      const root = document.querySelector(scope);
      if (!root) return [{ kind: 'clipped' as const, element: scope, detail: 'scope not found' }];

      const describe = (el: Element): string => {
        const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.id;
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
        return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${text ? ` “${text}”` : ''}`;
      };

      // The part of the screen where `el` can be seen: the viewport cut by every clipping ancestor.
      const visibleBox = (el: Element) => {
        let top = 0;
        let left = 0;
        let bottom = window.innerHeight;
        let right = window.innerWidth;
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const r = a.getBoundingClientRect();
          if (style.overflowY !== 'visible') {
            top = Math.max(top, r.top);
            bottom = Math.min(bottom, r.bottom);
          }
          if (style.overflowX !== 'visible') {
            left = Math.max(left, r.left);
            right = Math.min(right, r.right);
          }
          if (style.position === 'fixed') break;
        }
        return { top, left, bottom, right };
      };

      const centreVisible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const box = visibleBox(el);
        return { x, y, inside: x >= box.left && x < box.right && y >= box.top && y < box.bottom };
      };

      const candidates = [...root.querySelectorAll(selector)];
      if (root.matches(selector)) candidates.unshift(root);
      for (const el of candidates) {
        if (!el.isConnected) continue;
        const html = el as HTMLElement;
        if (!html.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) continue;
        const rect = html.getBoundingClientRect();
        // Screen-reader-only helpers and zero-size anchors are not drawn.
        if (rect.width < 2 || rect.height < 2) continue;
        let where = centreVisible(el);
        if (!where.inside) {
          // Out of sight is fine when a scrolling ancestor brings it into view.
          html.scrollIntoView({ block: 'center', inline: 'center' });
          where = centreVisible(el);
          if (!where.inside) {
            const r = html.getBoundingClientRect();
            problems.push({
              kind: 'clipped',
              element: describe(el),
              detail: `box ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} outside what can be seen or scrolled to (${window.innerWidth}×${window.innerHeight})`,
            });
            continue;
          }
        }
        const reaches = (x: number, y: number) => {
          const hit = document.elementFromPoint(x, y);
          // A label drawn over its own control hands the click on to it.
          const label = hit?.closest('label');
          const forwards = label !== null && label !== undefined && ((label as HTMLLabelElement).control === el || label.contains(el));
          return { hit, ok: hit === el || (hit !== null && el.contains(hit)) || forwards };
        };
        let { hit, ok } = reaches(where.x, where.y);
        if (!ok) {
          // Under a sticky header or footer of a scrolling box: fine if scrolling uncovers it.
          html.scrollIntoView({ block: 'center', inline: 'center' });
          where = centreVisible(el);
          if (where.inside) ({ hit, ok } = reaches(where.x, where.y));
        }
        if (!ok) {
          problems.push({ kind: 'covered', element: describe(el), detail: `at ${Math.round(where.x)},${Math.round(where.y)} the click lands on ${hit ? describe(hit) : 'nothing'}` });
        }
      }
      return problems;
    },
    { scope, selector: INTERACTIVE },
  );
}
