/*
 * Practice mode for a flashcard deck: one card at a time, "Knew it" / "Didn't know",
 * a Leitner schedule kept in localStorage. Progressive enhancement: the page is a
 * readable list of questions without this script; the cards come from that list.
 */
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  // Days until a card in box 1..5 is due again: missed cards (box 1) at once.
  var INTERVALS = [0, 0, 1, 3, 7, 14];
  var TOP_BOX = INTERVALS.length - 1;

  var root = document.getElementById("practice");
  if (!root) {
    return;
  }
  var storageKey = "flashcards:" + root.dataset.deck;

  var cards = Array.prototype.map.call(
    document.querySelectorAll(".deck-list [data-card]"),
    function (item, index) {
      return {
        id: item.dataset.card,
        order: index,
        difficulty: item.dataset.difficulty,
        difficultyLabel: item.querySelector("[data-role=difficulty]").textContent,
        question: item.querySelector("[data-role=question]").textContent,
        answer: item.querySelector("[data-role=answer]"),
      };
    }
  );
  if (!cards.length) {
    return;
  }
  var byId = {};
  cards.forEach(function (card) {
    byId[card.id] = card;
  });

  function $(selector) {
    return root.querySelector(selector);
  }
  var panels = {
    setup: $("[data-panel=setup]"),
    session: $("[data-panel=session]"),
    summary: $("[data-panel=summary]"),
  };
  var el = {
    stats: $("[data-role=stats]"),
    position: $("[data-role=position]"),
    progress: $("[data-role=progress]"),
    difficulty: $("[data-role=card] [data-role=difficulty]"),
    question: $("[data-role=card] [data-role=question]"),
    answer: $("[data-role=card] [data-role=answer]"),
    flip: $("[data-action=flip]"),
    knew: $("[data-action=knew]"),
    missed: $("[data-action=missed]"),
    summaryHeading: $("[data-role=summary-heading]"),
    summary: $("[data-role=summary]"),
    reviewMissed: $("[data-action=review-missed]"),
    status: $("[data-role=status]"),
  };

  /* Stored state -------------------------------------------------------- */

  function emptyState() {
    return { version: 1, boxes: {}, filters: null, session: null };
  }

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(storageKey));
      if (stored && stored.version === 1 && typeof stored.boxes === "object") {
        return stored;
      }
    } catch (error) {
      // Storage blocked or corrupt: practise without remembering.
    }
    return emptyState();
  }

  var state = load();

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {
      // Private mode or full storage: progress lasts until the page closes.
    }
  }

  function record(id) {
    return state.boxes[id] || { box: 0, due: 0 };
  }

  function isDue(id, now) {
    return record(id).due <= now;
  }

  /* Filters -------------------------------------------------------------- */

  var filterInputs = Array.prototype.slice.call(root.querySelectorAll("input[name=difficulty]"));

  function chosenDifficulties() {
    return filterInputs
      .filter(function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
  }

  if (Array.isArray(state.filters)) {
    filterInputs.forEach(function (input) {
      input.checked = state.filters.indexOf(input.value) !== -1;
    });
  }

  function filteredCards() {
    var chosen = chosenDifficulties();
    return cards.filter(function (card) {
      return chosen.indexOf(card.difficulty) !== -1;
    });
  }

  /* Panels ---------------------------------------------------------------- */

  function show(name) {
    Object.keys(panels).forEach(function (key) {
      panels[key].hidden = key !== name;
    });
  }

  function announce(message) {
    // Cleared first, so the same words said twice are announced twice.
    el.status.textContent = "";
    window.setTimeout(function () {
      el.status.textContent = message;
    }, 50);
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function renderSetup() {
    var now = Date.now();
    var chosen = filteredCards();
    var due = chosen.filter(function (card) {
      return isDue(card.id, now);
    }).length;
    var fresh = chosen.filter(function (card) {
      return record(card.id).box === 0;
    }).length;
    var learned = chosen.filter(function (card) {
      return record(card.id).box >= 3;
    }).length;
    el.stats.textContent =
      plural(chosen.length, "card") +
      " chosen: " +
      due +
      " due now, " +
      fresh +
      " never practised, " +
      learned +
      " well known. Your progress is kept in this browser only.";
    var startDue = $("[data-action=start-due]");
    startDue.disabled = due === 0;
    $("[data-action=start-all]").disabled = chosen.length === 0;
    if (chosen.length && !due) {
      var next = Math.min.apply(
        null,
        chosen.map(function (card) {
          return record(card.id).due;
        })
      );
      var days = Math.max(1, Math.ceil((next - now) / DAY));
      el.stats.textContent +=
        " Nothing is due: the next card comes back in " + plural(days, "day") + ".";
    }
  }

  /* A session -------------------------------------------------------------- */

  function startSession(ids, label) {
    state.session = {
      ids: ids,
      index: 0,
      flipped: false,
      results: {},
      label: label,
      touched: Date.now(),
    };
    save();
    renderCard(true);
  }

  function currentCard() {
    var session = state.session;
    return session && byId[session.ids[session.index]];
  }

  function renderCard(moveFocus) {
    var session = state.session;
    var card = currentCard();
    if (!card) {
      renderSummary(moveFocus);
      return;
    }
    show("session");
    var total = session.ids.length;
    el.position.textContent = "Card " + (session.index + 1) + " of " + total;
    el.progress.max = total;
    el.progress.value = session.index;
    el.difficulty.textContent = card.difficultyLabel;
    el.question.textContent = card.question;
    el.answer.replaceChildren.apply(
      el.answer,
      Array.prototype.map.call(card.answer.childNodes, function (node) {
        return node.cloneNode(true);
      })
    );
    setFlipped(session.flipped, false);
    if (moveFocus) {
      el.question.focus();
    }
  }

  function setFlipped(flipped, moveFocus) {
    state.session.flipped = flipped;
    el.answer.hidden = !flipped;
    el.knew.hidden = !flipped;
    el.missed.hidden = !flipped;
    el.flip.textContent = flipped ? "Hide answer" : "Show answer";
    el.flip.setAttribute("aria-expanded", String(flipped));
    if (moveFocus) {
      state.session.touched = Date.now();
      save();
      if (flipped) {
        // Focus on the answer makes screen readers read it out.
        el.answer.focus();
        announce("Answer shown. Press 1 if you knew it, 2 if you didn’t.");
      } else {
        el.question.focus();
      }
    }
  }

  function flip() {
    setFlipped(!state.session.flipped, true);
  }

  function grade(knew) {
    var session = state.session;
    var card = currentCard();
    if (!card || !session.flipped) {
      return;
    }
    var entry = record(card.id);
    var box = knew ? Math.min(TOP_BOX, Math.max(1, entry.box) + 1) : 1;
    state.boxes[card.id] = { box: box, due: Date.now() + INTERVALS[box] * DAY };
    session.results[card.id] = knew ? "knew" : "missed";
    session.index += 1;
    session.flipped = false;
    session.touched = Date.now();
    save();
    var said = knew ? "Marked as known." : "Marked as missed; it comes back sooner.";
    renderCard(true);
    if (currentCard()) {
      announce(said + " " + el.position.textContent + ".");
    }
  }

  function missedIds() {
    var session = state.session;
    return session.ids.filter(function (id) {
      return session.results[id] === "missed";
    });
  }

  function renderSummary(moveFocus) {
    var session = state.session;
    var total = session.ids.length;
    var known = session.ids.filter(function (id) {
      return session.results[id] === "knew";
    }).length;
    var missed = missedIds().length;
    show("summary");
    el.progress.value = total;
    el.summary.textContent =
      "You knew " +
      known +
      " of " +
      plural(total, "card") +
      (missed ? " and missed " + missed + "." : ". Well done!");
    el.reviewMissed.hidden = missed === 0;
    el.reviewMissed.textContent = "Review the " + plural(missed, "card") + " I missed";
    if (moveFocus) {
      el.summaryHeading.focus();
    }
  }

  function backToSetup() {
    state.session = null;
    save();
    show("setup");
    renderSetup();
    $("[data-action=start-due]").disabled
      ? $("[data-action=start-all]").focus()
      : $("[data-action=start-due]").focus();
  }

  /* Events ----------------------------------------------------------------- */

  var actions = {
    "start-due": function () {
      var now = Date.now();
      var due = filteredCards()
        .filter(function (card) {
          return isDue(card.id, now);
        })
        .sort(function (a, b) {
          return record(a.id).box - record(b.id).box || a.order - b.order;
        });
      startSession(
        due.map(function (card) {
          return card.id;
        }),
        "due"
      );
    },
    "start-all": function () {
      startSession(
        filteredCards().map(function (card) {
          return card.id;
        }),
        "all"
      );
    },
    reset: function () {
      state.boxes = {};
      save();
      renderSetup();
      announce("Progress forgotten: every card is due again.");
    },
    flip: flip,
    knew: function () {
      grade(true);
    },
    missed: function () {
      grade(false);
    },
    stop: backToSetup,
    restart: backToSetup,
    "review-missed": function () {
      startSession(missedIds(), "missed");
    },
  };

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) {
      actions[button.dataset.action]();
    }
  });

  root.addEventListener("change", function (event) {
    if (event.target.name === "difficulty") {
      state.filters = chosenDifficulties();
      save();
      renderSetup();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (panels.session.hidden || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    // Buttons, links, fields and summaries answer Space and Enter themselves.
    var interactive = target.closest && target.closest("button, a, input, select, textarea, summary");
    if ((event.key === " " || event.key === "Enter") && !interactive) {
      event.preventDefault();
      flip();
    } else if (event.key === "1" && state.session.flipped) {
      event.preventDefault();
      grade(true);
    } else if (event.key === "2" && state.session.flipped) {
      event.preventDefault();
      grade(false);
    }
  });

  /* Start: resume a session left unfinished today, or show the setup ---------- */

  // A session untouched this long belongs to an earlier visit: the cards due now
  // matter more than where that one stopped.
  var RESUME_WITHIN = 6 * 60 * 60 * 1000;

  function resumable(session) {
    if (!session || !Array.isArray(session.ids)) {
      return false;
    }
    session.ids = session.ids.filter(function (id) {
      return byId[id];
    });
    var unfinished = session.index < session.ids.length;
    return unfinished && Date.now() - (session.touched || 0) < RESUME_WITHIN;
  }

  root.hidden = false;
  if (resumable(state.session)) {
    state.session.results = state.session.results || {};
    renderCard(false);
  } else {
    // A finished (or stale) session: a return visit opens on what is due now, not on
    // the last session's summary.
    state.session = null;
    show("setup");
    renderSetup();
  }
})();
