/** ESLint: TypeScript, React, hooks, accessibility and imports. */
module.exports = {
  root: true,
  parserOptions: { ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true } },
  env: { browser: true, commonjs: true, es6: true, node: true },
  ignorePatterns: ["!**/.server", "!**/.client", "build/", "public/build/", "app/generated/", "node_modules/", "data/"],
  extends: ["eslint:recommended"],
  overrides: [
    {
      files: ["**/*.{js,jsx,ts,tsx}"],
      plugins: ["react", "jsx-a11y"],
      extends: ["plugin:react/recommended", "plugin:react/jsx-runtime", "plugin:react-hooks/recommended", "plugin:jsx-a11y/recommended"],
      settings: {
        react: { version: "detect" },
        formComponents: ["Form"],
        linkComponents: [
          { name: "Link", linkAttribute: "to" },
          { name: "NavLink", linkAttribute: "to" },
        ],
        "import/resolver": { typescript: {} },
      },
      rules: {
        "react/prop-types": "off",
      },
    },
    {
      files: ["**/*.{ts,tsx}"],
      plugins: ["@typescript-eslint", "import"],
      parser: "@typescript-eslint/parser",
      settings: {
        "import/internal-regex": "^~/",
        "import/resolver": { node: { extensions: [".ts", ".tsx"] }, typescript: { alwaysTryTypes: true } },
      },
      extends: ["plugin:@typescript-eslint/recommended", "plugin:import/recommended", "plugin:import/typescript"],
      rules: {
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
        "import/no-duplicates": "error",
        // Server code must never reach the browser bundle through a route's default export.
        "no-restricted-imports": ["error", { patterns: [{ group: ["**/generated/prisma/*"], message: "Import Prisma through ~/utils/db.server." }] }],
      },
    },
    {
      files: ["app/utils/db.server.ts", "app/utils/db-adapter.server.ts", "test/**", "prisma/**"],
      rules: { "no-restricted-imports": "off" },
    },
    { files: [".eslintrc.cjs"], env: { node: true } },
  ],
};
