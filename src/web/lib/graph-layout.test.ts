import assert from "node:assert/strict";
import { it } from "node:test";
it("x", () => assert.ok(true));
