import { expect } from "vitest";
import type { TestClient } from "./server";

/** Signs a client in through the real sign-in form. */
export async function signIn(client: TestClient, email: string, password: string, locale = "en") {
  const response = await client.post(`/${locale}/login`, { email, password });
  expect(response.status, `sign-in of ${email}`).toBe(302);
  return response;
}
