import { afterEach, beforeEach } from "vitest";
import { loggedErrorProblems, noteLoggedError, resetLoggedErrors } from "../support/logged-errors";

/**
 * Every test file, unit or integration: a test that makes the app log an
 * error (console.error, which app/utils/logger.server.ts uses for errors)
 * fails, unless it declares the error with expectLoggedError.
 */
const consoleError = console.error;
beforeEach(() => {
  resetLoggedErrors();
  console.error = (...args: unknown[]) => {
    // Declared errors stay out of the output: they are the test's point.
    if (!noteLoggedError(args)) consoleError(...args);
  };
});
afterEach(() => {
  console.error = consoleError;
  const problems = loggedErrorProblems();
  if (problems) throw new Error(problems);
});
