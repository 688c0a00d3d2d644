// Random secrets and their hashes: session ids, API tokens, invitation and bootstrap links.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 of a high-entropy secret; such secrets need no slow hash, only no plaintext at rest. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
