// `npm run check:cycles`: fails on an import cycle between files (madge) or between the API's folders
// (apps/api/src/<folder>: features and shared infrastructure) and libs, so dependencies keep pointing one way.
const madge = require('madge');

const ROOTS = ['apps/api/src', 'libs'];

/** The folder a file belongs to: apps/api/src/<folder>/… or libs/<lib>/…; null for the entry files at src's root. */
function folderOf(file) {
  const match = /^apps\/api\/src\/([^/]+)\/|^(libs\/[^/]+)\//.exec(file);
  return match ? (match[1] ?? match[2]) : null;
}

/** Every cycle in `graph` (node → nodes), each once, found by depth-first search. */
function cycles(graph) {
  const found = [];
  const done = new Set();
  const visit = (node, path) => {
    if (path.includes(node)) return found.push([...path.slice(path.indexOf(node)), node]);
    if (done.has(node)) return;
    for (const next of graph[node] ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of Object.keys(graph)) visit(node, []);
  return found;
}

async function main() {
  const result = await madge(ROOTS, { fileExtensions: ['ts'], tsConfig: 'tsconfig.json' });
  const files = result.circular();
  const folders = {};
  for (const [file, imports] of Object.entries(result.obj())) {
    const from = folderOf(file);
    if (!from) continue;
    for (const to of imports.map(folderOf)) if (to && to !== from) (folders[from] ??= new Set()).add(to);
  }
  const folderCycles = cycles(Object.fromEntries(Object.entries(folders).map(([k, v]) => [k, [...v]])));
  for (const cycle of files) console.error(`file cycle: ${cycle.join(' → ')}`);
  for (const cycle of folderCycles) console.error(`folder cycle: ${cycle.join(' → ')}`);
  if (files.length || folderCycles.length) process.exit(1);
  console.log(`no import cycles (${Object.keys(result.obj()).length} files)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
