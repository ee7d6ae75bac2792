/**
 * Boundaries of the monorepo (STYLE.md rules 1–2), checked in `npm test`:
 * apps never import apps; libs never import apps; other code reaches a lib only through its
 * `@woonbrug/<lib>` alias (its index.ts), never through a deep path; the partner portals never
 * touch private notes.
 */
module.exports = {
  forbidden: [
    {
      name: 'app-imports-other-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-imports-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'deep-import-into-lib',
      comment: 'Use the @woonbrug/<lib> alias: a lib is reached through its index.ts only.',
      severity: 'error',
      from: { path: '^(?:apps|libs)/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'partner-portal-imports-notes',
      comment: 'Private notes never leave the worker portal (DESIGN.md §3).',
      severity: 'error',
      from: { path: '^apps/(landlord|ocmw)-portal/' },
      to: { path: '^libs/notes/' },
    },
    {
      name: 'domain-imports-framework',
      comment: 'domain/ knows no framework (STYLE.md rule 3).',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|fastify|pg)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
