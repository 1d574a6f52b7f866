import { accountEmail, locale, personName } from '../validation';

export interface ImportRow {
  /** 1-based row number as the user sees it (data rows, after any header). */
  line: number;
  user: { email: string; name: string; locale?: string; role?: string };
  problems: string[];
}

const columns = ['email', 'name', 'locale', 'role'] as const;

/** Splits one CSV line, honouring double-quoted values ("Doe, Jane"). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function fromCsv(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = csvCells(lines[0] ?? '').map((c) => c.toLowerCase());
  const header = first.includes('email') ? first : undefined;
  return (header ? lines.slice(1) : lines).map((line) => {
    const cells = csvCells(line);
    const names = header ?? columns;
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/**
 * Reads pasted users (a JSON array, or CSV `email,name,locale,role`) and checks each row with the
 * API's rules, so a bad row is named before anything is sent.
 */
export function parseImport(text: string, roles: readonly string[]): { rows: ImportRow[] } {
  let records: Array<Record<string, unknown>>;
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      records = Array.isArray(parsed)
        ? parsed.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>) : {}))
        : [];
    } catch (error) {
      return { rows: [{ line: 1, user: { email: '', name: '' }, problems: [`the JSON could not be read: ${(error as Error).message}`] }] };
    }
  } else {
    records = trimmed === '' ? [] : fromCsv(trimmed);
  }
  const rows = records.map((record, index): ImportRow => {
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
    const user = {
      email: text('email'),
      name: text('name'),
      ...(text('locale') ? { locale: text('locale') } : {}),
      ...(text('role') ? { role: text('role') } : {}),
    };
    const problems = [
      ['email', accountEmail(user.email)],
      ['name', personName(user.name)],
      ['locale', user.locale ? locale(user.locale) : undefined],
      ['role', user.role && !roles.includes(user.role) ? `must be one of ${roles.join(', ')}` : undefined],
    ]
      .filter(([, problem]) => problem)
      .map(([field, problem]) => `${field} ${problem}`);
    return { line: index + 1, user, problems };
  });
  const seen = new Map<string, number>();
  for (const row of rows) {
    const email = row.user.email.toLowerCase();
    if (email && seen.has(email)) row.problems.push(`email appears twice (also row ${seen.get(email)})`);
    else seen.set(email, row.line);
  }
  return { rows };
}
