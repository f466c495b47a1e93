/*
 * Finding the site's skills in text, in the browser: the rules of careers/skills.py,
 * term for term (read its docstring), so a résumé pasted here finds what the server
 * would find in a listing. Both are tested against tests/careers/skill_matching_cases.json.
 *
 * window.SkillMatch.matcher(skills) takes skills as /skills.json gives them
 * ({ slug, name, name_case_sensitive, aliases: [{ text, case_sensitive, whole_word }] };
 * `key` in place of `slug` for the test table) and returns { find(text) }: the skills'
 * slugs named in the text, each once, in the order they first appear.
 */
(function () {
  "use strict";

  var WORD = "A-Za-z0-9_";
  var SPECIAL = "\\^$.|?*+()[]{}/";

  // A term as its regular expression: the same text as careers.skills.term_pattern.
  function termPattern(term) {
    var text = term.text.trim();
    var pieces = [];
    text.split(/[\s-]+/).filter(Boolean).forEach(function (part, number) {
      if (number) pieces.push("[\\s-]+");
      Array.from(part).forEach(function (char) {
        pieces.push(SPECIAL.indexOf(char) >= 0 ? "\\" + char : char);
      });
    });
    var last = text.slice(-1);
    var plural = text.length >= 3 && /\p{L}/u.test(last) ? "(?:e?s)?" : "";
    if (!term.whole_word) return pieces.join("") + plural;
    var before = "(?<![" + WORD + "&])(?<![" + WORD + "]\\.)";
    if (term.case_sensitive && /^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text.slice(1))) {
      before += "(?<!^)(?<!\\n)(?<![.!?]\\s)";
    }
    var after = /[\p{L}\p{N}_]/u.test(last) ? "(?![" + WORD + "+#&])" : "(?![A-Za-z_])";
    return before + pieces.join("") + plural + after;
  }

  function matcher(skills) {
    var terms = [];
    skills.forEach(function (skill) {
      var id = skill.slug !== undefined ? skill.slug : skill.key;
      [{ text: skill.name, case_sensitive: skill.name_case_sensitive, whole_word: true }]
        .concat(skill.aliases || [])
        .forEach(function (term) {
          if (!String(term.text || "").trim()) return;
          terms.push({
            skill: id,
            expression: new RegExp(termPattern(term), term.case_sensitive ? "gu" : "giu"),
          });
        });
    });

    function find(text) {
      var found = [];
      terms.forEach(function (term) {
        term.expression.lastIndex = 0;
        var match;
        while ((match = term.expression.exec(text))) {
          if (!match[0]) {
            term.expression.lastIndex += 1;
            continue;
          }
          found.push({ start: match.index, end: match.index + match[0].length, skill: term.skill });
        }
      });
      // Where two overlap, the one that starts first, then the longer, wins.
      found.sort(function (a, b) {
        return a.start - b.start || b.end - a.end;
      });
      var skillsFound = [];
      var reached = 0;
      found.forEach(function (hit) {
        if (hit.start < reached) return;
        reached = hit.end;
        if (skillsFound.indexOf(hit.skill) < 0) skillsFound.push(hit.skill);
      });
      return skillsFound;
    }

    return { find: find };
  }

  window.SkillMatch = { matcher: matcher, termPattern: termPattern };
})();
