// A new article's id, picked when it is first saved: a free id in its category's thousand (the build lists the
// ids in use in editor.json), at random among the free ones, so two writers creating articles the same day
// almost never pick the same; when they do, the pull request's `make check` says so and names the fix.
export function pickId(category, ids, random = Math.random) {
  const start = ids.categories[category];
  if (start === undefined) {
    return undefined;
  }
  const used = new Set(ids.used);
  const free = [];
  for (let id = start + 1; id < start + 1000 && id <= ids.max; id += 1) {
    if (!used.has(id)) {
      free.push(id);
    }
  }
  return free.length ? free[Math.floor(random() * free.length)] : undefined;
}

/** Today as the front matter writes dates (YYYY-MM-DD), in the writer's time zone. */
export function today(now = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The preSave hook: a new article (one without an id yet) gets, in every language, the id picked for it and
 * `updated` set to the day it is first saved, as `make new` writes them. An article that has its id keeps
 * every value as the writer left it. */
export function idOnSave(ids, day = today) {
  return ({ entry }) => {
    const data = entry.get("data");
    if (data.get("id")) {
      return entry;
    }
    const id = pickId(data.get("category"), ids);
    if (id === undefined) {
      return entry;
    }
    const stamp = (values) => values.set("id", id).set("updated", values.get("updated") || day());
    let result = entry.set("data", stamp(data));
    const i18n = entry.get("i18n");
    if (i18n) {
      result = result.set(
        "i18n",
        i18n.map((locale) => locale.set("data", stamp(locale.get("data")))),
      );
    }
    return result;
  };
}
