import { describe, expect, it } from "vitest";
import { log } from "~/utils/logger.server";
import { expectLoggedError, loggedErrorProblems, resetLoggedErrors } from "../support/logged-errors";

/** The guard of test/setup/console-guard.ts sees the app's logger. */
describe("the logged-error guard", () => {
  it("reports an error the app logs that the test did not declare", () => {
    log.error("request failed", { url: "/pt-PT/firms" });
    const problems = loggedErrorProblems();
    resetLoggedErrors(); // this test's point: don't fail it in afterEach
    expect(problems).toMatch(/console\.error was called during the test:\n.*request failed/);
  });

  it("lets a test provoke an error it declares", () => {
    expectLoggedError(/render error/);
    log.error("render error", { error: "boom" });
    expect(loggedErrorProblems()).toBeUndefined();
  });

  it("reports a declared error that never came", () => {
    expectLoggedError(/never logged/);
    const problems = loggedErrorProblems();
    resetLoggedErrors();
    expect(problems).toMatch(/expectLoggedError\(\/never logged\/\) was declared, but no such error was logged/);
  });

  it("leaves warnings alone", () => {
    log.warn("search engine slow");
    expect(loggedErrorProblems()).toBeUndefined();
  });
});
