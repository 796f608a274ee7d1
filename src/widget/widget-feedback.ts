// Feedback in the widget: thumbs up or down under each bot reply (an optional comment after a thumbs-down) and a
// 1–5 satisfaction (CSAT) card at the end of a chat. It keeps no conversation of its own: the controller passes the
// message (where the rating is kept, so a reload shows it) and the session it belongs to.
import type { ChatClient } from "./chat-client.js";
import { h, icon } from "./create-element.js";
import { THUMB_DOWN_ICON, THUMB_UP_ICON } from "./widget-icons.js";
import { t, type StringKey, type UiLocale } from "./widget-strings.js";
import type { WidgetMessage, WidgetSession } from "./widget-types.js";

/** What the feedback controls need from the controller. */
export interface FeedbackUiDeps {
  client: Pick<ChatClient, "sendFeedback">;
  /** The current conversation, once the first reply has come. */
  session(): WidgetSession | undefined;
  locale(): UiLocale;
  /** Persists the conversation after a rating changed. */
  save(): void;
}

/** Builds the feedback controls. */
export interface FeedbackUi {
  /** Thumbs (and the comment box after a thumbs-down) for a bot reply that has a trace; nothing for other messages. */
  thumbs(m: WidgetMessage): HTMLElement | undefined;
  /** The CSAT card for a conversation; `onDismiss` runs on "Not now", `onSent` once the score is recorded. */
  csat(session: WidgetSession, on: { onDismiss(): void; onSent(): void }): HTMLElement;
  /** Shows the CSAT card in a small pop-over beside `launcher` (after the panel closed); it goes a while after sending. */
  csatPopover(session: WidgetSession, launcher: HTMLElement): void;
  /** Removes the pop-over, if shown. */
  dropCsatPopover(): void;
}

const CSAT_LABELS: StringKey[] = ["csat1", "csat2", "csat3", "csat4", "csat5"];
const MAX_COMMENT = 1000;

/** Creates the feedback controls over the chat client. */
export function createFeedbackUi(deps: FeedbackUiDeps): FeedbackUi {
  let seq = 0;
  const nextId = (prefix: string): string => `hc-${prefix}-${++seq}`;
  const failure = (locale: UiLocale): HTMLElement =>
    h("p", { className: "fbnote err", role: "alert", text: t(locale, "feedbackFailed") });

  function commentBox(locale: UiLocale, label: StringKey): { wrap: HTMLElement; input: HTMLTextAreaElement } {
    const id = nextId("fbc");
    const input = h("textarea", { className: "fbinput", id, rows: 2, maxlength: MAX_COMMENT });
    return { wrap: h("div", { className: "fbfield" }, h("label", { for: id, text: t(locale, label) }), input), input };
  }

  function thumbs(m: WidgetMessage): HTMLElement | undefined {
    if (m.role !== "assistant" || !m.traceId || !deps.session()) return undefined;
    const traceId = m.traceId;
    const locale = deps.locale();
    const box = h("div", { className: "fb" });
    const button = (rating: "up" | "down"): HTMLButtonElement =>
      h(
        "button",
        {
          className: "thumb",
          type: "button",
          "data-rating": rating,
          "aria-label": t(locale, rating === "up" ? "helped" : "notHelped"),
          onclick: () => void rate(rating),
        },
        icon(rating === "up" ? THUMB_UP_ICON : THUMB_DOWN_ICON),
      );
    const up = button("up");
    const down = button("down");
    box.append(h("div", { className: "thumbs" }, up, down));
    let form: HTMLElement | undefined;
    let note: HTMLElement | undefined;

    const post = async (rating: "up" | "down", comment?: string): Promise<boolean> => {
      const session = deps.session();
      note?.remove();
      note = undefined;
      const ok = session
        ? await deps.client.sendFeedback({ ...session, traceId, rating, ...(comment ? { comment } : {}) })
        : false;
      if (!ok) box.append((note = failure(locale)));
      return ok;
    };

    const sync = (): void => {
      up.setAttribute("aria-pressed", String(m.rating === "up"));
      down.setAttribute("aria-pressed", String(m.rating === "down"));
      if (m.rating === "down" && !m.commented && !form) {
        const field = commentBox(locale, "feedbackCommentLabel");
        form = h(
          "form",
          { className: "fbform" },
          field.wrap,
          h("button", { className: "btn", type: "submit", text: t(locale, "feedbackSend") }),
        );
        form.addEventListener("submit", (e) => {
          e.preventDefault();
          const comment = field.input.value.trim();
          if (!comment) return;
          void post("down", comment).then((ok) => {
            if (!ok) return;
            m.commented = true;
            deps.save();
            sync();
            down.focus();
          });
        });
        box.append(form);
      } else if ((m.rating !== "down" || m.commented) && form) {
        form.remove();
        form = undefined;
      }
      if (m.commented && !note) box.append((note = h("p", { className: "fbnote", text: t(locale, "feedbackThanks") })));
    };

    async function rate(rating: "up" | "down"): Promise<void> {
      if (m.rating === rating) return;
      const before = { rating: m.rating, commented: m.commented };
      m.rating = rating;
      delete m.commented;
      sync();
      if (rating === "down") form?.querySelector("textarea")?.focus();
      if (await post(rating)) return deps.save();
      if (before.rating) m.rating = before.rating;
      else delete m.rating;
      if (before.commented) m.commented = true;
      sync();
    }

    sync();
    return box;
  }

  function csat(session: WidgetSession, on: { onDismiss(): void; onSent(): void }): HTMLElement {
    const locale = deps.locale();
    const name = nextId("csat");
    const legendId = `${name}-legend`;
    const options = h("div", { className: "rates" });
    CSAT_LABELS.forEach((key, i) =>
      options.append(
        h(
          "label",
          { className: "rate" },
          h("input", { className: "sr", type: "radio", name, value: String(i + 1) }),
          h("span", { className: "n", text: String(i + 1) }),
          " ",
          h("span", { className: "w", text: t(locale, key) }),
        ),
      ),
    );
    const field = commentBox(locale, "csatCommentLabel");
    const later = h("button", { className: "btn ghost", type: "button", text: t(locale, "csatLater") });
    later.addEventListener("click", () => on.onDismiss());
    const form = h(
      "form",
      { className: "csat", "aria-labelledby": legendId },
      h("fieldset", {}, h("legend", { id: legendId, text: t(locale, "csatTitle") }), options),
      field.wrap,
      h(
        "div",
        { className: "row" },
        h("button", { className: "btn", type: "submit", text: t(locale, "csatSend") }),
        later,
      ),
    );
    let note: HTMLElement | undefined;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>("input[type=radio]:checked");
      if (!chosen) return options.querySelector("input")?.focus();
      const comment = field.input.value.trim();
      void deps.client
        .sendFeedback({ ...session, csat: Number(chosen.value), ...(comment ? { comment } : {}) })
        .then((ok) => {
          note?.remove();
          if (!ok) return void form.append((note = failure(locale)));
          const thanks = h("p", {
            className: "fbnote",
            role: "status",
            tabindex: "-1",
            text: t(locale, "feedbackThanks"),
          });
          form.replaceWith(thanks);
          thanks.focus();
          on.onSent();
        });
    });
    return form;
  }

  let popover: HTMLElement | undefined;
  const dropCsatPopover = (): void => {
    popover?.remove();
    popover = undefined;
  };
  function csatPopover(session: WidgetSession, launcher: HTMLElement): void {
    dropCsatPopover();
    const card = csat(session, {
      onDismiss: () => {
        dropCsatPopover();
        launcher.focus();
      },
      onSent: () => {
        const sent = popover;
        setTimeout(() => {
          if (popover === sent) dropCsatPopover();
        }, 4000);
      },
    });
    popover = h("div", { className: "csatpop" }, card);
    launcher.after(popover);
  }

  return { thumbs, csat, csatPopover, dropCsatPopover };
}
