// Verbs that attribute the quotation next to them. Words that are as often nouns (`notes`, `claims`, `states`)
// or plain verbs (`continued`, `suggested`) are left out: one of them before a quotation would hide the real speaker.
export const speechVerbs = new Set(
  (
    "said says say told tells added adds stated noted warned warns asked asks defended insisted insists assured assures " +
    "explained explains declared declares stressed stresses argued argues replied replies remarked predicted acknowledged " +
    "admitted admits announced wrote writes urged urges cautioned emphasised emphasized maintained complained responded " +
    "conceded concluded answered countered contended testified reiterated affirmed quipped quoted"
  ).split(" "),
);
// A participle hands the quotation to the clause's own verb: `X defended the plan, calling it "…"`.
export const participles = new Set("saying adding calling describing noting warning telling arguing insisting stressing explaining".split(" "));
