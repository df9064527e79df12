// Team catalogues' passwords the person asked the app to remember, encrypted by the operating
// system's keychain (Electron's safeStorage: the macOS Keychain, Windows DPAPI, libsecret or
// KWallet on Linux) and never written in plain text: where the system has no keychain (Linux
// with safeStorage's "basic_text" backend, or browser mode) nothing is kept and the dialog does
// not offer it. Stored by the address's key (pgLocation.ts postgresAddressKey), readable by the
// person only.
import path from 'node:path';
import { readJsonFile, writeJsonFile } from './jsonFile.ts';

/** What encrypts for this user of this computer. Electron's safeStorage in the app. */
export interface PasswordCipher {
  /** False where the "encryption" would be plain text or a fixed key. */
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export class SavedPasswords {
  readonly file: string;
  readonly #cipher: PasswordCipher | null;

  constructor(configDirectory: string, cipher: PasswordCipher | null) {
    this.file = path.join(configDirectory, 'team-passwords.json');
    this.#cipher = cipher;
  }

  get canRemember(): boolean {
    return this.#cipher?.available() === true;
  }

  #readAll(): Record<string, string> {
    const parsed = readJsonFile(this.file);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  /** The keys with a kept password. */
  keys(): string[] {
    return this.canRemember ? Object.keys(this.#readAll()) : [];
  }

  /** The kept password for `key`, or null (none kept, no keychain, or one it can no longer read). */
  get(key: string): string | null {
    const sealed = this.#readAll()[key];
    if (!sealed || !this.canRemember) return null;
    try {
      return this.#cipher!.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      return null;
    }
  }

  /** Keeps `password` for `key` (false, keeping nothing, where there is no keychain). */
  remember(key: string, password: string): boolean {
    if (!this.canRemember) return false;
    const all = this.#readAll();
    all[key] = this.#cipher!.encrypt(password).toString('base64');
    writeJsonFile(this.file, all, 0o600);
    return true;
  }

  forget(key: string): void {
    const all = this.#readAll();
    if (!(key in all)) return;
    delete all[key];
    writeJsonFile(this.file, all, 0o600);
  }
}
