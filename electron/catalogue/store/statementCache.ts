// Prepares each SQL text once per connection: the same few statements run for every photo of
// an ingest and every row of a collection, and preparing is the costly part.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export function statementCache(db: DatabaseSync): (sql: string) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
