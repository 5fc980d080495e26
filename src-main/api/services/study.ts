/**
 * Studying across articles: which documents a quiz on a collection, on last week's reading or on one actor draws on.
 * Reads the library index, the organisation file and the actor index; never a document's own files.
 */
import { recentReading } from '../../core/library/recent-reading';
import { LectioError } from '../../core/errors';
import type { LectioApi, StudyMethods, StudyPlan } from '../contract';
import { readerZone, type ServiceDeps } from './deps';
import { identityOf, libraryIdentities } from './library-identities';

type Methods = Pick<LectioApi, keyof StudyMethods>;

export function studyMethods(deps: ServiceDeps): Methods {
  const { storage, now } = deps;
  const identities = libraryIdentities(deps);

  /** Documents in the library (archived ones too: a finished article is still studied), in library order. */
  function documentIds(): string[] {
    return storage.documents.list().map((d) => d.id);
  }

  return {
    async planStudy({ scope }): Promise<StudyPlan> {
      if (scope.kind === 'collection') {
        const collection = storage.organisation.collection(scope.collectionId);
        const orgs = storage.organisation.documents();
        return {
          label: `Collection “${collection.name}”`,
          documentIds: documentIds().filter((id) => orgs[id]?.collections.includes(collection.id)),
        };
      }
      if (scope.kind === 'recent') {
        const orgs = storage.organisation.documents();
        const day = {
          zone: deps.options.zone ?? readerZone(),
          rolloverHour: storage.settings.review().dayStartsAt,
        };
        const activity = storage.documents
          .list()
          .map((d) => ({ id: d.id, addedAt: d.addedAt, readAt: orgs[d.id]?.position?.at ?? null }));
        const { ids, since } = recentReading(activity, now(), day);
        return { label: 'Last week’s reading', documentIds: ids, since };
      }
      const ids = await identities();
      const identity = 'key' in scope ? ids.byKey.get(scope.key) : identityOf(ids, scope.documentId, scope.actorId);
      if (!identity)
        throw new LectioError(
          'not-found',
          'That actor is not in the analysed documents (open the article once to analyse it).',
        );
      const holding = new Set(identity.members.map((m) => m.docId));
      return {
        label: identity.name,
        documentIds: documentIds().filter((id) => holding.has(id)),
        actor: { key: identity.key, name: identity.name },
      };
    },
  };
}
