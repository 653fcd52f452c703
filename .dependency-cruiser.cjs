/** The import rules of ARCHITECTURE.md, checked by `npm test` (`npm run lint:arch`). */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules never import each other in a circle (a circle of type-only imports is erased at build and allowed).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders (capabilities, view areas) depend one way: never in a circle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-core',
      severity: 'error',
      comment: 'lib/ is plain TypeScript: no browser extension API, React, Node-only module, platform/, components/ or entrypoints/.',
      from: { path: '^lib/' },
      to: {
        path: [
          '^(platform|components|entrypoints|cli|bench|tests)/',
          'node_modules/(react|react-dom|wxt|webextension-polyfill|@wxt-dev)/',
        ],
      },
    },
    {
      name: 'lib-no-node-builtins',
      severity: 'error',
      comment: 'lib/ runs in the browser as well as in the CLI: no node: modules.',
      from: { path: '^lib/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'lib-capability-public-index',
      severity: 'error',
      comment: 'A capability reaches another capability only through its index.ts.',
      from: { path: '^lib/([^/]+)/' },
      to: { path: '^lib/[^/]+/', pathNot: ['^lib/$1/', '^lib/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-only-wraps',
      severity: 'error',
      comment: 'platform/ wraps browser APIs; it never imports views or entrypoints.',
      from: { path: '^platform/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'views-get-services',
      severity: 'error',
      comment: 'Views get everything through the services their entrypoint builds: never platform/, a store or storage.',
      from: { path: '^components/' },
      to: { path: ['^platform/', '^entrypoints/', '^lib/[^/]+/store\\.ts$', '^lib/storage/'] },
    },
    {
      name: 'no-tests-in-product',
      severity: 'error',
      comment: 'Product code never imports tests or benchmarks.',
      from: { path: '^(lib|platform|components|entrypoints|cli)/' },
      to: { path: '^(tests|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules)/' },
    tsPreCompilationDeps: true,
    webpackConfig: { fileName: 'scripts/resolve-aliases.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    parser: 'swc',
  },
};
