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

const HAN = /[\u3400-\u9fff]/g;

/** Guesses the locale of a message: Chinese when Han characters make up a real share of the letters. */
export function detectLocale(text: string): Locale {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han * 3 >= latin ? "zh-CN" : "en";
}
