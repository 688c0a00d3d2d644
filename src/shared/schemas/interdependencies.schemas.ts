// Schemas for services, their dependencies, cascade simulation and the sector-level IIM.
import { z } from "zod";
import { DEPENDENCY_TYPES } from "../cascade.js";
import { AudienceSchema, line, SectorSchema, Timestamp, TlpLabelSchema, Uuid } from "./common.js";
import { NamedRef } from "./items.schemas.js";

export const DependencyTypeSchema = z.enum(DEPENDENCY_TYPES);

export const CreateServiceRequest = z.strictObject({
  name: line(200),
  description: z.string().trim().max(5000).default(""),
  sector: SectorSchema,
  region: line(100),
  tlp: TlpLabelSchema.default("TLP:AMBER"),
  audience: AudienceSchema.default({ exchange: true, organisations: [], groups: [], persons: [] }),
});

export const Service = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  sector: SectorSchema,
  region: z.string(),
  tlp: TlpLabelSchema,
  organisation: NamedRef,
  own: z.boolean(),
});
export type Service = z.infer<typeof Service>;

export const CreateDependencyRequest = z.strictObject({
  /** Your organisation's service that needs the input. */
  dependentId: Uuid,
  /** The service it depends on: yours or another organisation's that you can see. */
  providerId: Uuid,
  type: DependencyTypeSchema,
  bufferHours: z.number().min(0).max(8760),
  delayHours: z.number().min(0).max(8760).default(0),
  degradation: z.enum(["partial", "total"]),
});

export const Dependency = z.object({
  id: Uuid,
  dependentId: Uuid,
  providerId: Uuid,
  type: DependencyTypeSchema,
  bufferHours: z.number(),
  delayHours: z.number(),
  degradation: z.enum(["partial", "total"]),
});

export const ServiceGraph = z.object({ services: z.array(Service), dependencies: z.array(Dependency) });

const InitialEventSchema = z.strictObject({
  serviceId: Uuid,
  level: z.union([z.literal(1), z.literal(2)]).default(2),
  startHours: z.number().min(0).max(8760).default(0),
  durationHours: z.number().min(0).max(8760),
});

export const SimulateRequest = z
  .strictObject({
    initial: z.array(InitialEventSchema).max(100).default([]),
    /** Start from an incident's affected services (matched by name among the services you can see). */
    incidentId: Uuid.optional(),
    horizonHours: z.number().min(1).max(8760).default(168),
  })
  .refine((r) => r.initial.length > 0 || r.incidentId !== undefined, {
    message: "Name the failed services or an incident.",
    path: ["initial"],
  });

/** What a viewer sees of a simulation: services they may see by name; the rest as sector aggregates. */
export const SimulationResult = z.object({
  horizonHours: z.number(),
  services: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      sector: SectorSchema,
      organisation: NamedRef,
      worst: z.number().int(),
      firstAtHours: z.number(),
      restoredAtHours: z.number().nullable(),
      commonCause: z.boolean(),
    }),
  ),
  hidden: z.array(
    z.object({ sector: z.string(), degraded: z.number().int(), failed: z.number().int(), firstAtHours: z.number() }),
  ),
  timeline: z.array(
    z.object({
      atHours: z.number(),
      level: z.number().int(),
      cause: z.enum(["initial", "dependency", "restored"]),
      /** A service you may see, or null for a hidden one (then only its sector). */
      serviceId: Uuid.nullable(),
      sector: z.string(),
    }),
  ),
  edges: z.array(Dependency),
  sectorsTouched: z.array(z.string()),
  organisationsTouched: z.number().int(),
  unrestoredAtHorizon: z.number().int(),
  /** The most restrictive label among what the result names: a saved analysis is at least this. */
  minimumLabel: TlpLabelSchema,
});
export type SimulationResult = z.infer<typeof SimulationResult>;

export const SaveAnalysisRequest = z.strictObject({
  simulation: SimulateRequest,
  title: line(300),
  tlp: TlpLabelSchema,
  audience: AudienceSchema,
});

export const IimCoefficients = z.object({
  sectors: z.array(z.string()),
  /** coefficients[i][j]: inoperability of sector i per unit inoperability of sector j. */
  coefficients: z.array(z.array(z.number())),
  updatedAt: Timestamp.nullable(),
});
/** A square matrix over `sectors`, zero diagonal, every column summing below 1 (so q stays in 0…1). */
export const SetIimCoefficientsRequest = z.strictObject({
  sectors: z.array(SectorSchema).min(1).max(9),
  coefficients: z
    .array(z.array(z.number().min(0).max(1)))
    .min(1)
    .max(9),
});
export const IimSolveRequest = z.strictObject({ perturbation: z.record(z.string(), z.number().min(0).max(1)) });
export const IimSolution = z.object({ inoperability: z.array(z.object({ sector: z.string(), q: z.number() })) });
