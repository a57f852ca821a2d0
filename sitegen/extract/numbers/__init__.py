"""Numbers in one Doc: the facts a figure states, with value and unit.

- `scan`: the raw-text pass that finds numbers, money and fractions.
- `quantity`: the `Quantity` record that `scan` produces.
- `words`: number words ("two million", "a third").
- `units`: currencies and units after a number.
- `ranges`: ranges and scores ("15,000-20,000", "24-18").
- `context`: text around a number that says it is no fact (dates, labels, "when").
- `nouns`: the noun a number counts.
- `figures`: the numbers of one Doc, filtered by context and parse.
"""
