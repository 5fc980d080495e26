/**
 * Studying across articles (issue #20, part 4): which documents a quiz on a collection, on last week's reading or on
 * one actor draws on. The quiz itself is the quiz area's (startQuiz with these documents, and `actor` for the last).
 */
export type StudyScope =
  | { kind: 'collection'; collectionId: string }
  /** Documents added or read in the last 7 days of the reader's own days (time zone and the hour a day starts). */
  | { kind: 'recent' }
  /** An actor across the library, by its identity key (see findActors) or by one document's actor. */
  | { kind: 'actor'; key: string }
  | { kind: 'actor'; documentId: string; actorId: string };

export interface StudyPlan {
  /** What the quiz is on, as the reader reads it: "Collection “Korea”", "Last week's reading", "Choe Son-hee". */
  label: string;
  /** The documents, most recent first for last week's reading, else in library order; [] when none. */
  documentIds: string[];
  /** For an actor: the identity key to pass to startQuiz as `actor`, and its name. */
  actor?: { key: string; name: string };
  /** For last week's reading: the reader's first day of the seven (YYYY-MM-DD). */
  since?: string;
}

export interface StudyMethods {
  /** Fails with not-found for an unknown collection or actor. */
  planStudy: { input: { scope: StudyScope }; output: StudyPlan };
}
