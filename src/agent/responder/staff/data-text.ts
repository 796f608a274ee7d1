// Free text from bank data (merchant and customer names) as a staff reply shows it: as it is, except the neutral
// marker a screened value carries, which is translated so a Chinese reply stays wholly Chinese.
import type { Locale } from "../../../shared/locale.js";
import { SCREENED_TEXT_MARKER } from "../../guardrails/injection-screen.js";

const MARKER: Record<Locale, string> = { en: SCREENED_TEXT_MARKER, "zh-CN": "[内容已移除]" };

/** A data value for a reply in the given language. */
export function dataText(text: string, locale: Locale): string {
  return text === SCREENED_TEXT_MARKER ? MARKER[locale] : text;
}
