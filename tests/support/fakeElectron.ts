// A stand-in for the `electron` module, just enough for main.ts to start in plain Node: it
// records what the main process registers (protocol handlers, the IPC handler, windows,
// session hooks) so tests can call them. Loaded through a module resolve hook.
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeEvent {
  defaultPrevented = false;
  readonly url: string;
  constructor(url = '') {
    this.url = url;
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly mainFrame = { parent: null, processId: 7, routingId: this.id, url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  reloads = 0;
  /** What the main process sent to this page (catalogue events). */
  readonly sent: [string, unknown][] = [];
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  reload(): void {
    this.reloads++;
  }
}

export class BrowserWindow extends Emitter {
  static readonly all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all;
  }
  readonly options: Record<string, any>;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(options: Record<string, any>) {
    super();
    this.options = options;
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  focus(): void {}
}

export const recorded = {
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  ipcListeners: [] as string[],
  sandboxEnabled: false,
  menu: null as { template: any[] } | null,
  permissionRequestHandler: null as ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null,
  permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
  devicePermissionHandler: null as ((...args: unknown[]) => boolean) | null,
  beforeRequest: null as { filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void } | null,
  errorBoxes: [] as { title: string; message: string }[],
  exitCode: null as number | null,
  openDialogResult: { canceled: true, filePaths: [] as string[] },
};

export const fakeState = {
  appPath: '',
  userData: '',
  singleInstanceLock: true,
  locale: 'en-US',
  /** safeStorage's backend: Linux without a keyring falls back to 'basic_text' (a fixed key). */
  storageBackend: 'basic_text' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
};

class FakeApp extends Emitter {
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return fakeState.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath(${name})`);
    return fakeState.userData;
  }
  getAppPath(): string {
    return fakeState.appPath;
  }
  getLocale(): string {
    return fakeState.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return [fakeState.locale];
  }
  enableSandbox(): void {
    recorded.sandboxEnabled = true;
  }
  quit(): void {}
  exit(code = 0): void {
    recorded.exitCode = code;
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof recorded.permissionRequestHandler): void {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof recorded.permissionCheckHandler): void {
      recorded.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: typeof recorded.devicePermissionHandler): void {
      recorded.devicePermissionHandler = handler;
    },
    webRequest: {
      onBeforeRequest(filter: { urls: string[] }, listener: NonNullable<typeof recorded.beforeRequest>['listener']): void {
        recorded.beforeRequest = { filter, listener };
      },
    },
  },
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    recorded.ipcHandlers.set(channel, handler);
  },
  on(channel: string): void {
    recorded.ipcListeners.push(channel);
  },
};

export const dialog = {
  showErrorBox(title: string, message: string): void {
    recorded.errorBoxes.push({ title, message });
  },
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return recorded.openDialogResult;
  },
  async showMessageBox(): Promise<{ response: number }> {
    return { response: 0 };
  },
};

/** Electron's safeStorage: "encrypts" reversibly (enough to see that nothing is kept in plain text). */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => fakeState.storageBackend,
  encryptString: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

export const Menu = {
  buildFromTemplate(template: any[]): { template: any[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: any[] }): void {
    recorded.menu = menu;
  },
};

// --- the preload's side: what it exposes and what it sends ------------------------------------

export const preloadRecorded = {
  exposed: [] as [string, unknown][],
  invoked: [] as unknown[][],
  /** Calls of any other ipcRenderer method (send, sendSync…): the preload must make none. */
  otherCalls: [] as string[],
};

class FakeIpcRenderer extends Emitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    preloadRecorded.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: { echoed: args } });
  }
  send(channel: string): void {
    preloadRecorded.otherCalls.push(`send ${channel}`);
  }
  sendSync(channel: string): void {
    preloadRecorded.otherCalls.push(`sendSync ${channel}`);
  }
  postMessage(channel: string): void {
    preloadRecorded.otherCalls.push(`postMessage ${channel}`);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    preloadRecorded.exposed.push([key, api]);
  },
};

export const webUtils = {
  getPathForFile(file: { name: string }): string {
    return `/dropped/${file.name}`;
  },
};
