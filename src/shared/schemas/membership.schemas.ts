// Schemas for organisations, persons, chairs, working groups and offboarding.
import { z } from "zod";
import { Email } from "./auth.schemas.js";
import {
  ChairSeatSchema,
  line,
  MemberStatusSchema,
  OrganisationKindSchema,
  RoleSchema,
  SectorSchema,
  Timestamp,
  Uuid,
} from "./common.js";

export const Organisation = z.object({
  id: Uuid,
  name: z.string(),
  kind: OrganisationKindSchema,
  sectors: z.array(SectorSchema),
  status: MemberStatusSchema,
  isSecretariat: z.boolean(),
  createdAt: Timestamp,
  /** Who is told when the organisation has not acknowledged a warning in time. */
  escalationPersonId: Uuid.nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

export const InviteOrganisationRequest = z.strictObject({
  name: line(160),
  kind: OrganisationKindSchema,
  sectors: z.array(SectorSchema).min(1).max(9),
});

export const Person = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  role: RoleSchema,
  chairSeat: ChairSeatSchema.nullable(),
  status: MemberStatusSchema,
  totpEnabled: z.boolean(),
  createdAt: Timestamp,
});
export type Person = z.infer<typeof Person>;

export const InvitePersonRequest = z.strictObject({
  email: Email,
  name: line(120),
  organisationId: Uuid,
  secretariat: z.boolean().default(false),
});
export const InvitePersonResponse = z.object({ person: Person, invitationUrl: z.string(), mailed: z.boolean() });

export const OffboardRequest = z.strictObject({
  confirmation: z.string().trim().min(10, "record how the destruction of received information was confirmed").max(2000),
});

export const AppointChairRequest = z.strictObject({ seat: ChairSeatSchema });

export const WorkingGroup = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  persons: z.array(Uuid),
  organisations: z.array(Uuid),
});
export type WorkingGroup = z.infer<typeof WorkingGroup>;
export const WorkingGroupRequest = z.strictObject({
  name: line(120),
  description: z.string().max(2000).default(""),
  persons: z.array(Uuid).max(500).default([]),
  organisations: z.array(Uuid).max(200).default([]),
});
