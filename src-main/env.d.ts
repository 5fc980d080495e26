/** Vite's `?raw` imports: a bundled file's text as a string (the sample article). */
declare module '*?raw' {
  const text: string;
  export default text;
}
