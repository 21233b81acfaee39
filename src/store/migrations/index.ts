/**
 * Versioned schema migrations, one list per backend. A store applies, when
 * it is opened, every migration newer than the highest version recorded in
 * its `dyad_migrations` table, each in its own transaction, and records it
 * there. Migrations are never edited once released: a change is a new
 * version. A store whose recorded version is newer than this code knows is
 * refused (it was written by a newer dyad).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export { sqliteMigrations } from './sqlite.js';
export { postgresMigrations } from './postgres.js';
