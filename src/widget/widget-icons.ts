// Path data for the widget's three icons (Material-style 24×24 glyphs, drawn inline so no request is needed).

/** A speech bubble, for the launcher. */
export const CHAT_ICON =
  "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4.6 3.7A.9.9 0 0 1 2 21V5a2 2 0 0 1 2-2Zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z";
/** A cross, for closing. */
export const CLOSE_ICON =
  "M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4Z";
/** A paper plane, for sending. */
export const SEND_ICON = "M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z";
