/**
 * What sync brought in lately, for the screens that are open: the Reader asks now and then whether its article
 * changed on another device, and reloads its highlights and note when it did; the Library reloads its rows when
 * anything arrived. Each pull that changed the library adds its documents under a new number (a pull that changed only
 * library-wide records, a collection or the settings, adds a number with no documents); a screen remembers the number
 * it last saw and asks what came since.
 */
import type { SyncArrivals } from '../api/contract/sync';

/** How many pulls are remembered; a screen further behind than that is told to reload everything. */
const KEPT = 200;

export class ArrivalLog {
  #seq = 0;
  readonly #pulls: { seq: number; documentIds: readonly string[] }[] = [];

  /**
   * Records one pull: the documents it changed, and whether it changed anything at all (a collection renamed on the
   * other device changes no document). A pull that changed nothing is not recorded: the number stays.
   */
  note(documentIds: Iterable<string>, changedAny = false): void {
    const ids = [...new Set(documentIds)];
    if (ids.length === 0 && !changedAny) return;
    this.#seq += 1;
    this.#pulls.push({ seq: this.#seq, documentIds: ids });
    if (this.#pulls.length > KEPT) this.#pulls.shift();
  }

  /**
   * The documents changed by pulls after number `since`. `everything` when the log cannot say: the screen is older
   * than the oldest pull kept, or it counted in another run of the app (its number is ahead of this one's).
   */
  since(since: number): SyncArrivals {
    const oldest = this.#pulls[0]?.seq ?? this.#seq + 1;
    const everything = since > this.#seq || (since < oldest - 1 && this.#pulls.length === KEPT);
    const documentIds = new Set<string>();
    for (const pull of this.#pulls) if (pull.seq > since) for (const id of pull.documentIds) documentIds.add(id);
    return { seq: this.#seq, documentIds: [...documentIds], everything };
  }
}
