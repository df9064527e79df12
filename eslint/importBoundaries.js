// The project's floors as an ESLint rule: which folders and which packages a file may import.
// `no-restricted-imports` matches import strings as text, so `../../electron/x.ts` and
// `../electron/x.ts` would each need a pattern; this rule resolves every relative import against
// the importing file and compares folders of the repository instead, so an allow-list
// ("renderer/ imports only shared/ and itself") is exact at any depth.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: folders in the options are relative to it, wherever ESLint runs from. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** True for `fs`, `node:fs`, `fs/promises`, `node:test`…: a module of Node itself. */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** `react-dom/client` → `react-dom`, `@tanstack/react-virtual/x` → `@tanstack/react-virtual`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const toPosix = (p) => p.split(path.sep).join('/');
const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each folder to the folders and packages its layer may import.' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          // Repository folders a relative import may reach (the file's own folder is not implied).
          allowFolders: { type: 'array', items: { type: 'string' } },
          // Package names that may not be imported (`electron`, `react`…).
          forbidPackages: { type: 'array', items: { type: 'string' } },
          forbidNodeBuiltins: { type: 'boolean' },
          // Forbidden packages whose `import type` is still allowed: the build erases it, nothing loads.
          typeOnlyPackages: { type: 'array', items: { type: 'string' } },
          // Why, in a few words: it ends the message.
          because: { type: 'string' },
        },
        required: ['because'],
      },
    ],
    messages: {
      folder: '"{{specifier}}" is in {{target}}, but this file may import only from {{allowed}}: {{because}}.',
      package: '"{{specifier}}" may not be imported here: {{because}}.',
      builtin: '"{{specifier}}" is a Node module, which may not be imported here: {{because}}.',
    },
  },
  create(context) {
    const { allowFolders, forbidPackages = [], forbidNodeBuiltins = false, typeOnlyPackages = [], because } = context.options[0];
    const root = ROOT;
    const fromDir = path.dirname(path.resolve(context.cwd, context.filename));

    function check(node, specifier, typeOnly = false) {
      if (typeof specifier !== 'string') return;
      if (typeOnly && typeOnlyPackages.includes(packageName(specifier))) return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        if (!allowFolders) return;
        const target = toPosix(path.relative(root, path.resolve(fromDir, specifier)));
        if (!allowFolders.some((folder) => inside(target, folder))) {
          context.report({ node, messageId: 'folder', data: { specifier, target: target.startsWith('..') ? 'a folder outside the repository' : `${target.split('/')[0]}/`, allowed: allowFolders.map((f) => `${f}/`).join(' and '), because } });
        }
        return;
      }
      if (forbidNodeBuiltins && isNodeBuiltin(specifier)) {
        context.report({ node, messageId: 'builtin', data: { specifier, because } });
        return;
      }
      if (forbidPackages.includes(packageName(specifier))) context.report({ node, messageId: 'package', data: { specifier, because } });
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value, node.importKind === 'type' || node.exportKind === 'type');
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // `import x = require('y')` (TypeScript) and plain `require('y')`.
      TSExternalModuleReference: (node) => node.expression.type === 'Literal' && check(node.expression, node.expression.value),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value);
      },
    };
  },
};
