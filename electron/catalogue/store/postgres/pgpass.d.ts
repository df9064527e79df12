// pgpass (pg's own dependency, by the same author) ships no types: its one function.
declare module 'pgpass' {
  function pgpass(connection: { host?: string; port?: number; database?: string; user?: string }, callback: (password: string | undefined) => void): void;
  export default pgpass;
}
