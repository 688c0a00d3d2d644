// The sector-level Inoperability Input-Output Model: coefficients the secretariat maintains, and
// q = (I − A)⁻¹ c* for a perturbation, for strategic discussion (no member's content involved).
import { AppError } from "../../shared/errors.js";
import { solveIim, validateIim } from "../../shared/iim.js";
import { SECTORS } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/interdependencies.repository.js";
import { requireAcceptedDocuments } from "./items.service.js";

async function current(deps: Deps, viewer: Viewer) {
  const row = await deps.db.asViewer(viewer.personId, (trx) => repo.iimCoefficients(trx));
  if (row) return { sectors: row.sectors, coefficients: row.coefficients, updatedAt: row.updated_at.toISOString() };
  return { sectors: [...SECTORS], coefficients: SECTORS.map(() => SECTORS.map(() => 0)), updatedAt: null };
}

/** The coefficients in force (zeros until the secretariat sets them). */
export async function getCoefficients(deps: Deps, viewer: Viewer) {
  return current(deps, viewer);
}

/** Replaces the coefficients (secretariat). */
export async function setCoefficients(deps: Deps, viewer: Viewer, input: { sectors: string[]; coefficients: number[][] }) {
  if (viewer.role !== "secretariat") throw new AppError("forbidden", "The secretariat maintains the sector coefficients.");
  const problem = validateIim({ sectors: input.sectors, coefficients: input.coefficients, perturbation: {} });
  if (problem) throw new AppError("validation_failed", problem, { path: "coefficients" });
  await deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    await repo.saveIimCoefficients(trx, { ...input, updated_by: viewer.personId, updated_at: deps.clock() });
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "admin",
      action: "iim.coefficients_set",
      details: { sectors: input.sectors.length },
    });
  });
  return current(deps, viewer);
}

/** Solves the model for a perturbation c* (sector → 0…1). */
export async function solve(deps: Deps, viewer: Viewer, perturbation: Record<string, number>) {
  const { sectors, coefficients } = await current(deps, viewer);
  const input = { sectors, coefficients, perturbation };
  const problem = validateIim(input);
  if (problem) throw new AppError("validation_failed", problem, { path: "perturbation" });
  // Column sums below 1 keep I − A invertible and q ≥ 0, not q ≤ 1: a sector can be pushed past full
  // inoperability by the model's arithmetic; it is shown as fully inoperable (1).
  const { inoperability } = solveIim(input);
  return { inoperability: inoperability.map((r) => ({ sector: r.sector, q: Math.min(1, r.q) })) };
}
