import SqliteDatabase from 'better-sqlite3';

/**
 * Copies a live SQLite database to `destination` with SQLite's online backup API, on a connection
 * of its own while Herald keeps writing. All pages go in one step, inside one read transaction:
 * the copy is the database as it was at one instant (in WAL mode writers are not blocked, and a
 * copy made in many steps would restart at every write from another connection).
 *
 * @example
 * await backupSqliteFile('./data/herald.sqlite', '/backups/herald-2026-12-01.sqlite');
 */
export async function backupSqliteFile(source: string, destination: string): Promise<{ pages: number }> {
  const sqlite = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const result = await sqlite.backup(destination, { progress: () => allRemainingPages });
    return { pages: result.totalPages };
  } finally {
    sqlite.close();
  }
}

/** The most pages one backup step may copy: all of them. */
const allRemainingPages = 0x7fffffff;
