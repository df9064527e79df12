// fototar roots --catalogue postgres://… [--json]: a team catalogue's named folders of originals
// on shared storage, with how many photos each holds and where this computer reaches it.
// `roots add <name> <folder>` names a folder for the team, as the catalogue records originals
// under it ("/mnt/scans"); `roots map <name> <folder here>` says once where this computer reaches
// it ("\\nas\scans"); `roots map <name> --forget` takes that back. See shared/originalRoots.ts.
import { parse, out, requireCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { isPostgresLocation } from '../../catalogue/catalogueLocation.ts';
import { CatalogueError } from '../../catalogue/catalogueError.ts';
import { addTeamRoot, mapTeamRoot, teamRoots } from '../teamCatalogue.ts';

export const roots: Command = async (args) => {
  const { values, positionals } = parse(args, { forget: { type: 'boolean' } });
  const location = requireCatalogue(values);
  if (!isPostgresLocation(location)) throw new CatalogueError('invalid-input', 'rootsFolderOnly');
  const [verb = 'list', name, folder, ...rest] = positionals;
  if (rest.length) throw new UsageError('too many arguments: give the name and the folder in quotes');
  if (verb === 'add') {
    if (!name || !folder) throw new UsageError('roots add <name> <folder as the catalogue records it>');
    const added = await addTeamRoot(location, name, folder);
    if (values.json) out(JSON.stringify(added));
    else out(`"${added.name}" names ${added.folder} (${added.photos} photos)`);
    return;
  }
  if (verb === 'map') {
    if (!name || (!folder && !values.forget) || (folder && values.forget)) throw new UsageError('roots map <name> <folder on this computer>, or roots map <name> --forget');
    await mapTeamRoot(location, name, values.forget ? null : folder!);
    if (!values.json) out(values.forget ? `"${name}": forgotten on this computer` : `"${name}" is ${folder} on this computer`);
  } else if (verb !== 'list') {
    throw new UsageError('roots [list] | roots add <name> <folder> | roots map <name> <folder here>');
  }
  const listed = await teamRoots(location);
  if (values.json) out(JSON.stringify({ roots: listed }));
  else if (verb === 'list') {
    if (!listed.length) out('no named folders yet: fototar roots add "<name>" <folder> --catalogue …');
    for (const root of listed) out(`${root.name}  ${root.folder}  ${root.photos} photos  ${root.here ? `here: ${root.here}` : 'not mapped on this computer'}`);
  }
};
