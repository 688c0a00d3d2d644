// SVG charts: escaped text, withheld values never drawn as zero, one mark per value, well-formed markup.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeXml, formatChartValue, heatMapSvg, lineChartSvg, stackedBarsSvg, WITHHELD_NOTE } from "./charts.js";

const EVIL = `<script>alert("x")</script> & 'co'`;

/** Checks that every tag is closed in order and every entity is one XML knows (no XML parser in Node). */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    assert.doesNotMatch(text, />/, `a raw ">" in text near ${JSON.stringify(text.slice(0, 40))}`);
    for (const entity of text.match(/&[^;\s]*;?/g) ?? []) assert.match(entity, /^&(amp|lt|gt|quot|apos);$/);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    assert.ok(m, `a malformed tag at ${JSON.stringify(svg.slice(lt, lt + 60))}`);
    const [whole, closing, name, attributes, selfClosing] = m;
    for (const entity of attributes?.match(/&[^;\s"]*;?/g) ?? []) assert.match(entity, /^&(amp|lt|gt|quot|apos);$/);
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes another element`);
    else if (!selfClosing) stack.push(name!);
    i = lt + whole.length;
  }
  assert.deepEqual(stack, [], "every element is closed");
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
}

const count = (svg: string, needle: string) => svg.split(needle).length - 1;

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML does not allow", () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>\u0001`), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});

describe("formatChartValue", () => {
  it("writes shares, hours and counts, and a null as withheld", () => {
    assert.equal(formatChartValue(0.425, "share"), "43%");
    assert.equal(formatChartValue(50, "hours"), "2 d 2 h");
    assert.equal(formatChartValue(0.5, "hours"), "30 min");
    assert.equal(formatChartValue(7), "7");
    assert.equal(formatChartValue(null), "<3");
  });
});

describe("lineChartSvg", () => {
  const chart = () =>
    lineChartSvg({
      title: `Trend ${EVIL}`,
      xLabels: ["Jan", "Feb", "Mar", "Apr", EVIL],
      series: [
        { label: `Incidents ${EVIL}`, values: [1, 2, null, 4, 5] },
        { label: "Threats", values: [3, 3, 3, 3, 3] },
      ],
    });

  it("escapes every title and label, so no script element can appear", () => {
    const svg = chart();
    assert.doesNotMatch(svg, /<script/i);
    assert.match(svg, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &apos;co&apos;/);
    assertWellFormed(svg);
  });

  it("is accessible: role img, labelled by its title and description", () => {
    const svg = chart();
    assert.match(svg, /role="img" aria-labelledby="(rtc-line-\w+)-title \1-desc"/);
    assert.match(svg, /<title id="rtc-line-\w+-title">Trend &lt;script/);
  });

  it("breaks the line at a null instead of drawing it as zero", () => {
    const svg = chart();
    // Series 0 has runs [1,2] and [4,5]: two polylines; series 1 one.
    assert.equal(count(svg, '<polyline class="rt-line" data-series="0"'), 2);
    assert.equal(count(svg, '<polyline class="rt-line" data-series="1"'), 1);
    assert.equal(count(svg, 'class="rt-point" data-series="0"'), 4);
    assert.doesNotMatch(svg, /data-series="0" data-index="2"/);
    assert.match(svg, /class="rt-gap-note"/);
  });

  it("writes the y axis in the unit asked for", () => {
    const svg = lineChartSvg({ title: "Rate", xLabels: ["a", "b"], series: [{ label: "s", values: [0.2, 0.9] }], unit: "share" });
    for (const tick of ["0%", "25%", "50%", "75%", "100%"]) assert.ok(svg.includes(`>${tick}</text>`), tick);
    assert.doesNotMatch(svg, /rt-gap-note/);
    assertWellFormed(svg);
  });

  it("steps hours in whole days beyond two days", () => {
    const svg = lineChartSvg({ title: "t", xLabels: ["a", "b"], series: [{ label: "s", values: [5, 50] }], unit: "hours" });
    const ticks = [...svg.matchAll(/<text [^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(ticks, ["0 h", "24 h", "2 d", "3 d"]);
  });

  it("copes with no data at all", () => {
    const svg = lineChartSvg({ title: "Empty", xLabels: [], series: [] });
    assertWellFormed(svg);
    assert.doesNotMatch(svg, /NaN|Infinity/);
  });

  it("names a series with nothing known as withheld in the legend", () => {
    const svg = lineChartSvg({ title: "t", xLabels: ["a", "b"], series: [{ label: "Academia", values: [null, null] }] });
    assert.ok(svg.includes("Academia (&lt;3, withheld)"));
    assert.ok(svg.includes(WITHHELD_NOTE), "the note explains withheld");
    assert.equal(count(svg, "<polyline"), 0);
    assert.equal(count(svg, "<circle"), 0);
  });
});

describe("stackedBarsSvg", () => {
  const chart = () =>
    stackedBarsSvg({
      title: `Severity ${EVIL}`,
      xLabels: ["2026-01", "2026-02", "2026-03"],
      series: [
        { label: "Severity 1", values: [4, null, 0] },
        { label: `Severity ${EVIL}`, values: [5, 6, null] },
      ],
    });

  it("draws one segment per known non-zero value", () => {
    const svg = chart();
    assert.equal(count(svg, 'class="rt-segment"'), 3);
    assert.equal(count(svg, 'class="rt-bar"'), 3);
    assertWellFormed(svg);
    assert.doesNotMatch(svg, /<script/i);
  });

  it("marks a bar with a withheld segment with a hatched '<3' cap, never a zero-height segment", () => {
    const svg = chart();
    assert.equal(count(svg, '<g class="rt-withheld"'), 2);
    assert.doesNotMatch(svg, /class="rt-segment" data-series="0" data-index="1"/);
    assert.doesNotMatch(svg, /class="rt-segment" data-series="1" data-index="2"/);
    assert.doesNotMatch(svg, /height="0"/);
    assert.match(svg, /<g class="rt-withheld" data-index="1"><rect [^>]*fill="url\(#rtc-bars-\w+-hatch\)"/);
    assert.ok(svg.includes(`&lt;3 ${WITHHELD_NOTE}`), "the legend explains withheld");
    // The first bar is complete: its total is written, not a withheld mark.
    assert.match(svg, /class="rt-total">9<\/text>/);
  });

  it("has no withheld legend entry when nothing is withheld", () => {
    const svg = stackedBarsSvg({ title: "t", xLabels: ["a"], series: [{ label: "s", values: [3] }] });
    assert.doesNotMatch(svg, /rt-withheld/);
    assertWellFormed(svg);
  });
});

describe("heatMapSvg", () => {
  const chart = () =>
    heatMapSvg({
      title: "Dependencies",
      rows: ["Energy", `Telecommunications ${EVIL}`],
      columns: ["Energy", "Digital infrastructure", "Finance"],
      cells: [
        [0, 12, null],
        [3, null, 6],
      ],
    });

  it("draws every cell, colours known ones by value and writes the number", () => {
    const svg = chart();
    assert.equal(count(svg, '<g class="rt-cell"'), 4);
    assert.equal(count(svg, '<g class="rt-cell rt-withheld"'), 2);
    assert.match(svg, /fill="#1d4e89">.*?<\/rect><text [^>]*fill="#ffffff">12<\/text>/);
    assertWellFormed(svg);
    assert.doesNotMatch(svg, /<script/i);
  });

  it("hatches a withheld cell and marks it '<3' instead of colouring it as zero", () => {
    const svg = chart();
    const withheld = svg.match(/<g class="rt-cell rt-withheld" data-row="0" data-col="2">.*?<\/g>/)?.[0] ?? "";
    assert.match(withheld, /fill="url\(#rtc-heat-\w+-hatch\)"/);
    assert.match(withheld, />&lt;3<\/text>/);
    assert.ok(withheld.includes(WITHHELD_NOTE));
    assert.ok(svg.includes(`&lt;3 ${WITHHELD_NOTE}`), "the legend explains withheld");
  });

  it("gives different charts different ids for their patterns", () => {
    const a = heatMapSvg({ title: "a", rows: ["r"], columns: ["c"], cells: [[null]] });
    const b = heatMapSvg({ title: "b", rows: ["r"], columns: ["c"], cells: [[null]] });
    const id = (svg: string) => /<pattern id="([^"]+)"/.exec(svg)?.[1];
    assert.notEqual(id(a), id(b));
  });
});
