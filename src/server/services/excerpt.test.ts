// Excerpts keep hyphenated words and drop markdown syntax.
import assert from "node:assert/strict";
import { it } from "node:test";
import { excerpt } from "./excerpt.js";

it("drops markdown markers but keeps hyphenated words and link text", () => {
  const body = "## Heading\n\n- **Block** the look-alike e-mail [domain](https://x.example)\n> quoted `code`";
  assert.equal(excerpt(body), "Heading Block the look-alike e-mail domain quoted code");
});

it("cuts long text with an ellipsis", () => {
  const cut = excerpt("word ".repeat(100), 20);
  assert.equal(cut.length, 20);
  assert.ok(cut.endsWith("…"));
});
