// fototar sidecars: writes XMP sidecars for photos, and sets whether every edit writes them.
import { englishOnly, parse, requireCatalogue, parseIds, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import type { SidecarNaming } from '../../../shared/sidecars.ts';

export const sidecars: Command = async (args) => {
  const { values, positionals } = parse(args, { all: { type: 'boolean' }, auto: { type: 'string' }, naming: { type: 'string' } });
  const dir = requireCatalogue(values);
  if (values.auto !== undefined && values.auto !== 'on' && values.auto !== 'off') throw new UsageError('--auto takes on or off');
  if (values.naming !== undefined && values.naming !== 'name.ext.xmp' && values.naming !== 'name.xmp') {
    throw new UsageError('--naming takes name.ext.xmp (darktable, digiKam) or name.xmp (Lightroom)');
  }
  const settingsOnly = !values.all && positionals.length === 0;
  if (settingsOnly && values.auto === undefined && values.naming === undefined) {
    throw new UsageError('give photo ids or --all to write sidecars, or --auto on|off / --naming to change the settings');
  }
  const ids = values.all || settingsOnly ? [] : parseIds(positionals);
  await withCatalogue(dir, false, async (catalogue) => {
    const settings = await catalogue.exchange.setSidecarSettings({
      autoWrite: values.auto === undefined ? undefined : values.auto === 'on',
      naming: values.naming as SidecarNaming | undefined,
    });
    if (settingsOnly) {
      if (values.json) out(JSON.stringify({ settings }));
      else out(`sidecars: written after each edit ${settings.autoWrite ? 'on' : 'off'}, named ${settings.naming}`);
      return;
    }
    const report = await catalogue.exchange.writeSidecars(values.all ? 'all' : ids);
    if (values.json) out(JSON.stringify({ ...report, skipped: englishOnly(report.skipped), settings }));
    else {
      out(`wrote ${report.written.length} sidecar${report.written.length === 1 ? '' : 's'}`);
      for (const skip of report.skipped) out(`not written: ${skip.file}: ${skip.reason}`);
    }
  });
};
