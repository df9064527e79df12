// fototar folders --catalogue <dir> [--json]: the folders the photos came from, as the sidebar's
// tree shows them (shared/folderTree.ts), each with its photo count (subfolders included).
import { parse, requireCatalogue, out, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import { walkFolders } from '../../../shared/folderTree.ts';

export const folders: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length) throw new UsageError('folders takes no positional arguments');
  await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
    const tree = await catalogue.originals.folders();
    if (values.json) return out(JSON.stringify(tree));
    const lines = tree.parent ? [`in ${tree.parent}`] : [];
    for (const { node, depth } of walkFolders(tree.nodes)) lines.push(`${'  '.repeat(depth)}${node.name}  ${node.count}  ${node.path}`);
    lines.push(`${tree.total} photos in ${[...walkFolders(tree.nodes)].length} folders`);
    out(lines.join('\n'));
  });
};
