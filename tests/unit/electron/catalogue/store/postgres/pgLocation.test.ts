// --catalogue postgres://…: what is a PostgreSQL address, and what of it reaches the pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { isPostgresLocation, postgresPoolConfig } from '../../../../../../electron/catalogue/store/postgres/pgLocation.ts';
import { CatalogueError } from '../../../../../../electron/catalogue/catalogueError.ts';

test('postgres:// and postgresql:// addresses are PostgreSQL catalogues; folders are not', () => {
  for (const location of ['postgres://anna@db.fortepan.hu:5432/fortepan', 'postgresql://anna@localhost/fortepan', ' POSTGRES://x@y/z']) {
    assert.equal(isPostgresLocation(location), true, location);
  }
  for (const location of ['/home/anna/Fototár', 'C:\\Fototár', 'postgres', './postgres://x', 'Szkennelések/postgres']) {
    assert.equal(isPostgresLocation(location), false, location);
  }
});

test('the address gives host, port, user and database; a socket folder as ?host=; accents survive', () => {
  assert.deepEqual(postgresPoolConfig('postgres://Kov%C3%A1cs%20%C3%89va@db.fortepan.hu:5433/f%C3%A9nyk%C3%A9pek'), {
    host: 'db.fortepan.hu',
    port: 5433,
    user: 'Kovács Éva',
    database: 'fényképek',
    application_name: 'Fototar',
  });
  const local = postgresPoolConfig('postgres://anna@/fortepan?host=%2Frun%2Fpostgresql');
  assert.equal(local.host, '/run/postgresql');
  assert.equal(local.port, undefined);
});

test('an address without a user means the operating system user, as psql reads it (even where $USER is not set)', () => {
  const saved = { USER: process.env.USER, PGUSER: process.env.PGUSER };
  delete process.env.USER;
  delete process.env.PGUSER;
  try {
    assert.equal(postgresPoolConfig('postgres:///fortepan?host=%2Fvar%2Frun%2Fpostgresql').user, os.userInfo().username);
    process.env.PGUSER = 'archivum';
    assert.equal(postgresPoolConfig('postgres:///fortepan').user, 'archivum');
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

test('a password in the address is refused (it would be kept and shown); so are an address without a database and a broken one', () => {
  const refused = (location: string, key: string) =>
    assert.throws(
      () => postgresPoolConfig(location),
      (error: unknown) => error instanceof CatalogueError && error.key === key && !error.message.includes('titok') && !error.message.includes('\n'),
      location,
    );
  refused('postgres://anna:titok@db/fortepan', 'postgresPasswordInAddress');
  refused('postgres://anna@db:5432/', 'postgresNoDatabase');
  refused('postgres://anna@db:99999/fortepan', 'postgresAddressUnreadable');
});
