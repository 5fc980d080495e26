/**
 * The Dossier screen's state: one actor across the library (roles over time, documents with their mentions,
 * companions, quotations), and the reader's merges and splits of actors across documents, each with its Undo.
 */
import type { ActorDossier, ActorRef, ActorSummary, DossierInput, LectioApi } from '@contract';
import { TaskState } from './task-state.svelte';

type DossierApi = Pick<LectioApi, 'getDossier' | 'findActors' | 'mergeActors' | 'splitActor' | 'undoActorCorrection'>;

const refKey = (ref: ActorRef) => `${ref.documentId}/${ref.actorId}`;

export class DossierState extends TaskState {
  dossier = $state<ActorDossier | null>(null);
  loading = $state(true);
  /** What the last merge, split or undo did, in plain words. */
  status = $state<string | null>(null);
  /** After a split: the dossier the chosen documents now form, to open. */
  splitOff = $state<{ key: string; name: string; documents: number; ref: ActorRef } | null>(null);
  /** Documents chosen to split off, by `documentId/actorId`. */
  chosen = $state<string[]>([]);
  /** Other actors offered for a merge, as the reader types a name. */
  candidates = $state<ActorSummary[]>([]);

  constructor(private readonly api: DossierApi) {
    super();
  }

  async load(input: DossierInput): Promise<void> {
    this.loading = true;
    const dossier = await this.run(() => this.api.getDossier(input));
    this.#show(dossier);
    this.loading = false;
  }

  #show(dossier: ActorDossier | null): void {
    if (!dossier) return;
    this.dossier = dossier;
    const held = new Set(dossier.documents.map((d) => refKey(d)));
    this.chosen = this.chosen.filter((key) => held.has(key));
  }

  /** A document (as `documentId/actorId`) chosen or not for a split. */
  toggle(ref: ActorRef, on: boolean): void {
    const key = refKey(ref);
    this.chosen = on ? [...new Set([...this.chosen, key])] : this.chosen.filter((k) => k !== key);
  }

  /** A document actor of the dossier shown, naming it for an address that stays right across merges and splits. */
  get shownRef(): ActorRef | null {
    const first = this.dossier?.documents[0];
    return first ? { documentId: first.documentId, actorId: first.actorId } : null;
  }

  isChosen(ref: ActorRef): boolean {
    return this.chosen.includes(refKey(ref));
  }

  /** Actors of the same kind whose name starts like `query`, this one left out. */
  async findCandidates(query: string): Promise<void> {
    const current = this.dossier;
    if (!current || query.trim().length < 2) {
      this.candidates = [];
      return;
    }
    const found = await this.run(() => this.api.findActors({ query, limit: 8 }));
    if (found) this.candidates = found.filter((a) => a.key !== current.key && a.kind === current.kind);
  }

  /** Makes `other` and this actor one, in every document. */
  async mergeWith(other: ActorSummary): Promise<void> {
    const current = this.dossier;
    if (!current) return;
    const merged = await this.run(() => this.api.mergeActors({ key: other.key, into: current.key }));
    if (!merged) return;
    this.#show(merged);
    this.candidates = [];
    this.splitOff = null;
    this.status = `Merged “${other.name}” into this dossier: ${merged.documents.length} documents.`;
  }

  /** Takes the chosen documents out into an actor of their own; this dossier keeps the rest. */
  async splitChosen(): Promise<void> {
    const current = this.dossier;
    if (!current || this.chosen.length === 0) return;
    const members = current.documents
      .filter((d) => this.chosen.includes(refKey(d)))
      .map((d) => ({ documentId: d.documentId, actorId: d.actorId }));
    const stay = current.documents.find((d) => !this.chosen.includes(refKey(d)));
    const split = await this.run(() => this.api.splitActor({ key: current.key, members }));
    if (!split || !stay) return;
    this.chosen = [];
    // Named by a document actor, not by key: after a split either side may take the plain key the page was opened by.
    const ref = { documentId: members[0]!.documentId, actorId: members[0]!.actorId };
    this.splitOff = { key: split.key, name: split.name, documents: split.documents.length, ref };
    this.status = `${split.documents.length === 1 ? 'One document is' : `${split.documents.length} documents are`} now a separate “${split.name}”.`;
    this.#show(await this.run(() => this.api.getDossier({ documentId: stay.documentId, actorId: stay.actorId })));
  }

  /** Takes back a merge or split listed in the dossier. */
  async undo(id: string): Promise<void> {
    const current = this.dossier;
    const first = current?.documents[0];
    if (!current || !first) return;
    const after = await this.run(() =>
      this.api.undoActorCorrection({ id, ref: { documentId: first.documentId, actorId: first.actorId } }),
    );
    if (!after) return;
    this.#show(after);
    this.splitOff = null;
    this.status = 'Undone.';
  }
}
