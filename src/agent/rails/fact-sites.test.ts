import { describe, expect, it } from "vitest";
import { extractFacts } from "./extract-facts.js";
import { crossedFacts as crossedOf, indexSites, type SiteIndex } from "./fact-sites.js";

const crossedFacts = (sentence: string, sites: SiteIndex): string[] =>
  crossedOf(sentence, extractFacts(sentence), sites);

const EVIDENCE = [
  "An international SWIFT payment costs £15 when you send it online in the Harbor app, or £25 if you ask us to send it in branch or by phone.",
];
const sites = indexSites(EVIDENCE);

describe("crossed facts", () => {
  it("flags two figures swapped between the options they belong to", () => {
    expect(crossedFacts("A SWIFT payment costs £25 online and £15 in branch.", sites)).toEqual([
      "£25 and £15 are swapped",
    ]);
  });

  it("passes the same figures on the right options, or without options", () => {
    expect(crossedFacts("Sending it online costs £15, compared with £25 by phone or in branch.", sites)).toEqual([]);
    expect(crossedFacts("It costs £15 or £25.", sites)).toEqual([]);
  });
});
