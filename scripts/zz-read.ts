import fs from 'node:fs';
let t = performance.now();
const b = fs.readFileSync('/tmp/bench200k/catalogue/search-index.bin');
console.log('readFileSync 108MB', performance.now() - t);
t = performance.now();
const len = b.readUInt32LE(8);
const h = JSON.parse(b.toString('utf8', 12, 12 + len));
console.log('header parse', performance.now() - t, len);
