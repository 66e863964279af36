/**
 * @module Identity's tRPC procedures: session, profile, API tokens, and the admin's
 * users and groups. Each decodes its input and calls one service function.
 */

import {
  adminProcedure,
  authedProcedure,
  Forbidden,
  input,
  publicProcedure,
  requireViewer,
  router,
  WharfConfig
} from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"
import {
  AddMemberInput,
  ChangePasswordInput,
  CreateGroupInput,
  CreateTokenInput,
  CreateUserInput,
  GroupIdInput,
  IdInput,
  ListInput,
  LookupInput,
  MemberInput,
  SetLocaleInput,
  SetMemberRoleInput,
  SignInInput,
  UpdateGroupInput,
  UpdateProfileInput,
  UpdateUserInput
} from "../shared/schemas"
import type { SessionInfo } from "../shared/types"
import { createUser, listUsers, setLocale, updateUser } from "./accounts"
import { clearedCookies, sessionCookieOf, sessionCookies } from "./cookies"
import {
  addMember,
  createGroup,
  deleteGroup,
  listGroups,
  listMembers,
  lookupCandidates,
  removeMember,
  requireGroupManager,
  setMemberRole,
  updateGroup
} from "./groups"
import { changePassword, updateProfile } from "./profile"
import { signIn, signOut } from "./sessions"
import { createToken, listTokens, revokeToken } from "./tokens"

const infoOf = (
  viewer: {
    id: string
    email: string
    name: string
    locale: "zh-CN" | "en"
    roles: ReadonlyArray<"admin" | "agent" | "user">
    groups: SessionInfo["groups"]
  },
  csrfToken: string
): SessionInfo => ({
  user: { id: viewer.id, email: viewer.email, name: viewer.name, locale: viewer.locale, roles: viewer.roles },
  groups: viewer.groups,
  csrfToken
})

const session = router({
  me: publicProcedure.query(({ ctx }): SessionInfo | null =>
    ctx.viewer && ctx.auth?.via === "session" ? infoOf(ctx.viewer, ctx.auth.csrfToken ?? "") : null
  ),
  signIn: publicProcedure.input(input(SignInInput)).mutation(async ({ ctx, input }) => {
    const { viewer, session, secure } = await ctx.run(
      Effect.gen(function* () {
        const config = yield* WharfConfig
        const result = yield* signIn({
          ...input,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          previousCookie: sessionCookieOf(ctx.cookie)
        })
        return { ...result, secure: config.secureCookies }
      })
    )
    for (const c of sessionCookies(session, secure)) ctx.resHeaders.append("Set-Cookie", c)
    return infoOf(viewer, session.csrfToken)
  }),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const secure = await ctx.run(
      Effect.gen(function* () {
        yield* signOut(sessionCookieOf(ctx.cookie))
        return (yield* WharfConfig).secureCookies
      })
    )
    for (const c of clearedCookies(secure)) ctx.resHeaders.append("Set-Cookie", c)
    return { ok: true as const }
  })
})

const profile = router({
  setLocale: authedProcedure
    .input(input(SetLocaleInput))
    .mutation(({ ctx, input }) =>
      ctx.run(Effect.as(setLocale(ctx.viewer.id, input.locale), { ok: true as const }))
    ),
  update: authedProcedure
    .input(input(UpdateProfileInput))
    .mutation(({ ctx, input }) =>
      ctx.run(Effect.as(updateProfile(ctx.viewer.id, input.name), { ok: true as const }))
    ),
  changePassword: authedProcedure
    .input(input(ChangePasswordInput))
    .mutation(({ ctx, input }) =>
      ctx.run(
        changePassword(ctx.viewer.id, input, { ip: ctx.ip, sessionCookie: sessionCookieOf(ctx.cookie) })
      )
    )
})

const tokens = router({
  list: authedProcedure.query(({ ctx }) => ctx.run(listTokens(ctx.viewer.id))),
  create: authedProcedure
    .input(input(CreateTokenInput))
    .mutation(({ ctx, input }) => ctx.run(createToken(ctx.viewer.id, input.name))),
  revoke: authedProcedure
    .input(input(IdInput))
    .mutation(({ ctx, input }) =>
      ctx.run(Effect.as(revokeToken(ctx.viewer.id, input.id), { ok: true as const }))
    )
})

const users = router({
  list: adminProcedure.input(input(ListInput)).query(({ ctx, input }) => ctx.run(listUsers(input))),
  create: adminProcedure
    .input(input(CreateUserInput))
    .mutation(({ ctx, input }) => ctx.run(createUser(input))),
  update: adminProcedure.input(input(UpdateUserInput)).mutation(({ ctx, input }) =>
    ctx.run(
      Effect.gen(function* () {
        const me = yield* requireViewer
        // Locking oneself out of the admin role would leave nobody to undo it.
        if (input.id === me.id && (input.disabled || (input.roles && !input.roles.includes("admin")))) {
          return yield* new Forbidden(identityReasons.because("identity.cannotLockOutSelf"))
        }
        return yield* updateUser(input)
      })
    )
  )
})

/** `effect`, if the viewer manages `groupId`'s members. */
const managing = <A, E, R>(groupId: string, effect: Effect.Effect<A, E, R>) =>
  Effect.andThen(requireGroupManager(groupId), effect)

const groups = router({
  list: adminProcedure.input(input(ListInput)).query(({ ctx, input }) => ctx.run(listGroups(input))),
  create: adminProcedure
    .input(input(CreateGroupInput))
    .mutation(({ ctx, input }) => ctx.run(createGroup(input))),
  update: adminProcedure
    .input(input(UpdateGroupInput))
    .mutation(({ ctx, input }) => ctx.run(updateGroup(input))),
  delete: adminProcedure
    .input(input(IdInput))
    .mutation(({ ctx, input }) => ctx.run(Effect.as(deleteGroup(input.id), { ok: true as const }))),
  // A group's admins manage its members, with the platform admins.
  members: authedProcedure
    .input(input(GroupIdInput))
    .query(({ ctx, input }) => ctx.run(managing(input.groupId, listMembers(input.groupId)))),
  lookup: authedProcedure
    .input(input(LookupInput))
    .query(({ ctx, input }) =>
      ctx.run(managing(input.groupId, lookupCandidates(input.groupId, input.search)))
    ),
  addMember: authedProcedure
    .input(input(AddMemberInput))
    .mutation(({ ctx, input }) => ctx.run(managing(input.groupId, addMember(input)))),
  removeMember: authedProcedure
    .input(input(MemberInput))
    .mutation(({ ctx, input }) =>
      ctx.run(
        managing(input.groupId, Effect.as(removeMember(input.groupId, input.userId), { ok: true as const }))
      )
    ),
  setMemberRole: authedProcedure
    .input(input(SetMemberRoleInput))
    .mutation(({ ctx, input }) =>
      ctx.run(
        managing(
          input.groupId,
          Effect.as(setMemberRole(input.groupId, input.userId, input.role), { ok: true as const })
        )
      )
    )
})

export const identityRouter = router({ session, profile, tokens, users, groups })
export type IdentityRouter = typeof identityRouter
