// fototar archivist [<name>] [--json]: the name a team catalogue records this person's changes
// under. Set once (kept in the user's preferences, beside the UI language); without a name, says
// which name is used now and where it comes from (--as and $FOTOTAR_ARCHIVIST come first, the
// operating system's user name last).
import { parse, out, UsageError, type Command } from '../cliSupport.ts';
import { archivistOf } from '../../catalogue/store/postgres/teamEdits.ts';
import { defaultConfigDirectory, PreferenceStore } from '../../preferences/userPreferences.ts';

const FROM = {
  given: 'given with --as',
  environment: 'from $FOTOTAR_ARCHIVIST',
  chosen: 'set with fototar archivist',
  system: 'the system user name; set yours once with: fototar archivist "Your Name"',
} as const;

export const archivist: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (values.catalogue !== undefined) throw new UsageError('archivist takes no --catalogue: the name is yours, for every team catalogue');
  if (positionals.length > 1) throw new UsageError('give the name as one argument, in quotes: fototar archivist "Kovács Anna"');
  const preferences = new PreferenceStore(defaultConfigDirectory());
  if (positionals.length === 1) {
    // Checked as a team catalogue checks it (the same message, in English or Hungarian).
    preferences.write({ archivist: archivistOf(positionals[0]).name });
  }
  const used = archivistOf(undefined, preferences.read().archivist);
  if (values.json) out(JSON.stringify(used));
  else out(`${used.name} (${FROM[used.source]})`);
};
