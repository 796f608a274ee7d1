// The two customer languages the bank supports, and a detector for messages that arrive without one.
import { z } from "zod";

/** Supported locales: English and Simplified Chinese. */
export const LocaleSchema = z.enum(["en", "zh-CN"]);
/** A supported locale. */
export type Locale = z.infer<typeof LocaleSchema>;

/** A text in both languages, used for reasons, labels and templated replies. */
export const BilingualTextSchema = z.object({ en: z.string(), "zh-CN": z.string() });
/** A text in both languages. */
export type BilingualText = z.infer<typeof BilingualTextSchema>;

// Enough of a message to tell its language; counting stops there, so a huge message costs no more.
const SAMPLE_CHARS = 4000;

/** Guesses the locale of a message: Chinese when Han characters make up a real share of the letters. */
export function detectLocale(text: string): Locale {
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return han > 0 && han * 3 >= latin ? "zh-CN" : "en";
}
