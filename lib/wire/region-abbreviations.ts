// AP and CP datelines name a US state or a Canadian province by its abbreviation ("SPRINGFIELD,
// Ill. (AP) —", "TORONTO, Ont., May 4 (CP) -"); the dateline's place (and the tag made from it)
// should be the state's or province's name, not "Ill.".
const regions: Record<string, string> = {
  "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
  "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
  "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
  "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
  "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
  "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
  "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
  "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
  "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
  // Canada: the provinces and territories as CP and AP abbreviate them.
  "Alta.": "Alberta", "B.C.": "British Columbia", "Man.": "Manitoba", "N.B.": "New Brunswick",
  "N.L.": "Newfoundland and Labrador", "Nfld.": "Newfoundland and Labrador", "N.S.": "Nova Scotia", "Ont.": "Ontario",
  "P.E.I.": "Prince Edward Island", "Que.": "Quebec", "Sask.": "Saskatchewan", "Y.T.": "Yukon",
  "N.W.T.": "Northwest Territories", "Nvt.": "Nunavut", "Nun.": "Nunavut",
};

/** Whether a name is a state's or province's abbreviation as AP and CP write it ("Ill.", "Ont."). */
export const isRegionAbbreviation = (name: string) => Object.hasOwn(regions, name);

/** "Ill." → "Illinois", "Ont." → "Ontario"; anything else comes back unchanged. */
export function expandRegionAbbreviation(name: string): string {
  return regions[name] ?? name;
}
