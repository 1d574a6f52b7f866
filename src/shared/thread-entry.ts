/**
 * The module a worker thread starts from, beside `moduleUrl`. Run from the TypeScript sources, a
 * thread does not inherit tsx's loader, so it starts at `<name>-entry.js`, which registers it;
 * run from the compiled build (bin/herald.js), at the compiled `<name>.js` itself.
 *
 * @example threadEntry('file:///opt/herald/build/templates/render-pool.js', 'render-thread').pathname // '/opt/herald/build/templates/render-thread.js'
 */
export function threadEntry(moduleUrl: string, name: string): URL {
  return new URL(moduleUrl.endsWith('.ts') ? `./${name}-entry.js` : `./${name}.js`, moduleUrl);
}
