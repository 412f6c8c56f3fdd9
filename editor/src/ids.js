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

/** The preSave hook: gives a new article (in every language) the id it has not got yet. */
export function idOnSave(ids) {
  return ({ entry }) => {
    let data = entry.get("data");
    if (data.get("id")) {
      return entry;
    }
    const id = pickId(data.get("category"), ids);
    if (id === undefined) {
      return entry;
    }
    data = data.set("id", id);
    let result = entry.set("data", data);
    const i18n = entry.get("i18n");
    if (i18n) {
      result = result.set(
        "i18n",
        i18n.map((locale) => locale.set("data", locale.get("data").set("id", id))),
      );
    }
    return result;
  };
}
