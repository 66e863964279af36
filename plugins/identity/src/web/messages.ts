/** @module Identity's console texts. */
export const messages = {
  "zh-CN": {
    "identity.nav.users": "用户",
    "identity.nav.groups": "用户组"
  },
  en: {
    "identity.nav.users": "Users",
    "identity.nav.groups": "Groups"
  }
}
