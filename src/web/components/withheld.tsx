// Pooled figures that may be withheld: a null is "<3" (fewer than 3 organisations behind it), never 0 or blank.
import { WITHHELD_MARK, WITHHELD_NOTE } from "../../shared/charts.js";

/** The withheld mark "<3", explained by its title and, for screen readers, in words. */
export function Withheld() {
  return (
    <span className="withheld" title={WITHHELD_NOTE} data-testid="withheld">
      <span aria-hidden="true">{WITHHELD_MARK}</span>
      <span className="visually-hidden">{WITHHELD_NOTE}</span>
    </span>
  );
}

/** A value written by `format` (plain number by default), or the withheld mark when it is null. */
export function Figure({ value, format = String }: { value: number | null; format?: (value: number) => string }) {
  return value === null ? <Withheld /> : format(value);
}

/** The line under a table or chart that explains the withheld mark. */
export function WithheldNote() {
  return (
    <p className="hint withheld-note">
      <Withheld /> means {WITHHELD_NOTE}: the figure is not shown so that no organisation can be singled out.
    </p>
  );
}
