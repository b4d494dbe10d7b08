// The search page: Pagefind's JS API behind a form that also works as a plain GET form.
// The query, order and filters live in the URL, so a search can be bookmarked, shared and reloaded.

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const sortSelect = document.getElementById("search-sort");
const filtersBox = document.getElementById("search-filters");
// Filter counts need every shard's filter data (about 60 KB a shard), so they load when the panel opens.
const filtersPanel = document.getElementById("search-filters-panel");
const fromInput = document.getElementById("search-from");
const toInput = document.getElementById("search-to");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

// This file is served from <site>/assets/, so the site root (and any path prefix) is one level up.
const siteRoot = new URL("../", import.meta.url);
const pageSize = 10;
// Milliseconds a search in date order stays on screen before every shard is asked for its exact count.
const countDelay = 300;
const lang = document.documentElement.lang || "en";
const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" });
// Dates list every value, newest first; entities list the most frequent few, as an archive names thousands.
const byDate = new Set(["year", "month"]);
const topEntities = 8;

// Interface text in the site's language: the `search.*` strings of the site, which the page carries (see search.njk).
const messages = JSON.parse(document.getElementById("search-strings")?.textContent ?? "{}").messages ?? {};
const plural = new Intl.PluralRules(lang);
/** A message with its `{name}` placeholders filled; a plural one picks its form by `count`. */
function t(key, values = {}) {
  const message = messages[key] ?? key;
  const form = typeof message === "string" ? message : (message[plural.select(values.count ?? 0)] ?? message.other);
  return form.replace(/\{(\w+)\}/g, (_, name) => (typeof values[name] === "number" ? values[name].toLocaleString(lang) : String(values[name] ?? "")));
}
// Pagefind's filters, as the article page names them (data-pagefind-filter), in the order the panel lists them.
const filterNames = Object.fromEntries(["year", "month", "section", "author", "tag", "person", "place", "organisation"].map((key) => [key, t(`search.filter.${key}`)]));

let latest = 0;
let shown = [];
// The results of the search on screen not yet shown, and the parts of the index still to search for more.
let cursor = { pending: [], shards: [] };

/**
 * The index comes in shards (`pagefind/shards.json`, newest first), each a run of consecutive dates:
 * the newest is Pagefind's main bundle and carries the runtime, the others are bundles merged into an
 * instance only when a search needs them, each tagged with a `shard` filter of its own id. `reader`
 * holds the newest shard alone (in date order, most first results need nothing more), `batches` an
 * instance per batch of older shards a search went on into, and `counter` every shard a search
 * covers, loaded after the first results are on screen, for the exact total and filter counts.
 * A 114,000-article archive has some sixty shards; loading them all before the first result cost
 * 5.5 MB in 550 requests.
 */
let loading;
function loadPagefind() {
  loading ??= (async () => {
    const [module, manifest] = await Promise.all([
      import(new URL("pagefind/pagefind.js", siteRoot).href),
      // Revalidated on every visit: it names the shards of the index deployed now.
      fetch(new URL("pagefind/shards.json", siteRoot), { cache: "no-cache" }).then((response) => response.json()),
    ]);
    const shards = manifest.shards;
    const reader = new Index(module, shards[0]);
    await reader.ready;
    document.documentElement.dataset.search = "ready";
    return { module, shards, reader, batches: new Map(), counter: undefined };
  })();
  return loading;
}

/** A Pagefind instance and the shards merged into it so far. */
class Index {
  constructor(module, main) {
    // A shard's files never change under its id, so its entry file may be cached by that id.
    const options = (shard) => ({ baseUrl: siteRoot.pathname, excerptLength: 30, mergeFilter: { shard: shard.id }, metaCacheTag: shard.id });
    this.options = options;
    this.api = module.createInstance({ basePath: new URL("pagefind/", siteRoot).pathname, ...options(main) });
    this.ready = this.api.init();
    this.merged = new Map([[main.id, this.ready]]);
  }

  /** Merges the shards not merged yet; resolves once all of them can be searched. */
  merge(shards) {
    for (const shard of shards) {
      if (!this.merged.has(shard.id)) this.merged.set(shard.id, this.api.mergeIndex(new URL(`pagefind/${shard.path}`, siteRoot).pathname, this.options(shard)));
    }
    return Promise.all([this.ready, ...shards.map((shard) => this.merged.get(shard.id))]);
  }
}

/** The search as the URL states it. */
function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: (params.get("q") ?? "").trim(),
    sort: params.get("sort") === "relevance" ? "relevance" : "date",
    from: monthParam(params.get("from")),
    to: monthParam(params.get("to")),
    ...Object.fromEntries(Object.keys(filterNames).map((key) => [key, params.getAll(key)])),
  };
}

// A range bound is a month, `YYYY-MM`; anything else is no bound.
function monthParam(value) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value ?? "") ? value : "";
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "date") params.set("sort", state.sort);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
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
    from: monthParam(String(data.get("from") ?? "")),
    to: monthParam(String(data.get("to") ?? "")),
    ...Object.fromEntries(Object.keys(filterNames).map((key) => [key, data.getAll(key).map(String)])),
  };
}

/** The months from `from` to `to`, both `YYYY-MM`. */
function monthsBetween(from, to) {
  const months = [];
  let [year, month] = from.split("-").map(Number);
  for (let key = from; key <= to; key = `${year}-${String(month).padStart(2, "0")}`) {
    months.push(key);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * What to ask Pagefind: its filters, and the shards that can hold a match (those whose dates meet
 * the range, the years and the months asked for). A date range is a run of whole months, which the
 * `month` filter states exactly; `null` if nothing can match.
 */
function scopeOf(state, shards) {
  const filters = {};
  for (const key of Object.keys(filterNames)) if (state[key].length > 0) filters[key] = { any: state[key] };
  const first = shards.at(-1)?.from.slice(0, 7) ?? "";
  const last = shards[0]?.to.slice(0, 7) ?? "";
  const from = state.from || first;
  const to = state.to || last;
  if (from > to) return null;
  if (state.from || state.to) {
    const range = monthsBetween(from < first ? first : from, to > last ? last : to);
    const months = state.month.length > 0 ? range.filter((month) => state.month.includes(month)) : range;
    if (months.length === 0) return null;
    filters.month = { any: months };
  }
  const covers = (shard) => {
    const [a, b] = [shard.from.slice(0, 7), shard.to.slice(0, 7)];
    if (b < from || a > to) return false;
    if (filters.month && !filters.month.any.some((month) => a <= month && month <= b)) return false;
    if (filters.year && !filters.year.any.some((year) => a.slice(0, 4) <= year && year <= b.slice(0, 4))) return false;
    return true;
  };
  return { filters, shards: shards.filter(covers) };
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

/**
 * The cursor's next `count` results. In date order they come shard by shard, newest shard first:
 * Pagefind orders each shard's results by date, and shards are runs of dates. Past the first shard
 * they are searched a few at a time (2, 4, then 8), so a rare word does not wait on one shard after
 * another, and a common one costs the newest shard only.
 */
async function nextResults(from, count) {
  while (from.pending.length < count && from.shards.length > 0) {
    const batch = from.shards.splice(0, from.width);
    from.width = Math.min(8, from.width * 2);
    const index = await batchIndex(from.loaded, batch);
    const responses = await Promise.all(batch.map((shard) => index.api.search(from.q, { ...from.options, filters: { ...from.options.filters, shard: shard.id } })));
    for (const response of responses) if (response !== null) from.pending.push(...response.results);
  }
  return from.pending.splice(0, count);
}

/**
 * An instance holding these shards. Pagefind searches every shard merged into an instance on each
 * call, so a batch gets an instance of its own rather than one that grows with every shard reached;
 * the runtime and the newest shard it loads again come from the browser's cache.
 */
async function batchIndex(loaded, batch) {
  if (batch.length === 1 && batch[0] === loaded.shards[0]) return loaded.reader;
  const key = batch.map((shard) => shard.id).join(" ");
  let index = loaded.batches.get(key);
  if (index === undefined) {
    index = new Index(loaded.module, loaded.shards[0]);
    loaded.batches.set(key, index);
  }
  await index.merge(batch);
  return index;
}

async function renderMore() {
  const from = cursor;
  const data = await Promise.all((await nextResults(from, pageSize)).map((result) => result.data()));
  if (from !== cursor) return;
  // A new search's results replace the last one's only once they are here, so the list does not flash empty as words are typed.
  if (from.fresh) {
    clearResults();
    from.fresh = false;
  }
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
  const loaded = await loadPagefind();
  const scope = scopeOf(state, loaded.shards);
  const hasFilters = scope !== null && Object.keys(scope.filters).length > 0;
  // The last search's results stay until this one's arrive; "More results" belongs to the last search.
  cursor = { pending: [], shards: [] };
  more.hidden = true;
  if (scope === null || (!state.q && !hasFilters)) clearResults();
  if (scope === null) {
    finish(state.from && state.to && state.from > state.to ? t("search.bad-range") : t(state.q ? "search.no-results-for" : "search.no-results", { query: state.q }));
    return;
  }
  if (!state.q && !hasFilters) {
    say("");
    if (filtersPanel.open) await countFilters(run, loaded, scope, state);
    return;
  }
  const q = state.q || null;
  const about = state.q ? "-for" : "";
  if (state.sort === "date") {
    say(t("search.searching"));
    const options = { filters: scope.filters, sort: { date: "desc" } };
    cursor = { pending: [], shards: [...scope.shards], width: 1, loaded, q, options, fresh: true };
    await renderMore();
    if (run !== latest) return;
    if (shown.length === 0 && cursor.shards.length === 0) {
      finish(t(`search.no-results${about}`, { query: state.q }));
      return;
    }
    say(t("search.counting"));
  } else {
    say(t("search.ranking"));
  }
  // The exact total and filter counts: one search over every shard in scope, after the first results.
  const total = await countAll(run, loaded, scope, q, state);
  if (total === undefined) return;
  if (state.sort !== "date") {
    cursor = { pending: [...total.results], shards: [], fresh: true };
    await renderMore();
    if (run !== latest) return;
  }
  const count = total.results.length;
  const order = state.sort === "date" ? "newest" : "best";
  // The count is said once its results are on the page, so it never describes an empty list.
  finish(count === 0 ? t(`search.no-results${about}`, { query: state.q }) : t(`search.results-${order}${about}`, { count, query: state.q }));
}

function clearResults() {
  list.replaceChildren();
  shown = [];
}

/** The search's last word; a User Timing mark lets the search bench read when it came. */
function finish(message) {
  say(message);
  performance.mark("counted");
}

/** The counter instance, with every shard in scope merged; created on first use. */
async function counterFor(loaded, scope) {
  loaded.counter ??= new Index(loaded.module, loaded.shards[0]);
  await loaded.counter.merge(scope.shards);
  return loaded.counter;
}

/** One search over every shard in scope: the exact results, and the filter counts if the filters are open. */
async function countAll(run, loaded, scope, q, state) {
  // While words are being typed each search is soon replaced: its count, a request to every shard, waits to see if it stands.
  if (state.sort === "date") await new Promise((resolve) => setTimeout(resolve, countDelay));
  if (run !== latest) return undefined;
  const counter = await counterFor(loaded, scope);
  if (run !== latest) return undefined;
  if (filtersPanel.open) await counter.api.filters();
  const shards = { any: scope.shards.map((shard) => shard.id) };
  const response = await counter.api.search(q, { filters: { ...scope.filters, shard: shards } });
  if (run !== latest || response === null) return undefined;
  if (filtersPanel.open) renderFilters(response.filters, state);
  return response;
}

/** With no words and no filters: every filter value and its number of articles. */
async function countFilters(run, loaded, scope, state) {
  const counter = await counterFor(loaded, scope);
  const counts = await counter.api.filters();
  if (run === latest) renderFilters(counts, state);
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
fromInput.value = initial.from;
toInput.value = initial.to;
filtersPanel.open = Object.keys(filterNames).some((key) => initial[key].length > 0);
// Opening the filters counts them for the search on screen, which the URL states (the form may not hold its filters yet).
// Listened to from the next task: the toggle event of the opening above is queued before it, and the first search counts them.
setTimeout(() => {
  filtersPanel.addEventListener("toggle", () => {
    if (filtersPanel.open) search(readState());
  });
});
input.focus();
search(initial);
