/**
 * A highlight colour (1 to 5) as the solid tone an element paints it in, for its `--hue` custom property
 * (`style:--hue={hue(color)}`): the one place a colour's number becomes its CSS variable, so app.css needs one rule a
 * kind of thing (swatch, dot, highlight or card edge) instead of one a colour.
 */
export function hue(color: number | string | null | undefined): string | undefined {
  return color ? `var(--hl-${color}-solid)` : undefined;
}
