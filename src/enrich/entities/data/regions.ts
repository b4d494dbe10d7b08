// Regions and their adjectives: recognised so that "Latin America" is not read as America, "European" not as a
// name, but not reported (a place is a country, state or city).

export const regions: readonly string[] = [
  "Latin America|Latin American|Latin Americans", "North America|North American", "South America|South American", "Central America|Central American",
  "Middle East|Mideast|Middle Eastern", "Far East|Far Eastern", "Eastern Europe|East Europe|East European|Eastern European", "Western Europe|West European|Western European",
  "Europe|European|Europeans", "Asia|Asian|Asians", "Southeast Asia|South East Asia|South-East Asia|Southeast Asian", "Africa|African|Africans",
  "Sub-Saharan Africa", "Gulf|Persian Gulf|Arabian Gulf|Gulf of Mexico", "Caribbean", "Pacific|Asia-Pacific|Pacific Rim|Pacific Basin", "Atlantic",
  "Scandinavia|Scandinavian", "Baltic", "Mediterranean", "North Sea", "Third World", "West|Western", "Arab|Arabs|Arab world", "Balkans|Balkan",
  "Horn of Africa", "Indian Ocean", "South Pacific", "Antarctica", "Arctic", "Alaska North Slope|North Slope", "Nordic", "Benelux",
];
