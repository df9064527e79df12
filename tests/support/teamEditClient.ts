// One archivist's Fototar saving to a team catalogue, as a process of its own, so a test can kill
// it mid-save (FOTOTAR_FAULT=pause:team-edit:written, then SIGKILL) the way a laptop dies:
//   node tests/support/teamEditClient.ts <postgres://…> <author> '<TeamEdit[] as JSON>'
// Prints "saved <ids>" when the save committed.
import { teamPool } from '../../electron/catalogue/store/postgres/pgLocation.ts';
import { TeamEdits, type TeamEdit } from '../../electron/catalogue/store/postgres/teamEdits.ts';

const [location, author, json] = process.argv.slice(2);
const pool = teamPool(location!, 1);
try {
  const ids = await new TeamEdits(pool, author!).save(JSON.parse(json!) as TeamEdit[]);
  console.log(`saved ${ids.join(',')}`);
} finally {
  await pool.end();
}
