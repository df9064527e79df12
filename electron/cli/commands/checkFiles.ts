// fototar check-files --catalogue <dir> [--json]: stats every original, marks the missing ones
// (and clears the mark on the ones found again) and lists what is missing.
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const checkFiles: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length) throw new UsageError('check-files takes no positional arguments');
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    const report = await catalogue.originals.check();
    const missing = await catalogue.originals.missing();
    if (values.json) return out(JSON.stringify({ checked: report.checked, missing }));
    out([`${report.checked} originals checked, ${missing.length} missing.`, ...missing.map((m) => `missing  ${m.id}  ${m.file}`)].join('\n'));
  });
};
