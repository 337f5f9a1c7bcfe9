/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true, ignoreDeprecations: "6.0" } }];
module.exports = {
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/setup/fc-seed-global.js",
  projects: [
    {
      displayName: "node",
      testTimeout: 60000,
      testEnvironment: "node",
      setupFiles: ["<rootDir>/test/setup/fc-seed.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
    },
    {
      displayName: "dom",
      testTimeout: 60000,
      testEnvironment: "jsdom",
      setupFiles: ["<rootDir>/test/setup/fc-seed.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
    },
  ],
};
