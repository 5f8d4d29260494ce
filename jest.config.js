/** One config for every test: API (real Postgres + Redis), libs, and the browser test. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const fs = require('node:fs');
const path = require('node:path');

/**
 * NestJS 12 and a few of its dependencies ship as ES modules. Node 22 can require() them but Jest's
 * module runtime cannot (before Node 24.9), so Jest compiles every package marked "type": "module"
 * to CommonJS with Babel (plus `import.meta` and `import()`, see tools/jest/esm-for-jest.js).
 */
function esmPackages(dir = path.join(__dirname, 'node_modules'), found = new Set()) {
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      esmPackages(path.join(dir, entry), found);
      continue;
    }
    const pkg = path.join(dir, entry, 'package.json');
    if (!fs.existsSync(pkg)) continue;
    const { name, type } = JSON.parse(fs.readFileSync(pkg, 'utf8'));
    if (type === 'module' && name) found.add(name);
    esmPackages(path.join(dir, entry, 'node_modules'), found);
  }
  return found;
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esm = [...esmPackages(), '@fastify/cookie'].map(escape).join('|');
const esmToCjs = ['babel-jest', { babelrc: false, configFile: false, plugins: [require.resolve('./tools/jest/esm-for-jest.js'), '@babel/plugin-transform-export-namespace-from', '@babel/plugin-transform-modules-commonjs'] }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    [`node_modules/(${esm})/.+\\.m?js$`]: esmToCjs,
    '^.+\\.(t|j)sx?$': swc,
  },
  transformIgnorePatterns: [`node_modules/(?!(${esm})/)`],
  moduleNameMapper: {
    '^@commons/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@commons/realtime$': '<rootDir>/libs/realtime/src/index.ts',
  },
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
