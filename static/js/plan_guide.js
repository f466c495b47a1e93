/*
 * A guide's roadmap as the reader's own: a progress control on each step, how many
 * are done, what is left and when they would finish at their own hours a week, a
 * "Next step" link, and the same finish dates on the "How long does it take?" table.
 * Kept by plan_store.js in this browser only. Without JavaScript none of it appears.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  var root = document.querySelector("[data-guide]");
  if (!Plan || !root) return;

  var LABELS = { todo: "Not started", doing: "In progress", done: "Done", skipped: "Skipped" };
  var slug = root.dataset.guide;
  var hours = Number(root.dataset.hours) || 10;
  var items = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));

  var make = Plan.make;

  // The guide as the plan keeps it: its steps as this page shows them now.
  function snapshot() {
    var kept = Plan.get().guides[slug];
    return {
      title: root.dataset.title,
      url: root.dataset.url,
      hours: hours,
      steps: items.map(function (item) {
        return {
          id: item.dataset.step,
          title: item.querySelector(".step__title").textContent,
          min: Number(item.dataset.min) || 0,
          max: Number(item.dataset.max) || 0,
        };
      }),
      marks: kept ? kept.marks : {},
    };
  }

  var guide = snapshot();

  /* The summary above the steps ------------------------------------------- */

  var panel = make("div", { class: "plan-panel", "data-screen-only": "" });
  var count = make("p", { class: "plan-panel__count" });
  var meter = make("progress", { max: String(items.length), value: "0", "aria-label": "Steps done" });
  var left = make("p", { "data-role": "left" });
  var paceLabel = make("label", { for: "plan-hours" }, "Hours a week you can give ");
  var paceInput = make("input", {
    id: "plan-hours",
    type: "number",
    min: "1",
    max: "80",
    step: "1",
    inputmode: "numeric",
    class: "plan-panel__hours",
  });
  var pace = make("p", { class: "plan-panel__pace" });
  pace.append(paceLabel, paceInput);
  var finish = make("p", { "data-role": "finish" });
  var next = make("p", { "data-role": "next" });
  var status = make("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "data-screen-only": "" });
  var note = make("p", { class: "plan-panel__note" });
  note.append("Your progress is kept in this browser only. ");
  note.append(make("a", { href: root.dataset.planUrl }, "See your whole plan"));
  panel.append(count, meter, left, pace, finish, next, note, status);
  var message = root.querySelector("[data-plan-message]");
  message.after(panel);

  /* A control on each step ------------------------------------------------- */

  items.forEach(function (item, index) {
    var id = "plan-step-" + item.dataset.step;
    var field = make("p", { class: "step__progress", "data-screen-only": "" });
    var label = make("label", { for: id }, "My progress");
    label.append(make("span", { class: "visually-hidden" }, " on step " + (index + 1)));
    var select = make("select", { id: id, "data-step-status": item.dataset.step });
    Plan.STATUSES.forEach(function (value) {
      select.append(make("option", { value: value }, LABELS[value]));
    });
    field.append(label, " ", select);
    item.querySelector(".step__head").after(field);
  });

  /* Finish dates on the paths table ---------------------------------------- */

  var table = document.querySelector("[data-paths] table");
  var pathCells = [];
  if (table) {
    // A fourth column is too wide for a phone: each row becomes a card, as on wider tables.
    table.classList.add("data-table--stack");
    var heads = table.querySelectorAll("thead th");
    table.querySelector("thead tr").append(make("th", { scope: "col" }, "At your pace, done between"));
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      Array.prototype.forEach.call(row.querySelectorAll("td"), function (td, index) {
        td.dataset.label = heads[index + 1].textContent;
      });
      var cell = make("td", { "data-label": "Done between" });
      row.append(cell);
      pathCells.push({ cell: cell, min: Number(row.dataset.min) || 0, max: Number(row.dataset.max) || 0 });
    });
  }

  /* Drawing ---------------------------------------------------------------- */

  function render() {
    var plan = Plan.get();
    var state = Plan.progress(guide);
    var mine = Plan.readerHours(guide);
    count.textContent = state.done + " of " + state.total + " steps done";
    meter.value = state.done;
    var minWeeks = Plan.atPace(state.left.min, hours, mine);
    var maxWeeks = Plan.atPace(state.left.max, hours, mine);
    var pending = state.total - state.done - countSkipped();
    left.textContent = pending
      ? "Left: " + pending + " step" + (pending === 1 ? "" : "s") + ", about " +
        Plan.weeksText(minWeeks, maxWeeks) + " at " + mine + " hours a week."
      : "Nothing left: every step is done or skipped.";
    finish.textContent = pending && state.left.max
      ? "You would finish between " + Plan.finishText(minWeeks, maxWeeks) + "."
      : "";
    if (document.activeElement !== paceInput) paceInput.value = String(mine);
    next.replaceChildren();
    if (state.next) {
      next.append(
        make("a", { href: "#step-" + state.next.number, class: "link-arrow" },
          "Next step: " + state.next.number + ". " + state.next.step.title)
      );
    }
    items.forEach(function (item) {
      var mark = guide.marks[item.dataset.step] || "todo";
      item.querySelector("select").value = mark;
      item.dataset.status = mark;
    });
    pathCells.forEach(function (path) {
      path.cell.textContent = path.max
        ? Plan.finishText(Plan.atPace(path.min, hours, mine), Plan.atPace(path.max, hours, mine))
        : "";
    });
    return plan;
  }

  function countSkipped() {
    return guide.steps.filter(function (step) {
      return guide.marks[step.id] === "skipped";
    }).length;
  }

  function keep() {
    var plan = Plan.get();
    var started = Object.keys(guide.marks).length;
    if (started) {
      plan.guides[slug] = guide;
    } else {
      delete plan.guides[slug];
    }
    Plan.save();
  }

  root.addEventListener("change", function (event) {
    var select = event.target.closest("[data-step-status]");
    if (!select) return;
    var id = select.dataset.stepStatus;
    if (select.value === "todo") {
      delete guide.marks[id];
    } else {
      guide.marks[id] = select.value;
    }
    keep();
    render();
    var number = items.findIndex(function (item) {
      return item.dataset.step === id;
    }) + 1;
    Plan.announce(status, "Step " + number + " marked " + LABELS[select.value].toLowerCase() + ". " +
      count.textContent + ". " + left.textContent);
  });

  paceInput.addEventListener("change", function () {
    var value = Math.round(Number(paceInput.value));
    if (!(value >= 1 && value <= 80)) {
      Plan.announce(status, "Give a number of hours between 1 and 80.");
      paceInput.value = String(Plan.readerHours(guide));
      return;
    }
    Plan.get().pace.hours = value;
    if (Plan.get().guides[slug]) Plan.get().guides[slug] = guide;
    Plan.save();
    render();
    Plan.announce(status, "Pace set to " + value + " hours a week. " + finish.textContent);
  });

  // The stored copy follows the page: steps added, removed or renamed since.
  if (Plan.get().guides[slug]) {
    Plan.get().guides[slug] = guide;
  }
  root.classList.add("has-plan");
  render();
})();
