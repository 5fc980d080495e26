// sql.js's build with its WebAssembly inlined: the same API as the package's main entry (typed by @types/sql.js).
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
