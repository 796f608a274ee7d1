// Demo page only: switches the signed-in identity between an anonymous visitor and the demo customers by fetching
// development tokens from GET /v1/demo/tokens and passing them to the widget with HarborChat.setToken.
(function () {
  var KEY = "harbor-demo-identity";
  var NAMES = { anonymous: "Welcome", demo1: "Welcome back, Alex", demo2: "欢迎回来，李伟" };
  var status = document.getElementById("identity-status");
  var greeting = document.getElementById("greeting");
  var login = document.getElementById("login-link");
  var tokens = null;
  var choice = "anonymous";
  try { choice = sessionStorage.getItem(KEY) || "anonymous"; } catch { choice = "anonymous"; }

  function widget(fn) {
    if (window.HarborChat && typeof window.HarborChat.setToken === "function") fn(window.HarborChat);
    else window.addEventListener("harborchat:ready", function () { fn(window.HarborChat); }, { once: true });
  }

  function apply(id, initial) {
    choice = id;
    try { sessionStorage.setItem(KEY, id); } catch { /* private mode */ }
    var token = id === "anonymous" || !tokens ? null : tokens[id] || null;
    greeting.textContent = id === "anonymous" ? "Personal banking" : NAMES[id];
    login.textContent = id === "anonymous" ? "Log in" : "Log out";
    status.textContent = id === "anonymous" ? "Browsing anonymously" : "Signed in as " + id;
    widget(function (api) {
      api.setToken(token);
      if (!initial) api.setLocale(id === "demo2" ? "zh-CN" : "en");
    });
  }

  var radios = document.querySelectorAll("input[name=identity]");
  radios.forEach(function (r) {
    r.checked = r.value === choice;
    r.addEventListener("change", function () { if (r.checked) apply(r.value, false); });
  });

  fetch("/v1/demo/tokens")
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (body) {
      tokens = body;
      if (!tokens) {
        status.textContent = "Demo sign-in is unavailable on this server";
        radios.forEach(function (r) { if (r.value !== "anonymous") r.disabled = true; });
        choice = "anonymous";
      }
      apply(choice, true);
    })
    .catch(function () { apply("anonymous", true); });
})();
