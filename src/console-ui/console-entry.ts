// Browser entry of console.js: staff sign-in, the section tabs, polling, and the assistant side panel.
import { h } from "../widget/create-element.js";
import { createConsoleApi } from "./console-api.js";
import { createConversationsView, type ConsoleView } from "./conversations-view.js";
import { createCreditView } from "./credit-view.js";
import { createAnalyticsView } from "./analytics-view.js";
import { createFraudReviewView } from "./fraud-review-view.js";
import { createHandoffQueueView } from "./handoff-queue-view.js";
import { createInsightsView } from "./insights-view.js";
import { createStaffAssistant } from "./staff-assistant.js";

const TOKEN_KEY = "harbor-console-token";
const POLL_MS = 3000;

function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The staff id a token names, if it looks usable: not expired, and not marked as another role. Only a hint for the
 * sign-in form; the server alone decides (with the staff key and audience) whether the token is a staff token.
 */
function staffIdOf(token: string): string | undefined {
  try {
    const claims: unknown = JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")));
    if (typeof claims !== "object" || claims === null || !("sub" in claims) || !("exp" in claims)) return undefined;
    const { sub, exp } = claims;
    const role = "role" in claims ? claims.role : undefined;
    if (typeof sub !== "string" || (role !== undefined && role !== "staff")) return undefined;
    return typeof exp === "number" && exp * 1000 > Date.now() ? sub : undefined;
  } catch {
    return undefined;
  }
}

function start(app: HTMLElement): void {
  let token = readToken();
  const api = createConsoleApi("", () => token);
  const toastEl = h("div", { className: "toast", role: "status", "aria-live": "polite" });
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const toast = (text: string) => {
    toastEl.textContent = text;
    toastEl.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toastEl.classList.remove("show"), 4000);
  };
  const userSlot = h("div", { className: "signed-in" });
  document.querySelector(".topbar")?.append(userSlot);
  document.body.append(toastEl);

  function signIn() {
    const field = h("textarea", {
      id: "token",
      className: "field mono",
      rows: 4,
      required: true,
      spellcheck: "false",
      placeholder: "eyJhbGciOi…",
    });
    const error = h("p", { className: "notice error", role: "alert", hidden: true });
    const demo = h("button", { className: "btn", type: "button", text: "Use demo staff token", hidden: true });
    const form = h(
      "form",
      { className: "signin card" },
      h("h1", { text: "Staff sign-in" }),
      h("p", {
        className: "muted",
        text: "Paste your staff access token. Tokens are issued by the bank's staff sign-in service (on a demo server: npm run token -- --staff <id> --demo).",
      }),
      h("label", { for: "token", text: "Staff access token" }),
      field,
      error,
      h(
        "div",
        { className: "actions" },
        h("button", { className: "btn primary", type: "submit", text: "Sign in" }),
        demo,
      ),
    );
    const accept = (value: string) => {
      const staff = staffIdOf(value);
      if (!staff) {
        error.hidden = false;
        error.textContent = "That is not a staff token.";
        field.focus();
        return;
      }
      token = value;
      try {
        sessionStorage.setItem(TOKEN_KEY, value);
      } catch {
        // Sign-in lasts for this page view only.
      }
      main();
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      accept(field.value.trim());
    });
    fetch("/v1/demo/tokens")
      .then((r) => (r.ok ? (r.json() as Promise<{ staff?: string }>) : undefined))
      .then((body) => {
        if (!body?.staff) return;
        demo.hidden = false;
        demo.addEventListener("click", () => accept(body.staff!));
      })
      .catch(() => undefined);
    userSlot.replaceChildren();
    app.replaceChildren(form);
    field.focus();
  }

  function main() {
    const conversations = createConversationsView(api, toast);
    const sections: { id: string; label: string; view: ConsoleView }[] = [];
    let active = "conversations";
    const show = (id: string) => {
      active = id;
      for (const s of sections) {
        s.view.el.hidden = s.id !== id;
        tabs.querySelector(`[data-tab=${s.id}]`)?.setAttribute("aria-current", String(s.id === id));
      }
      void sections.find((s) => s.id === id)?.view.refresh();
    };
    sections.push(
      { id: "conversations", label: "Conversations", view: conversations },
      {
        id: "queue",
        label: "Handoff queue",
        view: createHandoffQueueView(
          api,
          (id, options) => {
            show("conversations");
            conversations.select(id, options);
          },
          toast,
        ),
      },
      { id: "fraud", label: "Fraud review", view: createFraudReviewView(api, toast) },
      { id: "credit", label: "Credit", view: createCreditView(api) },
      { id: "analytics", label: "Analytics", view: createAnalyticsView(api, toast) },
      { id: "insights", label: "Insights", view: createInsightsView(api, toast) },
    );
    const tabs = h(
      "nav",
      { className: "tabs", "aria-label": "Console sections" },
      ...sections.map((s) =>
        h("button", { type: "button", "data-tab": s.id, text: s.label, onclick: () => show(s.id) }),
      ),
    );
    const content = h("main", { className: "content", id: "content" }, ...sections.map((s) => s.view.el));
    app.replaceChildren(
      h("div", { className: "layout" }, h("div", { className: "primary" }, tabs, content), createStaffAssistant(api)),
    );
    userSlot.replaceChildren(
      h("span", { text: `Signed in as ${staffIdOf(token ?? "") ?? "staff"}` }),
      h("button", {
        className: "btn small",
        type: "button",
        text: "Sign out",
        onclick: () => {
          token = undefined;
          try {
            sessionStorage.removeItem(TOKEN_KEY);
          } catch {
            /* nothing stored */
          }
          clearInterval(timer);
          signIn();
        },
      }),
    );
    show(active);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && active !== "credit")
        void sections.find((s) => s.id === active)?.view.refresh();
    }, POLL_MS);
  }

  if (token && staffIdOf(token)) main();
  else signIn();
}

const app = document.getElementById("app");
if (app) start(app);
