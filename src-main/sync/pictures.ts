/**
 * Pictures in sync (issue #21): a saved article's pictures live in the content-addressed image store, so each one is a
 * replica record of its own, `img:<image id>`, holding its bytes as a PouchDB attachment. Its id is the hash of its
 * bytes, so it never changes and two devices writing the same picture write the same revision (PouchDB's revisions
 * are a hash of the content): a picture is never a conflict. A picture is mirrored with the first document that names
 * it, before that document, so it reaches the other device no later than the document. Arriving bytes go into the
 * image store only through its API and only when they are the picture their id names (hash and format, as an import
 * checks them) and within the import's size limit; anything else is refused and nothing is stored.
 */
import { DEFAULT_IMAGE_LIMITS } from '../import/article-images';
import type { DocumentBody } from '../core/model';
import type { LibraryStorage } from '../storage/library-storage';
import { parseReplicaId, replicaId } from './library-records';
import type { Replica, ReplicaFields } from './replica';

/** A picture over the web import's limit (20 MB) is neither sent nor stored. */
export const MAX_SYNCED_PICTURE_BYTES = DEFAULT_IMAGE_LIMITS.maxBytes;
const ATTACHMENT = 'picture';

/** The pictures a document's body and lead picture name. */
export function picturesOf(body: DocumentBody | null | undefined, leadImage?: unknown): string[] {
  const ids = new Set<string>();
  for (const block of body?.blocks ?? []) if (block.image?.id) ids.add(block.image.id);
  if (typeof leadImage === 'string' && leadImage) ids.add(leadImage);
  return [...ids];
}

/** The pictures named by the library's documents among `keys` (replica ids of a change or a full comparison). */
async function picturesOfKeys(storage: LibraryStorage, keys: readonly string[]): Promise<string[]> {
  const documentIds = new Set(
    keys.map((key) => parseReplicaId(key)).flatMap((k) => (k.kind === 'doc' || k.kind === 'text' ? [k.recordId] : [])),
  );
  if (documentIds.size === 0) return [];
  const metas = [...storage.documents.list(), ...storage.documents.trashed()].filter((m) => documentIds.has(m.id));
  const ids = new Set<string>();
  for (const meta of metas) {
    const body = await storage.documents
      .get(meta.id)
      .then((doc) => doc.body)
      .catch(() => null);
    for (const id of picturesOf(body, meta.leadImage)) ids.add(id);
  }
  return [...ids];
}

/**
 * Writes into the replica each picture the documents among `keys` name that it lacks (a picture already there is
 * never written again); returns how many it wrote. Call before mirroring the documents themselves.
 */
export async function mirrorPictures(
  storage: LibraryStorage,
  replica: Replica,
  keys: readonly string[],
): Promise<number> {
  const ids = await picturesOfKeys(storage, keys);
  if (ids.length === 0) return 0;
  const { rows } = await replica.allDocs({ keys: ids.map(replicaId.img) });
  const present = new Set(rows.flatMap((row) => (row.value && !row.value.deleted ? [row.id] : [])));
  let written = 0;
  for (const id of ids) {
    if (present.has(replicaId.img(id))) continue;
    const stored = await storage.images.read(id);
    if (!stored || stored.bytes.byteLength > MAX_SYNCED_PICTURE_BYTES) continue;
    // Nothing device-specific in it: the same picture written on two devices is the same revision.
    const record: ReplicaFields & { _id: string; _attachments: object } = {
      _id: replicaId.img(id),
      kind: 'img',
      documentId: null,
      device: '',
      fields: { id, bytes: stored.bytes.byteLength },
      stamps: {},
      seen: {},
      versions: {},
      _attachments: { [ATTACHMENT]: { content_type: stored.contentType, data: stored.bytes } },
    };
    const [result] = await replica.bulkDocs([record]);
    if (result && !('error' in result && result.error)) written++;
  }
  return written;
}

/**
 * Puts into the image store each of `ids` it lacks whose picture the replica holds, checked by its bytes; returns the
 * ids stored. A picture not in the replica yet is left: it is stored when it arrives.
 */
export async function receivePictures(
  storage: LibraryStorage,
  replica: Replica,
  ids: Iterable<string>,
): Promise<string[]> {
  const stored: string[] = [];
  for (const id of new Set(ids)) {
    if (await storage.images.has(id)) continue;
    const bytes = await pictureBytes(replica, id);
    if (!bytes || bytes.byteLength > MAX_SYNCED_PICTURE_BYTES) continue;
    // A record whose bytes are not the picture its id names (no image, another hash) is refused.
    if (storage.images.idOf(bytes) !== id) continue;
    await storage.images.put(bytes);
    stored.push(id);
  }
  return stored;
}

async function pictureBytes(replica: Replica, id: string): Promise<Buffer | null> {
  const doc = await replica.get(replicaId.img(id), { attachments: true, binary: true }).catch(() => null);
  const data = doc?._attachments?.[ATTACHMENT]?.data;
  return Buffer.isBuffer(data) ? data : null;
}

/**
 * The pictures that arrived on their own (their documents came earlier, or are elsewhere): stored when some document
 * in the library names them, so a document applied before its picture shows it once the picture comes, and a picture
 * of a document deleted here is not brought back.
 */
export async function receiveArrivedPictures(
  storage: LibraryStorage,
  replica: Replica,
  replicaIds: readonly string[],
): Promise<string[]> {
  const candidates: string[] = [];
  for (const key of replicaIds) {
    const parsed = parseReplicaId(key);
    if (parsed.kind === 'img' && !(await storage.images.has(parsed.recordId))) candidates.push(parsed.recordId);
  }
  if (candidates.length === 0) return [];
  const named = await storage.images.named(candidates);
  const leads = new Set(
    [...storage.documents.list(), ...storage.documents.trashed()].flatMap((m) => (m.leadImage ? [m.leadImage] : [])),
  );
  return receivePictures(
    storage,
    replica,
    candidates.filter((id) => named.has(id) || leads.has(id)),
  );
}
