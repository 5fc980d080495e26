/**
 * Binary search: the index of the first item for which `isAfter` holds, or items.length when none does. `isAfter`
 * must be monotone over the items (false, then true). Shared by every "which span, block or node holds this offset"
 * lookup in the app.
 */
export function firstIndex<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAfter(items[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}
