// How the bench maps our canonical entity names to the Reuters-21578 indexers' codes (reuters-places.txt,
// reuters-people.txt, reuters-orgs.txt). Rules first, then the few names no rule covers.
import { countryOn } from "../src/enrich/entities/country-on.ts";
import { placesByCountry } from "../src/enrich/entities/data/places.ts";

/** Lower-case words joined by hyphens, accents dropped: the shape of every Reuters code. */
export function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// Countries whose code is not the slug of our name. Russia and the Soviet republics are `ussr`, and Germany
// `west-germany`, because the corpus is from 1987.
const placeCodes: Readonly<Record<string, string>> = {
  "United States": "usa",
  "United Kingdom": "uk",
  "Soviet Union": "ussr",
  Russia: "ussr",
  Ukraine: "ussr",
  Belarus: "ussr",
  Latvia: "ussr",
  Lithuania: "ussr",
  Estonia: "ussr",
  Armenia: "ussr",
  Azerbaijan: "ussr",
  Kazakhstan: "ussr",
  Uzbekistan: "ussr",
  Germany: "west-germany",
  "United Arab Emirates": "uae",
  Cambodia: "kampuchea",
  "Trinidad and Tobago": "trinidad-tobago",
  "North Yemen": "yemen-arab-republic",
  Yemen: "yemen-arab-republic",
  "South Yemen": "yemen-demo-republic",
  "Democratic Republic of Congo": "zaire",
};

const cityCountry = new Map<string, string>();
for (const [country, places] of Object.entries(placesByCountry)) for (const spec of places) cityCountry.set(spec.split("|")[0] ?? spec, country);

/** The Reuters place code of a place we found (a city counts as its country, as of the story's date). */
export function placeCode(name: string, date: string, codes: ReadonlySet<string>): string | undefined {
  const country = cityCountry.has(name) ? countryOn(cityCountry.get(name) ?? name, date) : name;
  const code = placeCodes[country] ?? slug(country);
  return codes.has(code) ? code : undefined;
}

// Names whose code is not the slug of the full name or of its last words.
const peopleCodes: Readonly<Record<string, string>> = {
  Fahd: "king-fahd",
  "King Fahd": "king-fahd",
  Khamenei: "khameini",
};

/** The Reuters person code: the slug of the whole name, else of its last words ("Paul Volcker" → `volcker`, "Javier Perez de Cuellar" → `perez-de-cuellar`). */
export function personCode(name: string, codes: ReadonlySet<string>): string | undefined {
  const known = peopleCodes[name];
  if (known !== undefined) return known;
  const words = slug(name).split("-");
  for (let first = 0; first < words.length; first++) {
    const code = words.slice(first).join("-");
    if (codes.has(code)) return code;
  }
  return undefined;
}

/** The Reuters organisation code of our canonical organisation names. */
export const organisationCodes: Readonly<Record<string, string>> = {
  "European Community": "ec",
  "European Union": "ec",
  "European Commission": "ec",
  "European Parliament": "ec",
  "European Court of Justice": "ec",
  "International Monetary Fund": "imf",
  OPEC: "opec",
  OAPEC: "oapec",
  "World Bank": "worldbank",
  GATT: "gatt",
  OECD: "oecd",
  "International Coffee Organization": "ico-coffee",
  "International Cocoa Organization": "icco",
  "Asian Development Bank": "adb-asia",
  "African Development Bank": "adb-africa",
  "International Tin Council": "itc",
  "United Nations": "un",
  "Security Council": "un",
  "General Assembly": "un",
  UNCTAD: "unctad",
  "Food and Agriculture Organization": "fao",
  "International Natural Rubber Organization": "inro",
  "European Investment Bank": "eib",
  "International Energy Agency": "iea",
  "International Development Association": "ida",
  "Association of Tin Producing Countries": "atpc",
  "Gulf Cooperation Council": "gcc",
  "International Sugar Agreement": "isa",
  "International Sugar Organization": "isa",
  "Bank for International Settlements": "bis",
  "International Wheat Council": "iwc-wheat",
  "International Whaling Commission": "iwc-whale",
  ASEAN: "asean",
  "Economic and Social Commission for Asia and the Pacific": "escap",
  "Economic Commission for Africa": "eca",
  "Economic Commission for Europe": "ece",
  "Economic Commission for Latin America": "ecla",
  "Economic and Social Commission for Western Asia": "ecwa",
  "International Maritime Organization": "imco",
  Euratom: "euratom",
  "International Wrought Copper Council": "iwcc",
  Comecon: "comecon",
  "European Free Trade Association": "efta",
  "European Coal and Steel Community": "ecsc",
  "European Monetary Cooperation Fund": "emcf",
  "Agency for International Development": "aid",
  "Association of Natural Rubber Producing Countries": "anrpc",
  "Intergovernmental Council of Copper Exporting Countries": "cipec",
  "Group of Latin American and Caribbean Sugar Exporting Countries": "geplacea",
  "International Atomic Energy Agency": "iaea",
  "International Air Transport Association": "iata",
  "International Iron and Steel Institute": "iisi",
  "International Labour Organisation": "ilo",
  "International Lead and Zinc Study Group": "ilzsg",
  "International Rubber Study Group": "irsg",
  "International Wool Secretariat": "iws",
  "International Wool Textile Organisation": "iwto",
  "Latin American Integration Association": "lafta",
  "Multi-Fibre Arrangement": "mfa",
  "World Health Organization": "who",
  "Association of International Bond Dealers": "aibd",
  "Organisation of the Islamic Conference": "ico-islam",
};
