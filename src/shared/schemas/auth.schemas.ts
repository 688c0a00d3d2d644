// Schemas for sessions, second factor, invitations, first start and API tokens.
import { z } from "zod";
import { ChairSeatSchema, line, MemberStatusSchema, RoleSchema, Timestamp, Uuid } from "./common.js";

export const Email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
/** The shortest password accepted; the web form explains it before sending. */
export const MIN_PASSWORD_LENGTH = 12;
export const Password = z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(256);
export const TotpCode = z.string().regex(/^\d{6}$/, "a 6-digit code");

export const LoginRequest = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
export const TotpRequest = z.strictObject({ code: TotpCode });

/** Where a login stands: fully in, waiting for a TOTP code, or obliged to enrol one first. */
export const SessionStage = z.enum(["complete", "second_factor", "enrolment"]);

export const SessionPerson = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  role: RoleSchema,
  chairSeat: ChairSeatSchema.nullable(),
  status: MemberStatusSchema,
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  acceptedCurrentDocuments: z.boolean(),
});
export type SessionPerson = z.infer<typeof SessionPerson>;

export const SessionResponse = z.object({
  stage: SessionStage,
  csrfToken: z.string(),
  person: SessionPerson,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });

export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organisationName: z.string(),
  role: RoleSchema,
  expiresAt: Timestamp,
});
export const AcceptInvitationRequest = z.strictObject({ password: Password, name: line(120).optional() });

export const BootstrapStatus = z.object({ needsSetup: z.boolean() });
export const BootstrapRequest = z.strictObject({
  token: z.string().min(10).max(200),
  organisationName: line(160),
  name: line(120),
  email: Email,
  password: Password,
});

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateTokenRequest = z.strictObject({
  name: line(80),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export const CreatedToken = z.object({ token: z.string(), apiToken: ApiToken });
