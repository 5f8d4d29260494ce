/**
 * Babel plugin for Jest only, run on the ES-module packages listed in jest.config.js:
 * `import.meta.url` → the CommonJS file URL (the npm plugin for this emits `require(...)`, which breaks
 * modules that declare their own `const require = createRequire(...)`), and `import(x)` in CommonJS
 * files → `require(x)` (Babel's CommonJS transform leaves files without import/export alone).
 */
module.exports = function esmForJest({ types: t, template }) {
  const dynamicImport = template.expression('Promise.resolve().then(() => require(SOURCE))');
  return {
    visitor: {
      MemberExpression(path) {
        const { object, property } = path.node;
        if (object.type !== 'MetaProperty' || object.meta.name !== 'import' || property.type !== 'Identifier') return;
        if (property.name === 'url') path.replaceWith(t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')));
        else if (property.name === 'filename') path.replaceWith(t.identifier('__filename'));
        else if (property.name === 'dirname') path.replaceWith(t.identifier('__dirname'));
      },
      CallExpression(path) {
        if (path.node.callee.type === 'Import') path.replaceWith(dynamicImport({ SOURCE: path.node.arguments[0] }));
      },
    },
  };
};
