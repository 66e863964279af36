/**
 * @module Identity's input schemas, shared by the server (decoding) and the console.
 */
import { Email, Uuid } from "@wharf/core/schemas"
import { Schema } from "effect"

export { Email }
export const Password = Schema.String.pipe(
  Schema.check(
    Schema.isMinLength(8, { message: "must be at least 8 characters" }),
    Schema.isMaxLength(200, { message: "must be at most 200 characters" })
  )
)
export const DisplayName = Schema.String.pipe(
  Schema.check(
    Schema.isMinLength(1, { message: "must not be empty" }),
    Schema.isMaxLength(100, { message: "must be at most 100 characters" })
  )
)
export const Locale = Schema.Literals(["zh-CN", "en"])
export const Role = Schema.Literals(["admin", "agent", "user"])
export const GroupRole = Schema.Literals(["member", "admin"])
/** A row's id (a UUID). */
export const Id = Uuid
export const GroupName = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, {
      message:
        "must be 1–40 lowercase letters, digits or dashes, starting and ending with a letter or digit (it names the group's namespace)"
    })
  )
)
export const Page = {
  search: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(200)))),
  limit: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 200 }))),
  offset: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
}

export const SignInInput = Schema.Struct({
  email: Email,
  password: Schema.String.pipe(Schema.check(Schema.isMaxLength(200)))
})
export const SetLocaleInput = Schema.Struct({ locale: Locale })
export const UpdateProfileInput = Schema.Struct({ name: DisplayName })
export const ChangePasswordInput = Schema.Struct({
  currentPassword: Schema.String,
  newPassword: Password,
  /** Also revoke every API token (other sessions end in any case). */
  revokeTokens: Schema.optional(Schema.Boolean)
})
export const CreateTokenInput = Schema.Struct({ name: DisplayName })
export const IdInput = Schema.Struct({ id: Id })
export const ListInput = Schema.Struct(Page)
export const CreateUserInput = Schema.Struct({
  email: Email,
  name: DisplayName,
  password: Password,
  roles: Schema.Array(Role).pipe(Schema.check(Schema.isMinLength(1, { message: "give at least one role" }))),
  locale: Schema.optional(Locale)
})
export const UpdateUserInput = Schema.Struct({
  id: Id,
  name: Schema.optional(DisplayName),
  roles: Schema.optional(
    Schema.Array(Role).pipe(Schema.check(Schema.isMinLength(1, { message: "give at least one role" })))
  ),
  disabled: Schema.optional(Schema.Boolean)
})
export const CreateGroupInput = Schema.Struct({
  name: GroupName,
  description: Schema.String.pipe(Schema.check(Schema.isMaxLength(500)))
})
export const UpdateGroupInput = Schema.Struct({
  id: Id,
  name: Schema.optional(GroupName),
  description: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(500))))
})
export const GroupIdInput = Schema.Struct({ groupId: Id })
/** A name or email, or part of one, to find people to add to a group. */
export const LookupInput = Schema.Struct({
  groupId: Id,
  search: Schema.String.pipe(
    Schema.check(
      Schema.isMaxLength(100, { message: "must be at most 100 characters" }),
      Schema.makeFilter((s: string) =>
        s.trim().length >= 2 ? undefined : "type at least 2 characters of a name or email"
      )
    )
  )
})
export const AddMemberInput = Schema.Struct({ groupId: Id, email: Email, role: GroupRole })
export const MemberInput = Schema.Struct({ groupId: Id, userId: Id })
export const SetMemberRoleInput = Schema.Struct({ groupId: Id, userId: Id, role: GroupRole })
