/** Types of dist-plan.mjs (a plain script, run by Node without a build step). */
export function builderArgs(options: { electronDist: string | null }): string[];
export function explainFailure(output: string, options: { electronVersion: string }): string | null;
