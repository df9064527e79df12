// The Electron window's hardening, as syntax rules on electron/: what a refactor could quietly
// drop or weaken. The behaviour itself is tested by starting main.ts and preload.ts against a
// fake `electron` (tests/unit/electron/main.test.ts, preload.test.ts); these rules stop
// the source from saying something weaker in a place those tests do not drive.

/** `key: value` written anywhere in electron/ that turns a protection off. */
const WEAKENINGS = [
  ['nodeIntegration', true],
  ['nodeIntegrationInWorker', true],
  ['nodeIntegrationInSubFrames', true],
  ['contextIsolation', false],
  ['sandbox', false],
  ['webSecurity', false],
  ['allowRunningInsecureContent', true],
  ['webviewTag', true],
  ['experimentalFeatures', true],
  ['bypassCSP', true],
].map(([key, value]) => ({
  selector: `Property[key.name='${key}'][value.value=${value}]`,
  message: `${key}: ${value} weakens the window; its webPreferences come from secureWebPreferences() in windowOptions.ts.`,
}));

const EVERYWHERE = [
  ...WEAKENINGS,
  { selector: "Property[key.name='action'][value.value='allow']", message: 'New windows are always denied (setWindowOpenHandler → { action: "deny" }).' },
  {
    selector: 'CallExpression[callee.property.name=/^(loadFile|registerFileProtocol|interceptFileProtocol|openDevTools)$/]',
    message: 'The window loads only fototar-app:// through protocol.handle (no file://), and opens developer tools only from the development menu.',
  },
];

const MAIN = [
  ...EVERYWHERE,
  {
    selector: "NewExpression[callee.name='BrowserWindow']:not(:has(Property[key.name='webPreferences'][value.type='CallExpression'][value.callee.name='secureWebPreferences']))",
    message: 'A window takes webPreferences: secureWebPreferences(preload), exactly (nothing spread over it).',
  },
  { selector: "MemberExpression[object.name='ipcMain'][property.name!='handle']", message: 'The main process answers the renderer only through ipcMain.handle(API_CHANNEL, …), which checks the sender.' },
  { selector: "Literal[value=/^file:/]", message: 'Nothing is loaded from file:// URLs; the renderer is served through protocol.handle.' },
  {
    selector: "Property[key.name='role'][value.value=/^(toggleDevTools|reload|forceReload)$/]:not(ConditionalExpression[test.name='isDevelopment'] Property)",
    message: 'Developer tools and reload are in the menu only when isDevelopment.',
  },
  {
    selector: "VariableDeclarator[id.name='isDevelopment']:not([init.type='UnaryExpression'][init.operator='!'][init.argument.object.name='app'][init.argument.property.name='isPackaged'])",
    message: 'isDevelopment is exactly !app.isPackaged: a packaged app never has developer tools.',
  },
];

const PRELOAD = [
  ...EVERYWHERE,
  { selector: "MemberExpression[object.name='ipcRenderer']:not([property.name=/^(invoke|on)$/])", message: 'The preload only invokes the API channel and listens on the events channel.' },
  {
    selector: "Identifier[name='ipcRenderer']:not(MemberExpression > Identifier.object):not(ImportSpecifier > Identifier)",
    message: 'ipcRenderer is never handed to the page, not even inside an object: expose functions that call it.',
  },
];

export const electronHardening = [
  { files: ['electron/**'], rules: { 'no-restricted-syntax': ['error', ...EVERYWHERE] } },
  // The menu is built in menuLabels.ts (its words in two languages): its developer items are held there too.
  { files: ['electron/main.ts', 'electron/menuLabels.ts'], rules: { 'no-restricted-syntax': ['error', ...MAIN] } },
  { files: ['electron/preload.ts'], rules: { 'no-restricted-syntax': ['error', ...PRELOAD] } },
];
