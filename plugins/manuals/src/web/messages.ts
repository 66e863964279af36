import type { Messages } from "@wharf/core/web"

export const messages: Messages = {
  "zh-CN": {
    "manuals.nav.releases": "发布声明",
    "manuals.card": "用户手册",
    "manuals.latest": "最新",
    "manuals.version": "版本",
    "manuals.toc": "目录",
    "manuals.search": "在手册中搜索",
    "manuals.noHits": "手册中没有找到相关内容",
    "manuals.notInVersion": "（此版本无该页）",
    "manuals.releases.title": "发布声明",
    "manuals.releases.subtitle": "各产品版本的发布说明，最新的在最前",
    "manuals.releases.feed": "Atom 订阅",
    "manuals.releases.empty": "还没有发布声明",
    "manuals.releases.widget": "最新发布声明",
    "manuals.releases.all": "查看全部"
  },
  en: {
    "manuals.nav.releases": "Release notes",
    "manuals.card": "User manuals",
    "manuals.latest": "Latest",
    "manuals.version": "Version",
    "manuals.toc": "Contents",
    "manuals.search": "Search the manual",
    "manuals.noHits": "Nothing in the manuals matches",
    "manuals.notInVersion": "(no such page in this version)",
    "manuals.releases.title": "Release announcements",
    "manuals.releases.subtitle": "What changed in each product version, newest first",
    "manuals.releases.feed": "Atom feed",
    "manuals.releases.empty": "No release announcements yet",
    "manuals.releases.widget": "Latest releases",
    "manuals.releases.all": "See all"
  }
}
