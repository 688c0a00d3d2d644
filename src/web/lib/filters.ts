// Feed and search filters ↔ URL query string, each value checked with the shared ItemFilters schema.
import { ItemFilters as ItemFiltersSchema } from "../../shared/schemas/items.schemas.js";
import type { ItemFilters } from "../data/types.js";
import { formatDay, itemStatusName, kindName, sectorName } from "./format.js";

/** Every filter key, in the order they appear in URLs. */
export const FILTER_KEYS = ["q", "kind", "sector", "tlp", "minTlp", "organisation", "status", "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Reads the valid filters from a query string ("?kind=incident&…"); invalid values are dropped. */
export function filtersFromQuery(search: string): ItemFilters {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const parsed = ItemFiltersSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as ItemFilters;
}

/** Writes filters as a query string with a leading "?" (or "" when there are none). */
export function filtersToQuery(filters: ItemFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Filters with one key changed (undefined or "" removes it). */
export function withFilter(filters: ItemFilters, key: FilterKey, value: string | undefined): ItemFilters {
  const next: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = k === key ? value : filters[k];
    if (v) next[k] = v;
  }
  return next as ItemFilters;
}

/** True when at least one filter (other than those in `ignore`) is set. */
export function hasFilters(filters: ItemFilters, ignore: readonly FilterKey[] = []): boolean {
  return FILTER_KEYS.some((key) => !ignore.includes(key) && Boolean(filters[key]));
}

/** A stable text form of the filters, for effect dependencies and comparisons. */
export function filtersKey(filters: ItemFilters): string {
  return filtersToQuery(filters);
}

/** The filters as short readable phrases ("Kind: Incident", "Label TLP:AMBER or above"). */
export function describeFilters(filters: ItemFilters, organisationName?: (id: string) => string | undefined): string[] {
  const parts: string[] = [];
  if (filters.q) parts.push(`“${filters.q}”`);
  if (filters.kind) parts.push(`Kind: ${kindName(filters.kind)}`);
  if (filters.sector) parts.push(`Sector: ${sectorName(filters.sector)}`);
  if (filters.tlp) parts.push(`Label: ${filters.tlp}`);
  if (filters.minTlp) parts.push(`Label ${filters.minTlp} or above`);
  if (filters.organisation) parts.push(`Organisation: ${organisationName?.(filters.organisation) ?? "one organisation"}`);
  if (filters.status) parts.push(`Status: ${itemStatusName(filters.status)}`);
  if (filters.from) parts.push(`From ${formatDay(filters.from)}`);
  if (filters.to) parts.push(`To ${formatDay(filters.to)}`);
  return parts;
}
