/**
 * Actors across the library (issue #20): one dossier per person, country or organisation over every analysed
 * document, finding actors by name for search, and the reader's merges and splits of actors across documents.
 */
import type { ActorType } from '../../core/extract/types';
import type { Dossier } from '../../core/library/dossier';

export type {
  Dossier,
  DossierCompanion,
  DossierDocument,
  DossierMention,
  DossierQuote,
  DossierRole,
} from '../../core/library/dossier';

/** One document's actor: what a dossier is opened from (the Actors panel, a quiz question). */
export interface ActorRef {
  documentId: string;
  actorId: string;
}

/** Which dossier: an identity's key, or any document actor it holds. */
export type DossierInput = { key: string } | ActorRef;

/** A library-level merge or split that concerns a dossier, for its Undo. */
export interface ActorCorrectionView {
  id: string;
  type: 'merge' | 'split';
  at: string;
  /** In plain words: "Merged with Oren Talvik (2 documents)". */
  label: string;
}

export interface ActorDossier extends Dossier {
  /** Analysed documents in the library, and documents not analysed yet (not counted until opened once). */
  analysedDocuments: number;
  unanalysedDocuments: number;
  corrections: ActorCorrectionView[];
}

/** An actor found by name, as search lists it. */
export interface ActorSummary {
  key: string;
  name: string;
  kind: ActorType;
  aliases: string[];
  documents: number;
  mentions: number;
}

export interface ActorMethods {
  /** Fails with not-found when no analysed document holds that actor. */
  getDossier: { input: DossierInput; output: ActorDossier };
  /** Actors whose name or an alias starts a word with the query, best first. */
  findActors: { input: { query: string; limit?: number }; output: ActorSummary[] };
  /** Makes the dossier `key` and the dossier `into` one, in every document; returns the merged dossier. */
  mergeActors: { input: { key: string; into: string }; output: ActorDossier };
  /** Takes these document actors out of dossier `key` into a dossier of their own; returns the new dossier. */
  splitActor: { input: { key: string; members: ActorRef[] }; output: ActorDossier };
  /** Takes back a merge or split; returns the dossier now holding `ref`'s document actor. */
  undoActorCorrection: { input: { id: string; ref: ActorRef }; output: ActorDossier };
}
