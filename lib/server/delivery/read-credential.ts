import "server-only";
import { readFile } from "node:fs/promises";
import { CREDENTIAL_REF_PATTERN } from "@/lib/domain/delivery";

/** A credential that cannot be read: the message names the reference, never a value. */
export class CredentialError extends Error {}

/**
 * Reads the secret a reference points at: `env:NAME` from the environment, `file:/path` from a
 * file (a mounted Kubernetes or Docker secret), trimmed of the trailing newline such files have.
 * Read at each use, so a rotated secret takes effect without a restart.
 */
export async function readCredential(ref: string): Promise<string> {
  if (!CREDENTIAL_REF_PATTERN.test(ref)) throw new CredentialError(`"${ref}" is not a credential reference`);
  if (ref.startsWith("env:")) {
    const name = ref.slice(4);
    const value = process.env[name]?.trim();
    if (!value) throw new CredentialError(`the environment variable ${name} (${ref}) is not set`);
    return value;
  }
  const path = ref.slice(5);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new CredentialError(`the credential file ${path} cannot be read (${code})`);
  }
  const value = text.trim();
  if (!value) throw new CredentialError(`the credential file ${path} is empty`);
  return value;
}
