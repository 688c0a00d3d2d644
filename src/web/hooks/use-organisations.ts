// Loads the exchange's organisations (for the organisation filter), sorted by name.
import { membershipApi } from "../data/endpoints.js";
import type { Organisation } from "../data/types.js";
import { type ApiState, useApi } from "./use-api.js";

/** The organisations of the exchange, by name. */
export function useOrganisations(): ApiState<Organisation[]> {
  return useApi(async (signal) => {
    const { organisations } = await membershipApi.organisations({ signal });
    return [...organisations].sort((a, b) => a.name.localeCompare(b.name));
  }, []);
}
