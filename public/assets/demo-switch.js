// Demo page only: switches the signed-in identity between an anonymous visitor and the demo customers by fetching
// development tokens from GET /v1/demo/tokens and passing them to the widget with HarborChat.setToken. The tokens
// last 15 minutes, so they are fetched again every 10 and handed to the widget (same customer, same conversation).
(function () {
  var KEY = "harbor-demo-identity";
  var NAMES = { anonymous: "Welcome", demo1: "Welcome back, Alex", demo2: "欢迎回来，李伟" };
  var status = document.getElementById("identity-status");
  var greeting = document.getElementById("greeting");
  var login = document.getElementById("login-link");
  var tokens = null;
  var choice = "anonymous";
  try {
    choice = sessionStorage.getItem(KEY) || "anonymous";
  } catch {
    choice = "anonymous";
  }

  function widget(fn) {
    if (window.HarborChat && typeof window.HarborChat.setToken === "function") fn(window.HarborChat);
    else
      window.addEventListener(
        "harborchat:ready",
        function () {
          fn(window.HarborChat);
        },
        { once: true },
      );
  }

  function apply(id, initial) {
    choice = id;
    try {
      sessionStorage.setItem(KEY, id);
    } catch {
      /* private mode */
    }
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
    r.addEventListener("change", function () {
      if (r.checked) apply(r.value, false);
    });
  });

  var REFRESH_MS = 10 * 60 * 1000;

  function fetchTokens() {
    return fetch("/v1/demo/tokens", { cache: "no-store" }).then(function (res) {
      return res.ok ? res.json() : null;
    });
  }

  function refresh() {
    fetchTokens()
      .then(function (body) {
        if (!body) return;
        tokens = body;
        if (choice !== "anonymous" && tokens[choice])
          widget(function (api) {
            api.setToken(tokens[choice]);
          });
      })
      .catch(function () {
        /* keep the current token; the next refresh tries again */
      });
  }

  fetchTokens()
    .then(function (body) {
      tokens = body;
      if (!tokens) {
        status.textContent = "Demo sign-in is unavailable on this server";
        radios.forEach(function (r) {
          if (r.value !== "anonymous") r.disabled = true;
        });
        choice = "anonymous";
      } else {
        window.setInterval(refresh, REFRESH_MS);
      }
      apply(choice, true);
    })
    .catch(function () {
      apply("anonymous", true);
    });
})();
