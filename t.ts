import { Database } from "./src/server/db/database.ts";
import { sql } from "kysely";
for (const open of [() => Database.openPGlite(undefined), () => Database.openPostgres("postgres://root@127.0.0.1:5432/test")]) {
  const db = await open();
  console.log(db.kind, await db.migrate());
  const r = await db.asViewer(null, async (trx) => (await sql`select current_user, rt_viewer_active() as a, count(*) from items`.execute(trx)).rows);
  console.log(r);
  await db.close();
}
