/*
 * The reader's plan, kept in this browser only (never sent to the server): one
 * versioned document under one localStorage key. Every page that shows part of the
 * plan loads this script first and reads `window.CareerPlan`.
 *
 * The document (version 2):
 *   { kind: "career-compass-plan", version: 2, updated: ISO date,
 *     guides: { <slug>: { title, url, hours, steps: [{ id, title, min, max }],
 *                         marks: { <step id>: "doing" | "done" | "skipped" } } },
 *     pace: { hours: number | null },
 *     jobs: { <id>: { title, company, url, status, dates: { <status>: "YYYY-MM-DD" }, note } },
 *     skills: { <skill slug>: { name, url } } }   // the skills the reader has ticked
 * A guide keeps a copy of its steps (titles and durations in weeks), so /plan/ can
 * show progress without asking the server anything.
 *
 * A new version adds an entry to MIGRATIONS (from n to n + 1); load() and importing a
 * file run every step from the stored version up to VERSION.
 */
(function () {
  "use strict";

  var KEY = "careers:plan";
  var KIND = "career-compass-plan";
  var VERSION = 2;
  var STATUSES = ["todo", "doing", "done", "skipped"];
  var JOB_STATUSES = ["saved", "applied", "interviewing", "offer", "rejected"];

  // MIGRATIONS[n] turns a version-n document into what version n + 1 reads (the version
  // number is moved on by migrate()).
  var MIGRATIONS = {
    // Version 2 keeps the skills the reader has. Version 1 only reserved the key: whatever
    // it holds was never written by this site, so the list starts empty.
    1: function (doc) {
      doc.skills = {};
      return doc;
    },
  };

  var SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Only this site's own pages: a plan file could come from anywhere.
  function sitePath(value) {
    value = String(value || "");
    return /^\/(?![\/\\])/.test(value) ? value : "";
  }

  function empty() {
    return { kind: KIND, version: VERSION, updated: null, guides: {}, pace: { hours: null }, jobs: {}, skills: {} };
  }

  var MESSAGES = {
    unavailable:
      "This browser is not letting the site keep your plan (storage is switched off, " +
      "perhaps by private browsing). You can still use the page; nothing will be kept after you leave it.",
    corrupt:
      "The plan saved in this browser could not be read: it is damaged or was written by " +
      "something else. It has been set aside, and a new, empty plan has started.",
    newer:
      "The plan saved in this browser was written by a newer version of this site. " +
      "It is left untouched, and changes made on this page will not be kept.",
    full:
      "This browser’s storage is full, so your last change was not kept. " +
      "Export your plan as a file, or free some space, and try again.",
  };

  /* Checking and upgrading a document ---------------------------------------- */

  function clean(doc) {
    // Keeps what this version understands, with the right types; drops the rest.
    var out = empty();
    out.updated = typeof doc.updated === "string" ? doc.updated : null;
    if (isObject(doc.guides)) {
      Object.keys(doc.guides).forEach(function (slug) {
        var guide = doc.guides[slug];
        if (!isObject(guide) || !Array.isArray(guide.steps)) return;
        var marks = {};
        if (isObject(guide.marks)) {
          Object.keys(guide.marks).forEach(function (id) {
            if (STATUSES.indexOf(guide.marks[id]) > 0) marks[id] = guide.marks[id];
          });
        }
        out.guides[slug] = {
          title: String(guide.title || slug),
          url: sitePath(guide.url),
          hours: Number(guide.hours) > 0 ? Number(guide.hours) : 10,
          steps: guide.steps.filter(isObject).map(function (step) {
            return {
              id: String(step.id),
              title: String(step.title || ""),
              min: Number(step.min) || 0,
              max: Number(step.max) || Number(step.min) || 0,
            };
          }),
          marks: marks,
        };
      });
    }
    if (isObject(doc.pace) && Number(doc.pace.hours) > 0) {
      out.pace.hours = Math.min(168, Number(doc.pace.hours));
    }
    if (isObject(doc.jobs)) {
      Object.keys(doc.jobs).forEach(function (id) {
        var job = doc.jobs[id];
        if (!isObject(job) || JOB_STATUSES.indexOf(job.status) < 0) return;
        var dates = {};
        if (isObject(job.dates)) {
          JOB_STATUSES.forEach(function (status) {
            if (/^\d{4}-\d{2}-\d{2}$/.test(job.dates[status])) dates[status] = job.dates[status];
          });
        }
        out.jobs[id] = {
          title: String(job.title || ""),
          company: String(job.company || ""),
          url: sitePath(job.url),
          status: job.status,
          dates: dates,
          note: String(job.note || "").slice(0, 2000),
        };
      });
    }
    if (isObject(doc.skills)) {
      Object.keys(doc.skills).forEach(function (slug) {
        var skill = doc.skills[slug];
        if (!isObject(skill) || !SLUG.test(slug)) return;
        out.skills[slug] = {
          name: String(skill.name || slug).slice(0, 200),
          url: sitePath(skill.url),
        };
      });
    }
    return out;
  }

  // A parsed document run through `migrations` up to version `target`: { doc } or { problem }.
  function migrate(doc, migrations, target) {
    if (!isObject(doc) || doc.kind !== KIND || !(doc.version >= 1) || doc.version % 1) {
      return { problem: "corrupt" };
    }
    if (doc.version > target) return { problem: "newer" };
    while (doc.version < target) {
      doc = migrations[doc.version](doc);
      doc.version += 1;
    }
    return { doc: doc };
  }

  // A parsed document brought to this version, keeping only what it understands.
  function upgrade(doc) {
    var result = migrate(doc, MIGRATIONS, VERSION);
    return result.doc ? { doc: clean(result.doc) } : result;
  }

  /* Storage ------------------------------------------------------------------ */

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(KEY);
      return store;
    } catch (error) {
      return null;
    }
  }

  var store = storage();
  var problem = null;
  var writable = !!store;
  var plan = empty();

  if (!store) {
    problem = "unavailable";
  } else {
    var raw = store.getItem(KEY);
    if (raw !== null) {
      var parsed;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        parsed = null;
      }
      var result = upgrade(parsed);
      if (result.doc) {
        plan = result.doc;
      } else if (result.problem === "newer") {
        problem = "newer";
        writable = false;
      } else {
        problem = "corrupt";
        try {
          // Set aside, not thrown away: someone may want to look at it.
          store.setItem(KEY + ":damaged", raw);
          store.removeItem(KEY);
        } catch (error) {
          writable = false;
        }
      }
    }
  }

  // The plan as another tab of this site left it (on a "storage" event).
  function reload() {
    if (!writable) return;
    try {
      var result = upgrade(JSON.parse(store.getItem(KEY)));
      if (result.doc) plan = result.doc;
    } catch (error) {
      // Being written just now: the next event brings it whole.
    }
  }

  var listeners = [];

  function save() {
    plan.updated = new Date().toISOString();
    listeners.forEach(function (listener) {
      listener(plan);
    });
    if (!writable) return false;
    try {
      store.setItem(KEY, JSON.stringify(plan));
      return true;
    } catch (error) {
      problem = "full";
      showProblem();
      return false;
    }
  }

  /* The message every page shows when something is wrong ---------------------- */

  function showProblem() {
    var box = document.querySelector("[data-plan-message]");
    if (!box || !problem) return;
    box.textContent = MESSAGES[problem];
    box.hidden = false;
  }

  /* Sums and dates shared by the guide page and /plan/ ----------------------- */

  function progress(guide) {
    var done = 0;
    var left = { min: 0, max: 0 };
    var next = null;
    guide.steps.forEach(function (step, index) {
      var mark = guide.marks[step.id];
      if (mark === "done") done += 1;
      if (mark === "done" || mark === "skipped") return;
      left.min += step.min;
      left.max += step.max;
      if (!next) next = { step: step, number: index + 1 };
    });
    return { done: done, total: guide.steps.length, left: left, next: next };
  }

  function readerHours(guide) {
    return plan.pace.hours || guide.hours;
  }

  // Weeks of work at the guide's pace, as weeks at the reader's.
  function atPace(weeks, guideHours, hours) {
    return (weeks * guideHours) / hours;
  }

  function weeksText(min, max) {
    function words(low, high, unit) {
      return (low === high ? low : low + "–" + high) + " " + unit + (high === 1 ? "" : "s");
    }
    if (max <= 0) return "no time";
    if (max < 9) return words(Math.max(1, Math.round(min)), Math.max(1, Math.round(max)), "week");
    return words(Math.max(1, Math.round(min / 4.345)), Math.round(max / 4.345), "month");
  }

  function finishText(min, max) {
    var day = 24 * 60 * 60 * 1000;
    var options = { day: "numeric", month: "short", year: "numeric" };
    var first = new Date(Date.now() + Math.ceil(min * 7) * day).toLocaleDateString("en-GB", options);
    var last = new Date(Date.now() + Math.ceil(max * 7) * day).toLocaleDateString("en-GB", options);
    return first === last ? first : first + " and " + last;
  }

  function announce(region, message) {
    // Cleared first, so the same words said twice are announced twice.
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  /* The skills the reader has --------------------------------------------- */

  function hasSkill(slug) {
    return Object.prototype.hasOwnProperty.call(plan.skills, slug);
  }

  // Ticks (on) or unticks a skill, { name, url } as a page shows it; saved at once.
  function tickSkill(slug, skill, on) {
    if (!SLUG.test(slug)) return false;
    if (on) {
      plan.skills[slug] = { name: String(skill.name || slug), url: sitePath(skill.url) };
    } else {
      delete plan.skills[slug];
    }
    return save();
  }

  // [{ slug, name, url }] by name.
  function skillList() {
    return Object.keys(plan.skills).map(function (slug) {
      return { slug: slug, name: plan.skills[slug].name, url: plan.skills[slug].url };
    }).sort(function (a, b) {
      return a.name.localeCompare(b.name);
    });
  }

  // An element for the plan's controls: make("a", { href: url }, "text"). Every page
  // script of the plan builds its controls with it.
  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  window.CareerPlan = {
    KEY: KEY,
    VERSION: VERSION,
    STATUSES: STATUSES,
    JOB_STATUSES: JOB_STATUSES,
    MIGRATIONS: MIGRATIONS,
    get: function () {
      return plan;
    },
    replace: function (doc) {
      plan = doc;
      return save();
    },
    save: save,
    reload: reload,
    upgrade: upgrade,
    migrate: migrate,
    empty: empty,
    problem: function () {
      return problem;
    },
    showProblem: showProblem,
    onChange: function (listener) {
      listeners.push(listener);
    },
    progress: progress,
    readerHours: readerHours,
    atPace: atPace,
    weeksText: weeksText,
    finishText: finishText,
    announce: announce,
    today: today,
    make: make,
    hasSkill: hasSkill,
    tickSkill: tickSkill,
    skillList: skillList,
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showProblem);
  } else {
    showProblem();
  }
})();
