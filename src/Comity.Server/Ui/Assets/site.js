// Comity analyst's desk: small enhancements only. Every page works without this script; it never builds HTML from
// data (text goes through textContent), and it is loaded from 'self' under a CSP that forbids inline script.
(function () {
  "use strict";

  function isTyping(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  // Alert queue: j/k move through the rows, Enter opens the current one, x toggles its checkbox.
  var queue = document.getElementById("alert-queue");
  if (queue) {
    var rows = Array.prototype.slice.call(queue.querySelectorAll("tbody tr[data-href]"));
    var current = -1;
    var select = function (i) {
      if (rows.length === 0) { return; }
      if (current >= 0) { rows[current].classList.remove("current"); rows[current].removeAttribute("aria-current"); }
      current = Math.max(0, Math.min(rows.length - 1, i));
      var row = rows[current];
      row.classList.add("current");
      row.setAttribute("aria-current", "true");
      var link = row.querySelector("a");
      if (link) { link.focus(); }
      row.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("keydown", function (e) {
      if (isTyping(e) || e.altKey || e.ctrlKey || e.metaKey) { return; }
      if (e.key === "j") { select(current + 1); e.preventDefault(); }
      else if (e.key === "k") { select(current - 1); e.preventDefault(); }
      else if (e.key === "Enter" && current >= 0 && document.activeElement === document.body) { window.location.href = rows[current].getAttribute("data-href"); }
      else if (e.key === "x" && current >= 0) {
        var box = rows[current].querySelector("input[type=checkbox]");
        if (box) { box.checked = !box.checked; }
      }
    });
    rows.forEach(function (row, i) {
      row.addEventListener("focusin", function () {
        if (current >= 0 && current !== i) { rows[current].classList.remove("current"); rows[current].removeAttribute("aria-current"); }
        current = i;
        row.classList.add("current");
        row.setAttribute("aria-current", "true");
      });
    });
    var all = document.getElementById("select-all");
    if (all) {
      all.addEventListener("change", function () {
        queue.querySelectorAll("input[name=ids]").forEach(function (b) { b.checked = all.checked; });
      });
    }
  }

  // Batch run: poll the progress until the run stops, then reload to show the results.
  var progress = document.getElementById("batch-progress");
  if (progress) {
    var url = progress.getAttribute("data-status-url");
    var bar = progress.querySelector("progress");
    var set = function (id, value) { var el = document.getElementById(id); if (el) { el.textContent = String(value); } };
    var poll = function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { return; }
          bar.value = s.percent;
          bar.textContent = s.percent + " %";
          set("batch-percent", s.percent);
          set("batch-processed", s.processed);
          set("batch-matched", s.matched);
          set("batch-errors", s.errors);
          set("batch-state", s.state);
          if (s.finished) { window.location.reload(); } else { window.setTimeout(poll, 400); }
        })
        .catch(function () { window.setTimeout(poll, 1500); });
    };
    if (progress.getAttribute("data-finished") !== "true") { window.setTimeout(poll, 200); }
  }

  // ICC map: hovering or focusing a state shows its row of the table (the legal basis) in the detail panel.
  var map = document.getElementById("worldmap");
  var detail = document.getElementById("state-detail");
  if (map && detail) {
    var show = function (path) {
      var iso = path.getAttribute("data-iso");
      var row = iso ? document.querySelector("tr[data-iso='" + iso.replace(/[^A-Z]/g, "") + "']") : null;
      var name = path.getAttribute("data-name") || "";
      detail.textContent = "";
      var head = document.createElement("strong");
      head.textContent = name;
      detail.appendChild(head);
      var text = document.createElement("div");
      text.textContent = row ? (row.getAttribute("data-detail") || "") : (path.getAttribute("data-detail") || "");
      detail.appendChild(text);
    };
    map.querySelectorAll("path[data-name]").forEach(function (p) {
      p.addEventListener("mouseenter", function () { show(p); });
      p.addEventListener("focus", function () { show(p); });
    });
  }

  // Timeline slider: moving it changes the date; letting go reloads the map for that date.
  var slider = document.getElementById("date-slider");
  var date = document.getElementById("as-of");
  if (slider && date) {
    var origin = slider.getAttribute("data-origin");
    var toDate = function (days) {
      var d = new Date(origin + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + Number(days));
      return d.toISOString().slice(0, 10);
    };
    slider.addEventListener("input", function () { date.value = toDate(slider.value); set2(slider.value); });
    slider.addEventListener("change", function () { date.value = toDate(slider.value); slider.form.submit(); });
    var set2 = function (v) { var out = document.getElementById("slider-date"); if (out) { out.textContent = toDate(v); } };
  }
})();
