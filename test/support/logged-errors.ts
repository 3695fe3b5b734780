/**
 * The test guard's bookkeeping: any console.error during a test (the app's
 * logger writes its errors there too) fails the test, unless the test said
 * it provokes that error with `expectLoggedError(pattern)`. A declared error
 * that never comes also fails the test, so declarations can't go stale.
 */
interface Expectation {
  pattern: RegExp;
  seen: number;
}

let expectations: Expectation[] = [];
let unexpected: string[] = [];

/** This test makes the app log an error matching `pattern`, on purpose. */
export function expectLoggedError(pattern: RegExp) {
  expectations.push({ pattern, seen: 0 });
}

export function resetLoggedErrors() {
  expectations = [];
  unexpected = [];
}

/** Records one console.error call; true when a test declared it. */
export function noteLoggedError(args: unknown[]): boolean {
  const text = args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(" ");
  const match = expectations.find((expectation) => expectation.pattern.test(text));
  if (match) match.seen++;
  else unexpected.push(text);
  return !!match;
}

/** What went wrong in the test that just ended, or undefined. */
export function loggedErrorProblems(): string | undefined {
  const problems = [
    ...unexpected.map((text) => `console.error was called during the test:\n${text}`),
    ...expectations.filter((e) => e.seen === 0).map((e) => `expectLoggedError(${e.pattern}) was declared, but no such error was logged`),
  ];
  return problems.length ? problems.join("\n") : undefined;
}
