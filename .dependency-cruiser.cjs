/**
 * Import boundaries of src/ (DESIGN.md §2), checked by `npm run depcruise` in `npm test` and CI:
 * folders form a DAG, src/model/ is a leaf, and the pure core reaches no IO (no fs, process, network, child
 * processes, and none of the shell folders io/, cli/, tooling/).
 */
const CORE =
  '^src/(model|build|validate|promql|diff|queries|panels|presets|layout|conventions|catalog|lint|i18n|import|verify|config|report|init)/';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders import each other in one direction only; a cycle means two folders can no longer be read apart.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-is-a-leaf',
      comment: 'src/model/ holds what every layer shares; it imports nothing outside itself, not even node: modules.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'core-has-no-io',
      comment: 'The core is pure: data in, data out. Files, processes and sockets belong to io/, cli/ and tooling/.',
      severity: 'error',
      from: { path: CORE },
      to: {
        path: [
          '^src/(io|cli|tooling)/',
          '^(node:)?(fs|fs/promises|child_process|net|http|https|process|os|worker_threads|dgram|tls)$',
        ],
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|bench/out)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
