// Builds the widget's DOM inside its shadow root and renders single messages; holds no conversation state.
import { h, icon } from "./create-element.js";
import { CHAT_ICON, CLOSE_ICON, SEND_ICON } from "./widget-icons.js";
import { t, type UiLocale } from "./widget-strings.js";
import type { WidgetMessage } from "./widget-types.js";
import { WIDGET_CSS } from "./widget-styles.js";

/** The parts of the widget the controller updates. */
export interface WidgetView {
  root: HTMLElement;
  launcher: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  endButton: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  banner: HTMLElement;
  log: HTMLElement;
  input: HTMLTextAreaElement;
  inputLabel: HTMLLabelElement;
  send: HTMLButtonElement;
  note: HTMLElement;
}

/**
 * Gives the shadow root our stylesheet. A constructed stylesheet is not an inline style, so host pages (and ours) can
 * keep a CSP without style-src 'unsafe-inline'; older browsers get a <style> element instead.
 */
function adoptStyles(shadow: ShadowRoot): HTMLStyleElement | undefined {
  if (
    "adoptedStyleSheets" in shadow &&
    typeof CSSStyleSheet === "function" &&
    "replaceSync" in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
    return undefined;
  }
  const style = h("style");
  style.textContent = WIDGET_CSS;
  return style;
}

/** Mounts the skeleton in a fresh shadow root on `host`. */
export function mountWidgetView(host: HTMLElement, theme: string | undefined): WidgetView {
  const shadow = host.attachShadow({ mode: "open" });
  const style = adoptStyles(shadow);
  const badge = h("span", { className: "badge", hidden: true });
  const launcher = h(
    "button",
    { className: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "hc-panel" },
    icon(CHAT_ICON),
    badge,
  );
  const title = h("h2", { className: "title", id: "hc-title" });
  const subtitle = h("span", { className: "sub" });
  const endButton = h("button", { className: "hbtn", type: "button" });
  const closeButton = h("button", { className: "hbtn", type: "button" }, icon(CLOSE_ICON));
  const banner = h("div", { className: "banner", role: "status", hidden: true });
  const log = h("div", {
    className: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-labelledby": "hc-title",
    tabindex: "0",
  });
  const input = h("textarea", { className: "input", id: "hc-input", rows: 1, maxlength: 2000, autocomplete: "off" });
  const inputLabel = h("label", { className: "sr", for: "hc-input" });
  const send = h("button", { className: "send", type: "submit" }, icon(SEND_ICON));
  const note = h("p", { className: "note" });
  const form = h("form", { className: "compose" }, inputLabel, input, send);
  const panel = h(
    "section",
    {
      className: "panel",
      id: "hc-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "hc-title",
      hidden: true,
    },
    h(
      "header",
      { className: "head" },
      h("span", { className: "logo", "aria-hidden": "true", text: "H" }),
      h("div", { className: "titles" }, title, subtitle),
      endButton,
      closeButton,
    ),
    banner,
    log,
    h("div", { className: "foot" }, form, note),
  );
  const root = h(
    "div",
    { className: "hc", "data-theme": theme === "dark" || theme === "light" ? theme : undefined },
    launcher,
    panel,
  );
  if (style) shadow.append(style);
  shadow.append(root);
  return {
    root,
    launcher,
    badge,
    panel,
    title,
    subtitle,
    endButton,
    closeButton,
    banner,
    log,
    input,
    inputLabel,
    send,
    note,
  };
}

/** Writes the locale's strings into the static parts of the view. */
export function applyStrings(view: WidgetView, locale: UiLocale, open: boolean, unread: boolean): void {
  view.root.lang = locale;
  view.launcher.setAttribute(
    "aria-label",
    open
      ? t(locale, "launcherClose")
      : unread
        ? `${t(locale, "launcherOpen")} (${t(locale, "unread")})`
        : t(locale, "launcherOpen"),
  );
  view.title.textContent = t(locale, "title");
  view.subtitle.textContent = t(locale, "subtitle");
  view.endButton.textContent = t(locale, "endChat");
  view.closeButton.setAttribute("aria-label", t(locale, "close"));
  view.inputLabel.textContent = t(locale, "inputLabel");
  view.input.placeholder = t(locale, "placeholder");
  view.send.setAttribute("aria-label", t(locale, "send"));
  view.note.textContent = t(locale, "disclaimer");
}

/** Renders one message; `onDecide` is called when the customer answers a confirmation card; `extra` adds feedback. */
export function renderMessage(
  m: WidgetMessage,
  locale: UiLocale,
  kbBase: string,
  onDecide: (m: WidgetMessage, decision: "approve" | "reject") => void,
  extra?: (m: WidgetMessage) => HTMLElement | undefined,
): HTMLElement {
  const who =
    m.role === "user"
      ? t(locale, "you")
      : m.role === "staff"
        ? m.author
          ? `${t(locale, "staff")} · ${m.author}`
          : t(locale, "staff")
        : m.role === "system"
          ? t(locale, "system")
          : t(locale, "assistant");
  const el = h("div", { className: `msg ${m.role}`, "data-id": m.id }, h("span", { className: "who", text: who }));
  if (m.text) el.append(h("div", { className: "bubble", text: m.text }));
  if (m.citations && m.citations.length > 0) el.append(renderCitations(m.citations, locale, kbBase));
  if (m.confirmation) el.append(renderConfirmation(m, locale, onDecide));
  const more = extra?.(m);
  if (more) el.append(more);
  return el;
}

/** Renders citation links to the readable source document. */
export function renderCitations(
  citations: NonNullable<WidgetMessage["citations"]>,
  locale: UiLocale,
  kbBase: string,
): HTMLElement {
  const box = h("div", { className: "cites" }, h("span", { text: `${t(locale, "sources")}:` }));
  for (const c of citations) {
    box.append(
      h("a", {
        className: "cite",
        href: `${kbBase}/kb/${encodeURIComponent(c.docId)}`,
        target: "_blank",
        rel: "noopener",
        title: `${c.title} (v${c.version})`,
        text: c.title,
      }),
    );
  }
  return box;
}

function renderConfirmation(
  m: WidgetMessage,
  locale: UiLocale,
  onDecide: (m: WidgetMessage, decision: "approve" | "reject") => void,
): HTMLElement {
  const c = m.confirmation!;
  const headingId = `hc-card-${c.id.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const card = h(
    "div",
    { className: "card", role: "group", "aria-labelledby": headingId },
    h("h3", { id: headingId, text: t(locale, "confirmTitle") }),
    h("p", { text: c.summary }),
  );
  if (c.outcome) {
    card.append(
      h("p", {
        className: "outcome",
        text: c.outcome === "approve" ? `✓ ${t(locale, "approved")}` : t(locale, "cancelled"),
      }),
    );
  } else {
    card.append(
      h(
        "div",
        { className: "row" },
        h("button", {
          className: "btn",
          type: "button",
          "data-decision": "approve",
          text: t(locale, "approve"),
          onclick: () => onDecide(m, "approve"),
        }),
        h("button", {
          className: "btn ghost",
          type: "button",
          "data-decision": "reject",
          text: t(locale, "cancel"),
          onclick: () => onDecide(m, "reject"),
        }),
      ),
    );
  }
  return card;
}

/** The three-dot typing indicator, with a text alternative. */
export function renderTyping(locale: UiLocale): HTMLElement {
  return h("div", { className: "typing", role: "img", "aria-label": t(locale, "typing") }, h("i"), h("i"), h("i"));
}
