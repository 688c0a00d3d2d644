// Loads the organisations, working groups and persons that audience pickers offer.

import type { Directory } from "../components/audience-picker.js";
import { membershipApi } from "../data/endpoints.js";
import { type ApiState, useApi } from "./use-api.js";

/** The exchange's directory for choosing recipients, loaded in parallel. */
export function useDirectory(): ApiState<Directory> {
  return useApi<Directory>(async (signal) => {
    const [organisations, groups, persons] = await Promise.all([
      membershipApi.organisations({ signal }),
      membershipApi.groups({ signal }),
      membershipApi.persons({ signal }),
    ]);
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
    return {
      organisations: [...organisations.organisations].sort(byName),
      groups: [...groups.groups].sort(byName),
      persons: [...persons.persons].sort(byName),
    };
  }, []);
}
