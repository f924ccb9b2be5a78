// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // The server's clock, not the browser's: the waits count from the time the server wrote on
  // the page (the demo's clock runs from a school morning; a laptop's clock may be off), so a
  // reply that came a minute ago never reads "8 hr" once the clocks tick.
  var skew = 0;
  function setServerNow(iso) {
    var at = Date.parse(iso || "");
    if (!isNaN(at)) { skew = at - Date.now(); }
  }

  function minutesSince(iso) {
    return Math.max(0, Math.floor((Date.now() + skew - Date.parse(iso)) / 60000));
  }

  // How long it has waited in the page's language, as the server writes it
  // (bot/console/languages.format_minutes): minutes under an hour, hours under two days, then
  // days; CLDR's short units, Latin digits.
  var lang = document.documentElement.lang || "en";
  function unit(name) {
    try {
      return new Intl.NumberFormat(lang + "-u-nu-latn", { style: "unit", unit: name, unitDisplay: "short" });
    } catch (e) {
      return { format: function (n) { return n + " " + name; } };
    }
  }
  var units = { minute: unit("minute"), hour: unit("hour"), day: unit("day") };

  function waited(minutes) {
    if (minutes < 60) return units.minute.format(minutes);
    if (minutes < 48 * 60) return units.hour.format(Math.floor(minutes / 60));
    return units.day.format(Math.floor(minutes / (24 * 60)));
  }

  function tickClocks() {
    document.querySelectorAll(".clock[data-since]").forEach(function (el) {
      el.textContent = waited(minutesSince(el.dataset.since));
    });
  }

  function typing() {
    // Never reload under someone's half-written reply.
    var el = document.activeElement;
    return el && el.tagName === "TEXTAREA" && el.value.length > 0;
  }

  function poll(url, every, apply) {
    function once() {
      fetch(url(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          if (r.status === 401) { window.location.reload(); return null; }
          return r.ok ? r.json() : null;
        })
        .then(function (data) { if (data && !typing()) { apply(data); } })
        .catch(function () { /* offline for a moment: the next poll tries again */ })
        .finally(function () { window.setTimeout(once, every); });
    }
    window.setTimeout(once, every);
  }

  function liveInbox(table) {
    var rows = document.getElementById("inbox-rows");
    var count = document.getElementById("inbox-count");
    var known = new Set(Array.from(rows.querySelectorAll("tr[data-escalation]"))
      .map(function (tr) { return tr.dataset.escalation; }));
    var shown = null;  // the rows as last received
    poll(function () { return table.dataset.live + window.location.search; }, 3000,
      function (data) {
        setServerNow(data.now);
        count.textContent = data.count;
        if (data.urgent > 0) { document.title = "(" + data.urgent + ") " + document.title.replace(/^\(\d+\) /, ""); }
        // Only when they changed: rows replaced every few seconds move under the pointer, and
        // a click on a slow machine lands on a row that is no longer there.
        if (data.html === shown) { return; }
        shown = data.html;
        rows.innerHTML = data.html;
        rows.querySelectorAll("tr[data-escalation]").forEach(function (tr) {
          if (!known.has(tr.dataset.escalation)) { tr.classList.add("new"); }
          known.add(tr.dataset.escalation);
        });
        tickClocks();
      });
  }

  function liveConversation(box) {
    var holder = document.getElementById("holder");
    var thread = document.getElementById("thread");
    var seen = thread ? thread.querySelectorAll("li.msg").length : 0;
    poll(function () { return box.dataset.live; }, 4000, function (data) {
      var mode = document.getElementById("mode");
      if (mode && mode.dataset.mode !== data.mode) { window.location.reload(); return; }
      if (holder && data.holder && holder.textContent.indexOf(data.holder) < 0) { window.location.reload(); return; }
      if (thread && data.thread && data.thread.length !== seen) { window.location.reload(); return; }
      // Delivery states move on their own (queued, sent, delivered, failed): update in place.
      if (thread && data.thread) {
        thread.querySelectorAll("li.msg").forEach(function (li, i) {
          var state = li.querySelector("em.state");
          var html = data.thread[i] && data.thread[i].delivery_html;
          if (state && html && state.innerHTML !== html) { state.innerHTML = html; }
        });
      }
    });
  }

  function livePhone(box) {
    var thread = document.getElementById("thread");
    var channel = thread.dataset.channel;
    var seen = thread.querySelectorAll("li.msg").length;
    poll(function () { return box.dataset.phone; }, 2000, function (data) {
      var shown = data[channel] || [];
      if (shown.length !== seen) { window.location.reload(); }
    });
  }

  // Exactly once: a form is sent once, however often it is clicked. The server holds the line
  // too (each form's idempotency key); this stops the second request being made at all.
  function submitOnce(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") { return; }
    // A download leaves the page where it is, so its button must stay usable; sending the
    // same form again gives the same file (the server keeps its key), so nothing is skipped.
    if (form.hasAttribute("data-download")) { return; }
    if (form.dataset.submitting) { event.preventDefault(); return; }
    form.dataset.submitting = "1";
    // After this turn, so the clicked button's own name=value is still sent.
    window.setTimeout(function () {
      form.querySelectorAll("button, input[type=submit]").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
      });
    }, 0);
  }

  function reenableForms(event) {
    // Back to a page kept in the browser's cache: its forms may be used again (a new key
    // comes with a reload; the same key again would only repeat what was done).
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
      form.querySelectorAll("button, input[type=submit]").forEach(function (button) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
      });
    });
  }

  // A form with data-confirm asks first, in a modal dialog: focus moves into it (to Cancel, the
  // safe choice), Tab and Shift+Tab stay inside it, and Escape or Cancel close it and give focus
  // back to the button that opened it. Yes sends the form as it would have gone.
  function confirmFirst(event) {
    var form = event.target;
    var dialog = document.getElementById("confirm");
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || form.dataset.confirmed ||
        !dialog || typeof dialog.showModal !== "function") { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var opener = event.submitter || document.activeElement;
    var yes = dialog.querySelector(".confirm-yes");
    var no = dialog.querySelector(".confirm-no");
    dialog.querySelector("#confirm-text").textContent = form.dataset.confirm;
    function close(go) {
      yes.onclick = no.onclick = dialog.oncancel = dialog.onkeydown = null;
      dialog.close();
      if (go) {
        form.dataset.confirmed = "1";
        form.requestSubmit(opener && opener.form === form ? opener : undefined);
      } else if (opener && typeof opener.focus === "function") {
        opener.focus();
      }
    }
    yes.onclick = function () { close(true); };
    no.onclick = function () { close(false); };
    dialog.oncancel = function (e) { e.preventDefault(); close(false); };
    dialog.onkeydown = function (e) {
      if (e.key !== "Tab") { return; }
      var inside = [yes, no];
      var at = inside.indexOf(document.activeElement);
      e.preventDefault();
      inside[(at + (e.shiftKey ? inside.length - 1 : 1)) % inside.length].focus();
    };
    dialog.showModal();
    no.focus();
  }

  // A table wider than a phone scrolls inside its own box (console.css): one Tab reaches it so
  // the arrow keys scroll it (axe-core's scrollable-region-focusable). A table that fits again
  // (the phone turned sideways) is no tab stop.
  function reachableScrollers() {
    document.querySelectorAll("main table").forEach(function (t) {
      var scrolls = t.scrollWidth > t.clientWidth + 1 && getComputedStyle(t).overflowX !== "visible";
      if (scrolls && !t.hasAttribute("tabindex")) {
        t.setAttribute("tabindex", "0");
        t.dataset.scrolls = "1";
      } else if (!scrolls && t.dataset.scrolls) {
        t.removeAttribute("tabindex");
        delete t.dataset.scrolls;
      }
    });
  }

  document.addEventListener("submit", confirmFirst);
  document.addEventListener("submit", submitOnce);
  window.addEventListener("pageshow", reenableForms);

  document.addEventListener("DOMContentLoaded", function () {
    var inbox = document.querySelector("table.inbox[data-now]");
    if (inbox) { setServerNow(inbox.dataset.now); }
    tickClocks();
    window.setInterval(tickClocks, 15000);
    reachableScrollers();
    window.addEventListener("resize", reachableScrollers);
    var table = document.querySelector("table.inbox[data-live]");
    if (table) { liveInbox(table); }
    var box = document.querySelector(".conversation[data-live]");
    if (box) { liveConversation(box); }
    var phone = document.querySelector(".phone[data-phone]");
    if (phone) { livePhone(phone); }
  });
})();
