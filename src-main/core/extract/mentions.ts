/** The raw mention records produced per sentence before actors are merged. */
import type { ActorType, Span } from './types';

export interface RawMention extends Span {
  type: ActorType;
  /** The name as written, without title ("Vladimir Putin", "Putin", "Kremlin"). */
  name: string;
  /** The full surface as written, title included ("Russian President Vladimir Putin", "The Kremlin"). */
  surface: string;
  /** Title words before the name ("Russian President"), or null. */
  title: string | null;
  /** Roles found around the mention (titles, appositions). */
  roles: string[];
  /** Country code for country mentions. */
  code?: string;
  /** True when the name is one bare word that may stand for a fuller name ("Putin", "Kim"). */
  partial: boolean;
  /** Guessed from context only ("journalist for News Rebeat"); dropped when a firmer mention overlaps it. */
  weak?: boolean;
  /** Text right after the mention hints at an organisation ("Acme said", "Acme shares"). */
  orgContext?: boolean;
  /** The mention follows "in", "near", "outside" ...: a bare word there is a place ("burial in Abeokuta"). */
  placeContext?: boolean;
}
