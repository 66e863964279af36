/**
 * @module Why identity refuses something, as codes the console renders in the reader's
 * language; the English templates here also make the server's messages.
 */
import { defineReasons } from "@wharf/core/reason"

export const identityReasons = defineReasons({
  "identity.wrongCredentials": "Wrong email or password",
  "identity.tooManySignIns": "Too many failed sign-ins; try again in {minutes} minutes",
  "identity.noSuchUser": "No such user",
  "identity.noSuchGroup": "No such group",
  "identity.noUserWithEmail": "No user has the email {email}; create the user first",
  "identity.alreadyMember": "{email} is already a member of this group",
  "identity.notMember": "That user is not a member of this group",
  "identity.noSuchToken": "No such API token",
  "identity.wrongCurrentPassword": "the current password is wrong",
  "identity.cannotLockOutSelf": "You cannot disable yourself or remove your own admin role",
  "identity.groupAdminOnly": "Only the group's admins (and platform admins) manage its members"
})

/** The same reasons in Chinese, for the console's zh-CN catalog. */
export const identityReasonsZh = {
  "error.identity.wrongCredentials": "邮箱或密码错误",
  "error.identity.tooManySignIns": "登录失败次数过多，请 {minutes} 分钟后再试",
  "error.identity.noSuchUser": "没有这个用户",
  "error.identity.noSuchGroup": "没有这个用户组",
  "error.identity.noUserWithEmail": "没有邮箱为 {email} 的用户，请先创建该用户",
  "error.identity.alreadyMember": "{email} 已经是该用户组的成员",
  "error.identity.notMember": "该用户不是这个用户组的成员",
  "error.identity.noSuchToken": "没有这个 API 令牌",
  "error.identity.wrongCurrentPassword": "当前密码不正确",
  "error.identity.cannotLockOutSelf": "不能停用自己，也不能去掉自己的管理员角色",
  "error.identity.groupAdminOnly": "只有用户组的管理员（以及平台管理员）可以管理组成员"
} satisfies Record<`error.${keyof typeof identityReasons.templates}`, string>
