// Cairn web UI: small behaviours on server-rendered pages. Actions go to /ui endpoints with the session cookie and
// the X-Cairn-UI header (the server refuses actions without it: a cross-site form cannot send it).
"use strict";
const cairn = (() => {
  const HEADER = { "X-Cairn-UI": "1" };
  const COLORS = ["#2f6fde", "#d92d20", "#12b76a", "#f79009", "#7a5af8", "#0e9384", "#c11574", "#667085"];

  function localTimes(root) {
    root.querySelectorAll("time").forEach(t => {
      const d = new Date(t.textContent.trim());
      if (!isNaN(d)) { t.title = t.textContent.trim(); t.textContent = d.toLocaleString(); }
    });
  }

  /** Shows an RFC 9457 problem (title, detail, each field error with its path) or a success message in a box. */
  function show(box, problem, ok) {
    box.className = "problem-box " + (ok ? "ok" : "bad");
    box.replaceChildren();
    if (ok) { box.textContent = problem; return; }
    const head = document.createElement("div");
    head.innerHTML = "<b></b> <span></span>";
    head.querySelector("b").textContent = problem.title || "Refused";
    const fields = Array.isArray(problem.errors) && problem.errors.length;
    head.querySelector("span").textContent = fields ? "" : problem.detail || ""; // the list says it field by field
    box.append(head);
    if (fields) {
      const list = document.createElement("ul");
      list.id = box.id + "-errors";
      problem.errors.forEach(e => {
        const item = document.createElement("li");
        item.innerHTML = "<code></code> <span></span>";
        item.querySelector("code").textContent = e.field;
        item.querySelector("span").textContent = e.message;
        item.dataset.field = e.field;
        list.append(item);
      });
      box.append(list);
    }
  }

  function problemOf(status, text) {
    try { return JSON.parse(text); } catch (e) { return { title: "HTTP " + status, detail: text.slice(0, 300) }; }
  }

  /** Upload with a progress bar: XMLHttpRequest reports upload progress, fetch does not. */
  function upload(form) {
    const file = form.querySelector("#upload-file").files[0];
    const name = form.querySelector("#upload-name").value.trim();
    const missing = form.querySelector("#upload-missing").value;
    const bar = document.getElementById("upload-progress"), percent = document.getElementById("upload-percent");
    const box = document.getElementById("upload-result");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/ui/datasets/" + encodeURIComponent(name) + "?missing=" + encodeURIComponent(missing));
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.setRequestHeader("X-Cairn-UI", "1");
    bar.hidden = false; bar.value = 0; box.replaceChildren(); box.className = "problem-box";
    form.querySelector("button").disabled = true;
    xhr.upload.onprogress = e => {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); percent.textContent = bar.value + "% sent"; }
    };
    xhr.onload = () => {
      form.querySelector("button").disabled = false;
      if (xhr.status === 200 || xhr.status === 201) {
        const v = JSON.parse(xhr.responseText);
        percent.textContent = "checked: " + v.rows + " rows";
        window.location = "/ui/datasets/" + v.name + "/versions/" + v.version;
      } else {
        percent.textContent = "";
        show(box, problemOf(xhr.status, xhr.responseText), false);
      }
    };
    xhr.onerror = () => { form.querySelector("button").disabled = false; show(box, { title: "Upload failed", detail: "network error" }, false); };
    xhr.send(file);
  }

  /** Builds the YAML spec from the form's fields, so the editor always shows exactly what will be submitted. */
  function specFromForm(form) {
    const v = n => form.elements[n].value.trim();
    const lines = ["name: " + v("name"), "dataset: " + v("dataset"), "target: " + v("target"), "steps:",
      "  clean: { missing: " + v("missing") + ", duplicates: drop }",
      "  split: { test: " + v("test") + ", seed: " + v("seed") + " }",
      "  train: { algorithm: " + v("algorithm") + " }",
      "  evaluate: { metrics: [accuracy, f1_macro] }",
      "  register: { model: " + v("model") + " }"];
    return lines.join("\n") + "\n";
  }

  /** Marks the editor lines that an error's field path names (the last path segment's key). */
  function markLines(editor, errors) {
    const lines = editor.value.split("\n");
    const gutter = document.getElementById("spec-lines");
    const marks = [];
    (errors || []).forEach(e => {
      const key = String(e.field).split(".").pop().replace(/\[\d+\]$/, "");
      const index = lines.findIndex(l => new RegExp("(^|[\\s{,])" + key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\s*:").test(l));
      if (index >= 0) marks.push("line " + (index + 1) + ": " + e.field);
    });
    gutter.textContent = marks.join(" · ");
  }

  function submitSpec(editor) {
    const box = document.getElementById("spec-problems");
    fetch("/ui/pipeline-runs", { method: "POST", headers: { ...HEADER, "Content-Type": "application/yaml" }, body: editor.value })
      .then(async r => {
        const text = await r.text();
        if (r.status === 201) { window.location = "/ui/pipeline-runs/" + JSON.parse(text).id; return; }
        const problem = problemOf(r.status, text);
        show(box, problem, false);
        markLines(editor, problem.errors);
      });
  }

  function lineChart(canvas, title, datasets, xTitle) {
    return new Chart(canvas, {
      type: "line",
      data: { datasets },
      options: { animation: false, maintainAspectRatio: false, parsing: false,
        plugins: { title: { display: true, text: title }, legend: { display: datasets.length > 1 } },
        scales: { x: { type: "linear", title: { display: true, text: xTitle || "step" } } } }
    });
  }

  /** Values as the tables print them: counts without decimals, scores with four. */
  function number(v) { return Number.isInteger(+v) ? String(+v) : (+v).toFixed(4); }

  /** A metric with one point is a score, not a curve: scores in [0, 1] share one bar chart, one bar per run. */
  function isScore(key, points) { return points.length === 1 && !key.includes(".") && points[0][1] >= 0 && points[0][1] <= 1; }

  function barChart(canvas, title, labels, datasets) {
    return new Chart(canvas, { type: "bar", data: { labels, datasets },
      options: { animation: false, maintainAspectRatio: false, plugins: { title: { display: true, text: title },
        legend: { display: datasets.length > 1 } }, scales: { y: { min: 0, max: 1 } } } });
  }

  function chartBox(container, id) {
    const box = document.createElement("div"); box.className = "chart"; if (id) box.id = id;
    const canvas = document.createElement("canvas"); box.append(canvas); container.append(box);
    return canvas;
  }

  /** Curves of one run, drawn as points arrive: a line chart per metric with a history, one bar chart of scores. */
  function curves(container, charts, histories) {
    const scores = Object.keys(histories).sort().filter(k => isScore(k, histories[k]));
    if (scores.length) {
      const values = scores.map(k => histories[k][0][1]);
      if (!charts.__scores) {
        charts.__scores = barChart(chartBox(container, "run-scores"), "scores", scores,
          [{ label: "value", data: values, backgroundColor: COLORS[0] }]);
      } else {
        charts.__scores.data.labels = scores; charts.__scores.data.datasets[0].data = values; charts.__scores.update();
      }
    }
    Object.keys(histories).sort().filter(k => histories[k].length > 1).forEach(key => {
      const points = histories[key].map(p => ({ x: p[0], y: p[1] }));
      if (!charts[key]) {
        charts[key] = lineChart(chartBox(container), key, [{ label: key, data: points, borderColor: COLORS[0], pointRadius: 2 }]);
      } else {
        charts[key].data.datasets[0].data = points; charts[key].update();
      }
    });
  }

  /** A scatter chart drawn once and updated in place; {x, y} points, x numeric or a category. */
  function scatter(charts, key, container, id, title, datasets, xTitle, categories) {
    if (charts[key]) { charts[key].data.datasets = datasets; if (categories) charts[key].data.labels = categories; charts[key].update(); return; }
    charts[key] = new Chart(chartBox(container, id), { type: "scatter", data: { datasets, labels: categories },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: title }, legend: { display: datasets.length > 1 } },
        scales: { x: { type: categories ? "category" : "linear", title: { display: true, text: xTitle } } } } });
  }

  /**
   * The search view: objective by trial number (one colour per halving rung) with the best-so-far line, then the
   * objective against each searched hyperparameter. "Best" follows each trial's score (higher is better), so
   * the page needs not know whether the objective is an error or a score.
   */
  function searchView(container, charts, search) {
    if (!container || !search) return;
    const done = search.trials.filter(t => t.objective !== null && t.objective !== undefined);
    const rungs = [...new Set(done.map(t => t.rung))].sort((a, b) => a - b);
    const colour = i => COLORS[i % COLORS.length];
    const byRung = xOf => rungs.map((rung, i) => ({ label: "rung " + rung, backgroundColor: colour(i), borderColor: colour(i),
      pointRadius: 4, data: done.filter(t => t.rung === rung).map(t => ({ x: xOf(t), y: t.objective })) }));
    let best = null;
    const bestLine = [];
    search.trials.forEach(t => {
      if (t.score !== null && t.score !== undefined && (best === null || t.score > best.score)) best = t;
      if (best) bestLine.push({ x: t.number, y: best.objective });
    });
    const trialSets = byRung(t => t.number).concat([{ type: "line", label: "best so far", data: bestLine,
      borderColor: "#344054", backgroundColor: "#344054", pointRadius: 0, stepped: true }]);
    scatter(charts, "__search_trials", container, "search-trials", search.objective + " by trial", trialSets, "trial");
    search.params.forEach(param => {
      const values = done.map(t => t.params[param]);
      const numeric = values.every(v => typeof v === "number");
      const categories = numeric ? undefined : [...new Set(values.map(String))].sort();
      scatter(charts, "__search_" + param, container, "search-param-" + param, search.objective + " by " + param,
        byRung(t => numeric ? t.params[param] : String(t.params[param])), param, categories);
    });
  }

  function trialRows(search) {
    const body = document.querySelector("#trials tbody");
    if (!body || !search) return;
    body.replaceChildren(...search.trials.map(t => {
      const row = document.createElement("tr");
      const cells = [t.number, t.rung, Object.entries(t.params).map(([k, v]) => k + " " + v).join(" · "), t.state,
        t.objective === null || t.objective === undefined ? "" : number(t.objective), t.worker || "", t.took || ""];
      cells.forEach((text, i) => {
        const cell = document.createElement("td");
        if (i === 3) { const state = document.createElement("span"); state.className = "state " + text; state.textContent = text; cell.append(state); }
        else cell.textContent = text;
        if ([0, 1, 4, 6].includes(i)) cell.className = "num";
        row.append(cell);
      });
      return row;
    }));
  }

  function liveRun(element) {
    const id = element.dataset.liveRun;
    const charts = {};
    const source = new EventSource("/ui/pipeline-runs/" + id + "/events");
    source.addEventListener("run", e => {
      const run = JSON.parse(e.data);
      element.dataset.states = ((element.dataset.states || "") + " " + run.state).trim(); // what this page saw, in order
      const banner = document.getElementById("run-banner");
      banner.className = "banner " + run.state;
      banner.textContent = run.state + (run.reason ? ": " + run.reason : "");
      document.getElementById("run-state").textContent = run.state;
      document.getElementById("run-state").className = "state " + run.state;
      run.steps.forEach(s => {
        const row = document.getElementById("step-" + s.step);
        row.querySelector(".state").textContent = s.state;
        row.querySelector(".state").className = "state " + s.state;
        row.querySelector(".reason").textContent = s.reason || "";
        row.querySelector(".took").textContent = s.took || "";
        row.querySelector(".metrics").textContent = Object.entries(s.metrics || {})
          .map(([k, v]) => k + " " + number(v)).join(" · ");
        row.querySelector(".worker").textContent = s.worker || "";
        const log = document.getElementById("log-" + s.step);
        if (log) {
          log.querySelector("pre").textContent = (s.log || []).join("\n");
          log.querySelector(".log-size").textContent = (s.log || []).length + " lines";
          if (s.state === "FAILED") log.open = true;
        }
      });
      if (run.model) {
        const link = document.getElementById("run-model");
        link.href = "/ui/models/" + run.model.name + "/versions/" + run.model.version;
        link.textContent = run.model.name + " v" + run.model.version;
      }
      curves(document.getElementById("run-curves"), charts, run.curves || {});
      searchView(document.getElementById("search-charts"), charts, run.search);
      trialRows(run.search);
      if (run.finished) { source.close(); element.dataset.finished = "true"; }
    });
    source.onerror = () => { if (element.dataset.finished) source.close(); };
  }

  /** Runs overlaid: one colour per run; curves as lines, single scores as grouped bars. */
  function compareCharts(element) {
    const data = JSON.parse(document.getElementById("compare-data").textContent);
    const keys = Object.keys(data.curves).sort();
    const single = k => data.runs.every(run => !data.curves[k][run] || data.curves[k][run].length <= 1);
    const scores = keys.filter(k => single(k) && data.runs.some(run => data.curves[k][run] && isScore(k, data.curves[k][run])));
    if (scores.length) {
      barChart(chartBox(element, "compare-scores"), "scores", scores, data.runs.map((run, i) => ({ label: run,
        backgroundColor: COLORS[i % COLORS.length], data: scores.map(k => data.curves[k][run] ? data.curves[k][run][0][1] : null) })));
    }
    keys.filter(k => !single(k)).forEach(key => {
      const sets = data.runs.map((run, i) => ({ label: run, borderColor: COLORS[i % COLORS.length], pointRadius: 2,
        data: (data.curves[key][run] || []).map(p => ({ x: p[0], y: p[1] })) }));
      lineChart(chartBox(element), key, sets);
    });
  }

  function versionCharts(element) {
    const data = JSON.parse(document.getElementById("versions-data").textContent);
    const sets = Object.keys(data).sort().map((key, i) => ({ label: key, borderColor: COLORS[i % COLORS.length],
      pointRadius: 3, data: data[key].map(p => ({ x: p[0], y: p[1] })) }));
    if (sets.length) { const canvas = document.createElement("canvas"); element.append(canvas); lineChart(canvas, "metrics by version", sets, "version"); }
  }

  /** Monitoring: a line chart per figure, one line per feature, x = window number. */
  function monitoringCharts(element) {
    const data = JSON.parse(document.getElementById("monitoring-data").textContent);
    Object.keys(data).forEach(title => {
      const sets = Object.keys(data[title]).map((line, i) => ({ label: line, borderColor: COLORS[i % COLORS.length],
        pointRadius: 2, data: data[title][line].map(p => ({ x: p[0], y: p[1] })) }));
      lineChart(chartBox(element), title, sets, "window");
    });
  }

  function promote(form) {
    const box = document.getElementById("promote-result");
    const alias = form.elements.alias.value;
    fetch(form.dataset.action + "/" + encodeURIComponent(alias), { method: "POST",
      headers: { ...HEADER, "Content-Type": "application/json" }, body: JSON.stringify({ version: +form.elements.version.value }) })
      .then(async r => {
        const text = await r.text();
        if (r.ok) { show(box, alias + " now points at v" + JSON.parse(text).version, true); setTimeout(() => location.reload(), 600); }
        else show(box, problemOf(r.status, text), false);
      });
  }

  /** p99 and error rate per judged window of the rollout, candidate against stable; redrawn after each htmx swap. */
  function rolloutCharts(element) {
    const source = document.getElementById("rollout-data");
    if (!source || element.dataset.drawn) return;
    element.dataset.drawn = "true";
    const data = JSON.parse(source.textContent);
    if (!data.at || !data.at.length) return;
    const series = (values, label, color) => ({ label, borderColor: color, pointRadius: 3,
      data: values.map((v, i) => ({ x: i + 1, y: v })).filter(p => p.y !== null) });
    lineChart(chartBox(element, "rollout-latency"), "p99 latency (ms) per window",
      [series(data.candidateP99, "candidate", COLORS[3]), series(data.stableP99, "stable", COLORS[0])], "window");
    lineChart(chartBox(element, "rollout-errors"), "error rate per window",
      [series(data.candidateErrors, "candidate", COLORS[1]), series(data.stableErrors, "stable", COLORS[0])], "window");
  }

  function rollback(button) {
    const box = document.getElementById("rollback-result");
    if (!confirm("Roll this deployment back now?")) return;
    fetch(button.dataset.rollback, { method: "POST", headers: HEADER }).then(async r => {
      const text = await r.text();
      if (r.ok) { show(box, "Now serving v" + JSON.parse(text).version, true); setTimeout(() => location.reload(), 800); }
      else show(box, problemOf(r.status, text), false);
    });
  }

  function compareSelected() {
    const ids = [...document.querySelectorAll("input.pick:checked")].map(c => "id=" + encodeURIComponent(c.value));
    const button = document.getElementById("compare-button");
    if (button) { button.disabled = ids.length < 2; button.dataset.href = "/ui/runs/compare?" + ids.join("&"); }
  }

  function wire(root) {
    localTimes(root);
    root.querySelectorAll("form[data-upload]").forEach(f => f.addEventListener("submit", e => { e.preventDefault(); upload(f); }));
    root.querySelectorAll("form[data-promote]").forEach(f => f.addEventListener("submit", e => { e.preventDefault(); promote(f); }));
    root.querySelectorAll("input.pick").forEach(c => c.addEventListener("change", compareSelected));
    root.querySelectorAll("[data-rollback]").forEach(b => b.addEventListener("click", () => rollback(b)));
    const charts = document.getElementById("rollout-charts"); if (charts && typeof Chart !== "undefined") rolloutCharts(charts);
  }

  document.addEventListener("DOMContentLoaded", () => {
    wire(document);
    const spec = document.getElementById("spec-form"), editor = document.getElementById("spec-editor");
    if (spec && editor) {
      ["input", "change"].forEach(type => spec.addEventListener(type, () => { editor.value = specFromForm(spec); }));
      if (!editor.value.trim()) editor.value = specFromForm(spec);
      document.getElementById("spec-submit").addEventListener("click", () => submitSpec(editor));
    }
    const live = document.querySelector("[data-live-run]"); if (live) liveRun(live);
    const compare = document.getElementById("compare-curves"); if (compare) compareCharts(compare);
    const versions = document.getElementById("version-curves"); if (versions) versionCharts(versions);
    const monitoring = document.getElementById("monitoring-charts"); if (monitoring) monitoringCharts(monitoring);
    const button = document.getElementById("compare-button");
    if (button) button.addEventListener("click", () => { window.location = button.dataset.href; });
  });
  document.addEventListener("htmx:afterSwap", e => { wire(e.target); compareSelected(); });
  return { show };
})();
