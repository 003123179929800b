/**
 * Where each seat's token sits on the globe: its launch site, or for a state without one its
 * capital; companies fly from their home state's site. Keyed by the scenario's flag codes.
 */
import type { RoleSpec } from "../../../shared/scenario/schema.ts";

export interface Site {
  name: string;
  lon: number;
  lat: number;
}

const BY_FLAG: Record<string, Site> = {
  us: { name: "Cape Canaveral", lon: -80.6, lat: 28.5 },
  ru: { name: "Baikonur", lon: 63.3, lat: 45.9 },
  cn: { name: "Jiuquan", lon: 100.3, lat: 41.0 },
  in: { name: "Sriharikota", lon: 80.2, lat: 13.7 },
  ae: { name: "Abu Dhabi", lon: 54.4, lat: 24.5 },
  sa: { name: "Riyadh", lon: 46.7, lat: 24.7 },
  tr: { name: "Ankara", lon: 32.9, lat: 39.9 },
  pl: { name: "Warsaw", lon: 21.0, lat: 52.2 },
  br: { name: "Alcântara", lon: -44.4, lat: -2.4 },
};

const FALLBACK: Site = { name: "Cape Canaveral", lon: -80.6, lat: 28.5 };

export function siteOf(spec: RoleSpec | undefined): Site {
  if (!spec) return FALLBACK;
  const flag = spec.flag || spec.homeState || "";
  return Object.hasOwn(BY_FLAG, flag) ? (BY_FLAG[flag] as Site) : FALLBACK;
}
