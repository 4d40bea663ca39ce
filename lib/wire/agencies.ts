// Agencies as they sign their copy, keyed by the lower-cased spelling that reaches us; the value is
// the one name the newsroom files them under ("(REUTERS)" and "Thomson Reuters" are both Reuters).
const canonicalNames = new Map<string, string>([
  ["ani", "ANI"],
  ["asian news international", "ANI"],
  ["pti", "PTI"],
  ["press trust of india", "PTI"],
  ["ians", "IANS"],
  ["indo-asian news service", "IANS"],
  ["uni", "UNI"],
  ["united news of india", "UNI"],
  ["reuters", "Reuters"],
  // Reuters signed its teletype copy "Reuter" (and "REUTER") into the 1990s.
  ["reuter", "Reuters"],
  ["thomson reuters", "Reuters"],
  ["ap", "AP"],
  ["associated press", "AP"],
  ["the associated press", "AP"],
  ["afp", "AFP"],
  ["agence france-presse", "AFP"],
  ["agence france presse", "AFP"],
  ["dpa", "dpa"],
  ["deutsche presse-agentur", "dpa"],
  ["xinhua", "Xinhua"],
  ["bloomberg", "Bloomberg"],
  ["efe", "EFE"],
  ["ansa", "ANSA"],
  ["kyodo", "Kyodo"],
  ["yonhap", "Yonhap"],
  ["tass", "TASS"],
  ["interfax", "Interfax"],
  ["ria novosti", "RIA Novosti"],
  ["anadolu", "Anadolu"],
  ["anadolu agency", "Anadolu"],
  ["bernama", "Bernama"],
  ["antara", "Antara"],
  ["app", "APP"],
  ["bss", "BSS"],
  ["upi", "UPI"],
  ["aap", "AAP"],
  ["pa", "PA"],
  ["pa media", "PA"],
  ["cp", "CP"],
  ["the canadian press", "CP"],
  ["wam", "WAM"],
  ["kuna", "KUNA"],
  ["irna", "IRNA"],
  ["rss", "RSS"],
]);

const SPACES = /\s+/g;

/** The canonical name of a known agency ("REUTERS" → "Reuters"), or null for anything else. */
export function canonicalAgency(name: string): string | null {
  return canonicalNames.get(name.trim().replace(SPACES, " ").toLowerCase()) ?? null;
}

/**
 * Agencies that sign off with their bare name ("… the first week of June. PTI ABC XYZ", "--IANS").
 * Only upper-case short names: a bare "Reuters" at the end of a sentence is more likely prose.
 */
export const signOffAgencies = ["ANI", "PTI", "IANS", "UNI", "AFP", "AP", "EFE", "APP", "BSS", "UPI", "AAP", "WAM", "KUNA", "IRNA", "RSS", "TASS", "ANSA"];
