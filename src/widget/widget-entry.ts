// Browser entry of widget.js: reads the embedding <script> tag, mounts the widget in a shadow root and exposes
// `window.HarborChat`. Bundled by build-assets.ts; this file runs only in the browser.
import { createChatClient } from "./chat-client.js";
import { createWidgetController, type HarborChatApi } from "./widget-controller.js";
import { toUiLocale } from "./widget-strings.js";
import { mountWidgetView } from "./widget-view.js";

/** What a page may set on `window.HarborChat` before the script loads. */
interface HarborChatPreload {
  token?: string;
}

declare global {
  interface Window {
    HarborChat?: HarborChatApi | HarborChatPreload;
  }
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>("script[data-harbor-chat],script[src*='widget.js']");
}

function start(script: HTMLScriptElement | null): void {
  if (document.querySelector("harbor-chat-widget")) return;
  const data = script?.dataset ?? {};
  const apiBase = data.api ?? "";
  const preload = (window.HarborChat ?? {}) as HarborChatPreload;
  const host = document.createElement("harbor-chat-widget");
  document.body.append(host);
  const view = mountWidgetView(host, data.theme);
  const tokenRef: { current?: string } = {};
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const api = createWidgetController({
    view,
    client: createChatClient(apiBase, () => tokenRef.current),
    storage,
    locale: toUiLocale(data.lang ?? document.documentElement.lang),
    kbBase: apiBase.replace(/\/+$/, ""),
    tokenRef,
    ...(data.token || preload.token ? { token: data.token || preload.token } : {}),
  });
  window.HarborChat = api;
  window.dispatchEvent(new CustomEvent("harborchat:ready", { detail: api }));
}

const script = findScript();
if (document.body) start(script);
else document.addEventListener("DOMContentLoaded", () => start(script), { once: true });
