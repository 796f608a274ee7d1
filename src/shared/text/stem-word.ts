// The one light English stemmer: strips common inflections so "cancelled", "cancelling" and "cancel" (or "charge"
// and "charges") meet, without a dictionary. Search and answer matching use it; the router learns from surface forms.

const NUMBER = /^[0-9.]+$/;
const DOUBLED_CONSONANT = /([bcdfgklmnprstz])\1$/;

/** The stem of one lower-case word; numbers and words of three letters or fewer are returned as they are. */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || NUMBER.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ations")) w = `${w.slice(0, -6)}ate`;
  else if (w.endsWith("ation")) w = `${w.slice(0, -5)}ate`;
  if (w.endsWith("ing") && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith("ly") && w.length >= 6) w = w.slice(0, -2);
  if (DOUBLED_CONSONANT.test(w) && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}
