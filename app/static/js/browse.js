// Knowledge pages: the live filter of the entry list, and copy buttons on entry pages.
import { enableCopyButtons } from "./copy.js";
import { format } from "./dom.js";

// The same folding and matching as the server (app/knowledge/views.py), so a filtered
// link and live typing show the same entries.
const fold = (text) => text.normalize("NFKC").toLowerCase();

function enableFilter(input) {
  const items = [...document.querySelectorAll(".entry-item")];
  const families = [...document.querySelectorAll(".family")];
  const count = document.getElementById("filter-count");
  const empty = document.getElementById("filter-empty");

  function apply() {
    const terms = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      item.hidden = !terms.every((term) => item.dataset.search.includes(term));
      if (!item.hidden) shown += 1;
    }
    for (const family of families) {
      const visible = family.querySelectorAll(".entry-item:not([hidden])").length;
      family.hidden = visible === 0;
      family.querySelector(".count").textContent = String(visible);
    }
    count.textContent = format(count.dataset.template, { n: shown });
    empty.hidden = shown > 0;
    const url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set("q", input.value.trim());
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }

  input.addEventListener("input", apply);
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
}

const filter = document.getElementById("entry-filter");
if (filter) enableFilter(filter);
enableCopyButtons();
