// A process racing for catalogue locks, driven line by line on stdin by tests/unit/electron/catalogue/store/catalogueLock.test.ts:
//   "race <lockFile> <root> <startAtMs>"  wait until the given time, then try to take the lock;
//                                          print "won" or "lost <reason>"
//   "release"                              release the lock this process won (prints "released")
import readline from 'node:readline';
import { acquireCatalogueLock, type CatalogueLock } from '../../electron/catalogue/store/catalogueLock.ts';

let held: CatalogueLock | null = null;
const say = (line: string) => process.stdout.write(`${line}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  const [verb, file, root, at] = line.split('\t');
  if (verb === 'race') {
    // Spin to the agreed moment so all contenders try at once.
    while (Date.now() < Number(at));
    try {
      held = acquireCatalogueLock(file, root, 'race');
      say('won');
    } catch (error) {
      say(`lost ${(error as Error).message.split('\n')[0]}`);
    }
  } else if (verb === 'release') {
    held?.release();
    held = null;
    say('released');
  }
}
