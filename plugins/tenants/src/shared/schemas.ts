/**
 * @module Input schemas of the tenants API, shared by the server (decoding) and the console.
 * Ranges are checked by the service, so the message names the field in the viewer's language.
 */
import { WholeNumberFromString } from "@wharf/core/schemas"
import { Schema } from "effect"

const Id = Schema.String.pipe(Schema.check(Schema.isMaxLength(100)))
const Amount = Schema.Number

/** The seed's defaults for a new quota (priority 0 is the lowest). */
export const QUOTA_DEFAULTS = {
  priority: 0,
  cpu: 24,
  memory: 102400,
  storage: 102400,
  network: 10240
} as const

/** Upper bounds past which a value is a typo, not a quota. */
export const QUOTA_LIMITS = {
  priority: 1000,
  cpu: 100_000,
  memory: 1024 ** 3,
  storage: 1024 ** 3,
  network: 10_000_000
} as const

export const QuotaValues = Schema.Struct({
  priority: Schema.optional(Amount),
  cpu: Schema.optional(Amount),
  memory: Schema.optional(Amount),
  storage: Schema.optional(Amount),
  network: Schema.optional(Amount)
})
export type QuotaValues = typeof QuotaValues.Type

/** A quota for a user (type `user`, by email) or a group (type `leasee`, by name); the seed's defaults fill gaps. */
export const CreateQuotaInput = Schema.Struct({
  type: Schema.Literals(["user", "leasee"]),
  /** The user's email or the group's name. */
  subject: Schema.String.pipe(Schema.check(Schema.isMaxLength(254))),
  clusterId: Id,
  ...QuotaValues.fields
})
export type CreateQuotaInput = typeof CreateQuotaInput.Type

export const UpdateQuotaInput = Schema.Struct({ id: Id, ...QuotaValues.fields })
export type UpdateQuotaInput = typeof UpdateQuotaInput.Type

export const QuotaIdInput = Schema.Struct({ id: Id })
export const Search = Schema.String.pipe(Schema.check(Schema.isMaxLength(200)))
export const QuotaListQuery = Schema.Struct({
  clusterId: Schema.optional(Id),
  tenant: Schema.optional(Id),
  search: Schema.optional(Search)
})
const PAGE_MAX = 200
const OFFSET_MAX = 1_000_000
/** A page of a cluster's quota summary (tenants matching `search`). */
export const SummaryInput = Schema.Struct({
  clusterId: Id,
  search: Schema.optional(Search),
  limit: Schema.optional(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: PAGE_MAX })))),
  offset: Schema.optional(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: OFFSET_MAX })))
  )
})
/** `GET /quotas/summary/:clusterId?search=&limit=&offset=`. */
export const SummaryQuery = Schema.Struct({
  search: Schema.optional(Search),
  limit: Schema.optional(WholeNumberFromString(1, PAGE_MAX)),
  offset: Schema.optional(WholeNumberFromString(0, OFFSET_MAX))
})
export const TenantsQuery = Schema.Struct({ search: Schema.optional(Search) })
export const TenantInput = Schema.Struct({ tenantId: Id, search: Schema.optional(Search) })
export const MineQuery = Schema.Struct({ search: Schema.optional(Search) })
export const PeerInput = Schema.Struct({ tenantId: Id, peer: Id })
export const HostInput = Schema.Struct({
  clusterId: Id,
  node: Schema.String.pipe(Schema.check(Schema.isMaxLength(253)))
})

export const CheckInput = Schema.Struct({
  tenant: Id,
  clusterId: Id,
  priority: Schema.Number,
  request: Schema.Struct({ cpu: Amount, memory: Amount, storage: Amount, network: Amount })
})
