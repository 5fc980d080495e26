/** Merges raw mentions into actors: one per entity, surface forms as aliases, roles pooled and de-duplicated. */
import type { Actor, ActorType, Span } from './types';
import type { RawMention } from './mentions';
import { resolvePartials } from './resolve-partials';
import { dedupeRoles } from './role-text';

interface Group {
  type: ActorType;
  key: string;
  name: string;
  surfaces: string[];
  roles: string[];
  mentions: Span[];
}

/** Comparison key for names: case, quotes, hyphens and a leading "the" do not matter. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

function slug(type: ActorType, name: string): string {
  return `${type}:${nameKey(name).replace(/[^\p{L}\p{N}]+/gu, '-')}`;
}

function addTo(groups: Map<string, Group>, m: RawMention, key: string, name: string): void {
  let g = groups.get(key);
  if (!g) {
    g = { type: m.type, key, name, surfaces: [], roles: [], mentions: [] };
    groups.set(key, g);
  }
  if (name.split(/\s+/).length > g.name.split(/\s+/).length) g.name = name;
  g.surfaces.push(m.surface, m.name);
  g.roles.push(...m.roles);
  g.mentions.push({ start: m.start, end: m.end });
}

/** Actors in order of first mention; persons' bare surnames resolved to the fitting full name. */
export function mergeActors(mentions: RawMention[]): Actor[] {
  const groups = new Map<string, Group>();
  const resolved = resolvePartials(mentions);
  for (const r of resolved) {
    const key = r.type === 'country' ? `country:${r.mention.code ?? ''}` : `${r.type}:${nameKey(r.canonical)}`;
    addTo(groups, { ...r.mention, type: r.type }, key, r.canonical);
  }
  return [...groups.values()].map(toActor).sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

function toActor(g: Group): Actor {
  const seen = new Set<string>([nameKey(g.name)]);
  const aliases: string[] = [];
  for (const s of g.surfaces) {
    const k = nameKey(s);
    if (!seen.has(k) && s.trim() !== '') {
      seen.add(k);
      aliases.push(s);
    }
  }
  const spans = new Map<string, Span>();
  for (const m of g.mentions) spans.set(`${m.start}:${m.end}`, m);
  const mentions = [...spans.values()].sort((a, b) => a.start - b.start);
  return { id: slug(g.type, g.name), name: g.name, type: g.type, aliases, roles: dedupeRoles(g.roles), mentions };
}
