import argon2 from "argon2";

/**
 * argon2id with OWASP's minimum parameters (19 MiB, t=2, p=1). Unlike bcrypt,
 * which ignores everything past 72 bytes (24 Chinese characters), argon2
 * hashes the whole password.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so unknown e-mails can't be told apart. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("ponte-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
