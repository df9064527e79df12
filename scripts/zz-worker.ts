import { Worker } from 'node:worker_threads';
const time = async (label: string, code: string) => {
  const t = performance.now();
  const w = new Worker(code, { eval: true });
  await new Promise((r) => w.on('exit', r));
  console.log(label, Math.round(performance.now() - t));
};
const root = new URL('..', import.meta.url).href;
await time('empty', 'process.exit(0)');
await time('lunr', `import(${JSON.stringify(root + 'node_modules/lunr/lunr.js')}).then(() => process.exit(0))`);
await time('textFold.ts', `import(${JSON.stringify(root + 'shared/textFold.ts')}).then(() => process.exit(0))`);
await time('edtf.ts', `import(${JSON.stringify(root + 'shared/edtf.ts')}).then(() => process.exit(0))`);
await time('openDatabase.ts', `import(${JSON.stringify(root + 'electron/catalogue/store/openDatabase.ts')}).then(() => process.exit(0))`);
await time('searchIndex.ts', `import(${JSON.stringify(root + 'electron/catalogue/search/searchIndex.ts')}).then(() => process.exit(0))`);
