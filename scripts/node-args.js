'use strict';
/**
 * Node's arguments (flags, then the entry file) of a package.json script of the form `node [flags] entry`.
 * Every launcher (scripts/start.sh, scripts/bench.sh, the bench's extra processes, the process tests)
 * starts the API and the worker exactly as `npm run start:api` / `start:worker` do, so a node flag for
 * either is set in package.json alone (the Dockerfile repeats it; processes.spec checks that it does).
 *
 *   node scripts/node-args.js start:api   → one argument per line
 */
const { scripts } = require('../package.json');

function nodeArgs(name) {
  const script = scripts[name] ?? '';
  const [command, ...args] = script.trim().split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error(`package.json's ${name} is not \`node [flags] entry\`: "${script}"`);
  return args;
}

if (require.main === module) console.log(nodeArgs(process.argv[2]).join('\n'));

module.exports = { nodeArgs };
