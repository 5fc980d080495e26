/** Validation of the actors-across-the-library methods' arguments. */
import { z } from 'zod';
import type { ActorMethods } from '../contract';
import { id, type SchemasOf } from './common';

/** A document actor's id: the engine's or a reader-added one ("user:…"), never empty. */
const actorId = z.string().min(1).max(300);
const ref = z.object({ documentId: id, actorId }).strict();
const key = z.string().min(1).max(600);

export const actorSchemas: SchemasOf<ActorMethods> = {
  getDossier: z.union([z.object({ key }).strict(), ref]),
  findActors: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }).strict(),
  mergeActors: z.object({ key, into: key }).strict(),
  splitActor: z.object({ key, members: z.array(ref).min(1, 'choose at least one document').max(5_000) }).strict(),
  undoActorCorrection: z.object({ id: z.string().min(1).max(100), ref }).strict(),
};
