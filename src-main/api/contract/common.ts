/** What every area of the contract shares. */

/** The input of a method that takes nothing. */
export type Empty = Record<string, never>;
