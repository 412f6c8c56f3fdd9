/* The reader's car (issue 32) in search and the assistant: the answers for it first, the others marked "For
   other MINI". Loaded only once a reader has chosen a car (render.js readerCar), so that a reader who has not
   downloads none of it with the first query. ``forOtherCar`` and ``forReader`` are plain functions (Node
   tests call them); ``readerOf`` reads the page's choice dialog when called, never on import. */

/* Whether an answer for ``cars`` is for another car than the reader's. ``reader``: { chosen: [values],
   groups: [[values of one dimension], ...] }: it is when, in a dimension the reader chose, it names other
   values and not the reader's. */
export function forOtherCar(cars, reader) {
  const list = cars || [];
  return reader.groups.some(function (group) {
    const mine = group.filter(function (v) { return reader.chosen.indexOf(v) >= 0; });
    return mine.length > 0 && !list.some(function (v) { return mine.indexOf(v) >= 0; }) &&
      list.some(function (v) { return group.indexOf(v) >= 0; });
  });
}

/* ``items`` with the answers for the reader's car first, the others after, each group in its order: nothing
   is left out (a reader can be wrong about their car). ``resultOf`` gives an item's result. */
export function forReader(items, reader, resultOf = function (item) { return item; }) {
  const mine = [];
  const others = [];
  items.forEach(function (item) { (forOtherCar(resultOf(item).cars, reader) ? others : mine).push(item); });
  return mine.concat(others);
}

/* The reader who chose ``chosen``, with the page's dimensions (the choice dialog's radio groups) and its
   label for the others: { first(items, resultOf), other(cars), label } for render.js. */
export function readerOf(chosen) {
  const byName = {};
  document.querySelectorAll("#hc-car-dialog input[value]").forEach(function (input) {
    if (input.value) (byName[input.name] = byName[input.name] || []).push(input.value);
  });
  const dialog = document.getElementById("hc-car-dialog");
  const reader = { chosen, groups: Object.values(byName) };
  const label = dialog ? dialog.getAttribute("data-other") || "" : "";
  return {
    first: function (items, resultOf) { return forReader(items, reader, resultOf); },
    other: function (cars) { return label !== "" && forOtherCar(cars, reader); },
    label
  };
}
