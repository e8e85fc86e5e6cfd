import type { Track } from "./types.js";

/** Races fans call by name rather than by track and number. */
const NAMED_RACES: readonly { readonly pattern: RegExp; readonly label: string }[] = [
  { pattern: /daytona 500/i, label: "Daytona 500" },
  { pattern: /coca-cola 600|world 600/i, label: "Coca-Cola 600" },
  { pattern: /southern 500/i, label: "Southern 500" },
];

const ROMAN = ["", "I", "II", "III", "IV", "V", "VI"];

/**
 * The venue a track's races are numbered under: its own id for a road course ("Daytona II" is the
 * summer oval race even in 2021, when the road course ran in February), the venue for a dirt layout
 * (the same oval: "Bristol II" after the dirt race).
 */
export function numberingVenue(tracks: ReadonlyMap<string, Track>, trackId: string): string {
  const track = tracks.get(trackId);
  return track?.layout === "road" ? trackId : (track?.venue ?? trackId);
}

/** What labelRaces needs of a race. */
export interface LabelInput {
  readonly season: number;
  readonly trackId: string;
  readonly raceName: string;
}

/**
 * Short labels the way fans and the source article write them: "Daytona 500", "Kansas II",
 * "Bristol Dirt". A venue's races are numbered in date order, its dirt layout included (the 2022
 * Bristol night race is "Bristol II" after the dirt race) and road courses left out, and the number
 * is left off when the venue held one race that season. Races must be given in date order.
 */
export function labelRaces(races: readonly LabelInput[], tracks: ReadonlyMap<string, Track>): string[] {
  const venueOf = (trackId: string) => numberingVenue(tracks, trackId);
  const perVenue = new Map<string, number>();
  for (const race of races) {
    const key = `${race.season}|${venueOf(race.trackId)}`;
    perVenue.set(key, (perVenue.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return races.map((race) => {
    const key = `${race.season}|${venueOf(race.trackId)}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    const named = NAMED_RACES.find((n) => n.pattern.test(race.raceName));
    if (named) return named.label;
    const track = tracks.get(race.trackId);
    const short = track?.aliases[0] ?? track?.name ?? race.trackId;
    // A layout (dirt, road course) is its own name; numbering is for a venue's repeat visits.
    if (track?.venue !== undefined) return short;
    return (perVenue.get(key) ?? 1) > 1 ? `${short} ${ROMAN[nth] ?? nth}` : short;
  });
}
