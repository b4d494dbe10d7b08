// The search page: Pagefind's JS API behind a form that also works as a plain GET form.
// The query, order and filters live in the URL, so a search can be bookmarked, shared and reloaded.

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const sortSelect = document.getElementById("search-sort");
const filtersBox = document.getElementById("search-filters");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

// This file is served from <site>/assets/, so the site root (and any path prefix) is one level up.
const siteRoot = new URL("../", import.meta.url);
const pageSize = 10;
const lang = document.documentElement.lang || "en";
const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" });
const filterNames = { year: "Year", month: "Month", person: "People", place: "Places", organisation: "Organisations" };
// Dates list every value, newest first; entities list the most frequent few, as an archive names thousands.
const byDate = new Set(["year", "month"]);
const topEntities = 8;

let loading;
let latest = 0;
let shown = [];
// The results of the search on screen not yet shown, and for date order the shards still to search.
let cursor = { pending: [], shards: [] };

/**
 * Pagefind, ready to search: one shared promise, so a search typed while it loads waits for all of it.
 * The index comes in shards (`pagefind/shards.json`, newest first): the newest is Pagefind's main
 * bundle, the others are merged into it, each tagged with a `shard` filter of its own id.
 */
function loadPagefind() {
  loading ??= (async () => {
    const [pagefind, manifest] = await Promise.all([
      import(new URL("pagefind/pagefind.js", siteRoot).href),
      // Revalidated on every visit: it names the shards of the index deployed now.
      fetch(new URL("pagefind/shards.json", siteRoot), { cache: "no-cache" }).then((response) => response.json()),
    ]);
    const [main, ...others] = manifest.shards;
    // A shard's files never change under its id, so its entry file may be cached by that id.
    const shared = { baseUrl: siteRoot.pathname, excerptLength: 30 };
    await pagefind.options({ ...shared, mergeFilter: { shard: main.id }, metaCacheTag: main.id });
    await pagefind.init();
    await Promise.all(others.map((shard) => pagefind.mergeIndex(new URL(`pagefind/${shard.path}`, siteRoot).pathname, { ...shared, mergeFilter: { shard: shard.id }, metaCacheTag: shard.id })));
    // Loads the filter data: without it, a search's first response has no filter counts.
    await pagefind.filters();
    return { pagefind, shards: manifest.shards };
  })();
  return loading;
}

/** The search as the URL states it. */
function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: (params.get("q") ?? "").trim(),
    sort: params.get("sort") === "relevance" ? "relevance" : "date",
    ...Object.fromEntries(Object.keys(filterNames).map((key) => [key, params.getAll(key)])),
  };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "date") params.set("sort", state.sort);
  for (const key of Object.keys(filterNames)) for (const value of state[key]) params.append(key, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `${location.pathname}?${query}` : location.pathname);
}

/** The search as the form states it. */
function formState() {
  const data = new FormData(form);
  return {
    q: String(data.get("q") ?? "").trim(),
    sort: data.get("sort") === "relevance" ? "relevance" : "date",
    ...Object.fromEntries(Object.keys(filterNames).map((key) => [key, data.getAll(key).map(String)])),
  };
}

function label(key, value) {
  if (key === "month") return monthFormat.format(new Date(`${value}-01T00:00:00Z`));
  return value;
}

/** Checkboxes for each filter with the number of results each value holds. */
function renderFilters(counts, state) {
  filtersBox.replaceChildren();
  for (const [key, name] of Object.entries(filterNames)) {
    const shown = Object.entries(counts[key] ?? {}).filter(([value, count]) => count > 0 || state[key].includes(value));
    const values = byDate.has(key)
      ? shown.sort(([a], [b]) => (a < b ? 1 : -1))
      : shown.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).filter(([value], i) => i < topEntities || state[key].includes(value));
    if (values.length === 0) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = `search-filter search-filter-${key}`;
    const legend = document.createElement("legend");
    legend.textContent = name;
    fieldset.append(legend);
    for (const [i, [value, count]] of values.entries()) {
      // Names hold spaces, which ids may not.
      const id = `filter-${key}-${i}`;
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", name: key, value, id, checked: state[key].includes(value) });
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = `${label(key, value)} `;
      const number = document.createElement("span");
      number.className = "count";
      number.dataset.count = String(count);
      number.textContent = `(${count.toLocaleString(lang)})`;
      text.append(number);
      const row = document.createElement("div");
      row.className = "search-filter-option";
      row.append(box, text);
      fieldset.append(row);
    }
    filtersBox.append(fieldset);
  }
}

function say(message) {
  status.textContent = message;
}

/** The cursor's next `count` results: in date order they come shard by shard, newest shard first. */
async function nextResults(from, count) {
  while (from.pending.length < count && from.shards.length > 0) {
    const shard = from.shards.shift();
    const response = await from.api.search(from.q, { ...from.options, filters: { ...from.options.filters, shard: shard.id } });
    if (response !== null) from.pending.push(...response.results);
  }
  return from.pending.splice(0, count);
}

async function renderMore() {
  const from = cursor;
  const data = await Promise.all((await nextResults(from, pageSize)).map((result) => result.data()));
  if (from !== cursor) return;
  for (const result of data) {
    const item = document.createElement("li");
    item.className = "story-item search-result";
    const heading = document.createElement("h2");
    heading.className = "story-title";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    item.append(heading);
    if (result.meta.date) {
      const meta = document.createElement("p");
      meta.className = "story-meta";
      const time = document.createElement("time");
      time.dateTime = result.meta.date;
      time.textContent = dayFormat.format(new Date(`${result.meta.date}T00:00:00Z`));
      meta.append(time);
      item.append(meta);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "story-summary search-excerpt";
    // Pagefind's excerpt is the indexed text, escaped by Pagefind, with <mark> around the matched words.
    excerpt.innerHTML = result.excerpt;
    item.append(excerpt);
    list.append(item);
    shown.push(link);
  }
  more.hidden = cursor.pending.length === 0 && cursor.shards.length === 0;
  // A User Timing mark, so the search bench can read the time to the first result.
  if (data.length > 0 && performance.getEntriesByName("first-result").length === 0) performance.mark("first-result");
}

async function search(state) {
  const run = ++latest;
  const filters = {};
  for (const key of Object.keys(filterNames)) if (state[key].length > 0) filters[key] = { any: state[key] };
  const hasFilters = Object.keys(filters).length > 0;
  const { pagefind: api, shards } = await loadPagefind();
  if (!state.q && !hasFilters) {
    const counts = await api.filters();
    if (run !== latest) return;
    list.replaceChildren();
    shown = [];
    cursor = { pending: [], shards: [] };
    more.hidden = true;
    renderFilters(counts, state);
    say("");
    return;
  }
  say("Searching…");
  const q = state.q || null;
  const options = { filters, ...(state.sort === "date" ? { sort: { date: "desc" } } : {}) };
  // One search over every shard gives the total and the filter counts, and the order for best match.
  const response = await api.search(q, options);
  if (run !== latest || response === null) return;
  list.replaceChildren();
  shown = [];
  const perShard = response.filters.shard ?? {};
  const matching = shards.filter((shard) => (perShard[shard.id] ?? 0) > 0);
  // Pagefind merges shards by each one's own sort position, which does not compare across shards;
  // but shards are date ranges, newest first, so date order is shard after shard.
  const byShard = state.sort === "date" && matching.length > 1;
  cursor = byShard ? { pending: [], shards: matching, api, q, options } : { pending: [...response.results], shards: [] };
  renderFilters(response.filters, state);
  const total = response.results.length;
  const subject = state.q ? ` for “${state.q}”` : "";
  const order = state.sort === "date" ? "newest first" : "best match first";
  await renderMore();
  // The count is said once its results are on the page, so it never describes an empty list.
  if (run !== latest) return;
  say(total === 0 ? `No results${subject}. Try fewer words or fewer filters.` : `${total.toLocaleString(lang)} ${total === 1 ? "result" : "results"}${subject}, ${order}.`);
}

let timer;
function update() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const state = formState();
    writeState(state);
    search(state);
  }, 100);
}

form.addEventListener("input", update);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  update();
});
more.addEventListener("click", async () => {
  const first = shown.length;
  await renderMore();
  shown[first]?.focus();
});

// Keyboard: ↓ from the box goes to the results, ↓ and ↑ move through them, Escape goes back to the box.
document.addEventListener("keydown", (event) => {
  const index = shown.indexOf(document.activeElement);
  if (event.key === "ArrowDown" && (document.activeElement === input || index >= 0)) {
    const next = shown[index + 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  } else if (event.key === "ArrowUp" && index >= 0) {
    event.preventDefault();
    (shown[index - 1] ?? input).focus();
  } else if (event.key === "Escape" && index >= 0) {
    input.focus();
  }
});

const initial = readState();
input.value = initial.q;
sortSelect.value = initial.sort;
input.focus();
search(initial);
