/**
 * Test support: a local HTTP server that answers as AnkiConnect (API version 6, FooSoft/anki-connect's README and
 * plugin/__init__.py) for the actions Lectio uses, keeping decks, note types, notes and media in memory, so a test
 * checks what a real Anki would have received and kept. It follows the add-on where it matters to a client: every
 * answer is `{ result, error }` with HTTP 200, an unknown action or a bad argument is an error in that object, a note
 * needs an existing deck and note type, its fields are matched by name ignoring case (unknown ones dropped) on add and
 * exactly on update, an empty first field or a duplicate (unless allowed) is refused, and a search is Anki's syntax
 * for the terms a client sends (`"field:value"` with `*` and `_`, `note:`, `deck:`, plain words), joined by AND.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeNote {
  noteId: number;
  modelName: string;
  deckName: string;
  fields: Record<string, string>;
  tags: string[];
}

export interface FakeModel {
  name: string;
  fields: string[];
  css: string;
  isCloze: boolean;
  templates: { Name: string; Front: string; Back: string }[];
}

type Params = Record<string, unknown>;

class ActionError extends Error {}

function fail(message: string): never {
  throw new ActionError(message);
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  return value;
}

/** Anki's wildcard match of a whole field: `*` any run, `_` one character, case folded. */
function wildcard(pattern: string): RegExp {
  const body = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '_' ? '.' : char.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'isu');
}

/** The terms of a search: split at spaces outside double quotes, quotes removed. */
function terms(query: string): string[] {
  return [...query.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '').filter(Boolean);
}

export class FakeAnkiConnect {
  readonly decks = new Map<string, number>([['Default', 1]]);
  readonly models = new Map<string, FakeModel>([
    ['Basic', { name: 'Basic', fields: ['Front', 'Back'], css: '', isCloze: false, templates: [] }],
  ]);
  readonly notes = new Map<number, FakeNote>();
  readonly media = new Map<string, Buffer>();
  /** Every action received, in order, with its params. */
  readonly calls: { action: string; params: Params }[] = [];
  #nextId = 1_700_000_000_000;
  #server: Server | null = null;

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null;
    if (!address) throw new Error('the fake AnkiConnect is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Listens on `port` of 127.0.0.1 (a free one by default); returns its address. */
  async start(port = 0): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#answer(request).then((body) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Kept-alive connections would hold close() open for seconds; Anki quitting drops them at once.
    server.closeAllConnections();
    await closed;
  }

  async #answer(request: IncomingMessage): Promise<{ result: unknown; error: string | null }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        action?: unknown;
        version?: unknown;
        params?: Params;
      };
      const action = text(body.action, 'action');
      const params = body.params ?? {};
      this.calls.push({ action, params });
      if (body.version !== 6) fail('unsupported version: this fake speaks version 6 only');
      return { result: this.#run(action, params), error: null };
    } catch (error) {
      return { result: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #run(action: string, params: Params): unknown {
    switch (action) {
      case 'version':
        return 6;
      case 'deckNames':
        return [...this.decks.keys()];
      case 'createDeck': {
        const deck = text(params.deck, 'deck');
        if (!this.decks.has(deck)) this.decks.set(deck, this.#nextId++);
        return this.decks.get(deck);
      }
      case 'modelNames':
        return [...this.models.keys()];
      case 'createModel':
        return this.#createModel(params);
      case 'findNotes':
        return this.#find(text(params.query, 'query'));
      case 'notesInfo':
        return (params.notes as number[]).map((id) => {
          const note = this.notes.get(id);
          if (!note) return {};
          const model = this.models.get(note.modelName) as FakeModel;
          return {
            noteId: note.noteId,
            modelName: note.modelName,
            tags: note.tags,
            fields: Object.fromEntries(
              model.fields.map((name, order) => [name, { value: note.fields[name] ?? '', order }]),
            ),
            cards: [],
          };
        });
      case 'addNotes':
        return (params.notes as Params[]).map((note) => {
          try {
            return this.#add(note);
          } catch (error) {
            if (error instanceof ActionError) return null;
            throw error;
          }
        });
      case 'updateNoteFields': {
        const change = params.note as { id: number; fields: Record<string, string> };
        const note = this.notes.get(change.id) ?? fail(`note was not found: ${change.id}`);
        for (const [name, value] of Object.entries(change.fields)) if (name in note.fields) note.fields[name] = value;
        return null;
      }
      case 'storeMediaFile': {
        const filename = text(params.filename, 'filename');
        this.media.set(filename, Buffer.from(text(params.data, 'data'), 'base64'));
        return filename;
      }
      default:
        return fail('unsupported action');
    }
  }

  #createModel(params: Params): unknown {
    const name = text(params.modelName, 'modelName');
    if (this.models.has(name)) fail('Model name already exists');
    const fields = params.inOrderFields as string[] | undefined;
    const templates = params.cardTemplates as FakeModel['templates'] | undefined;
    if (!fields?.length) fail('Must provide at least one field for inOrderFields');
    if (!templates?.length) fail('Must provide at least one card for cardTemplates');
    const isCloze = params.isCloze === true;
    this.models.set(name, { name, fields, css: typeof params.css === 'string' ? params.css : '', isCloze, templates });
    return { id: this.#nextId++, name, flds: fields.map((field, ord) => ({ name: field, ord })) };
  }

  #add(params: Params): number {
    const modelName = text(params.modelName, 'modelName');
    const deckName = text(params.deckName, 'deckName');
    const model = this.models.get(modelName) ?? fail(`model was not found: ${modelName}`);
    if (!this.decks.has(deckName)) fail(`deck was not found: ${deckName}`);
    const fields = Object.fromEntries(model.fields.map((name) => [name, '']));
    for (const [name, value] of Object.entries((params.fields as Record<string, string>) ?? {})) {
      const own = model.fields.find((field) => field.toLowerCase() === name.toLowerCase());
      if (own) fields[own] = value;
    }
    const first = fields[model.fields[0] as string] ?? '';
    if (!first.trim()) fail('cannot create note because it is empty');
    const options = (params.options as { allowDuplicate?: boolean } | undefined) ?? {};
    const duplicate = [...this.notes.values()].some(
      (note) => note.modelName === modelName && note.fields[model.fields[0] as string] === first,
    );
    if (duplicate && !options.allowDuplicate) fail('cannot create note because it is a duplicate');
    const noteId = this.#nextId++;
    this.notes.set(noteId, { noteId, modelName, deckName, fields, tags: (params.tags as string[]) ?? [] });
    return noteId;
  }

  #find(query: string): number[] {
    const tests = terms(query).map((term) => {
      const colon = term.indexOf(':');
      const key = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
      const value = colon > 0 ? term.slice(colon + 1) : term;
      if (key === 'note') return (note: FakeNote) => wildcard(value).test(note.modelName);
      if (key === 'deck') return (note: FakeNote) => wildcard(value).test(note.deckName);
      if (key)
        return (note: FakeNote) =>
          Object.entries(note.fields).some(
            ([name, field]) => name.toLowerCase() === key && wildcard(value).test(field),
          );
      return (note: FakeNote) =>
        Object.values(note.fields).some((field) => field.toLowerCase().includes(value.toLowerCase()));
    });
    return [...this.notes.values()].filter((note) => tests.every((test) => test(note))).map((note) => note.noteId);
  }
}
