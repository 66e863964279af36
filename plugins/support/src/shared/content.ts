/**
 * @module What support covers and how to reach it, from shared/seeds/000 and 001: the
 * scope (free service, documentation guidance, premium services, out of scope) and the
 * channels with their service calendars.
 */
import type { Calendar } from "./hours"

type Text = { readonly "zh-CN": string; readonly en: string }

export interface Channel {
  readonly id: string
  readonly name: Text
  readonly calendar: Calendar
  readonly useCase: Text
  readonly reach: Text
  /** A console path, when the channel is reached inside Wharf. */
  readonly href?: string
  readonly recommended?: boolean
}

export const channels: ReadonlyArray<Channel> = [
  {
    id: "ticket",
    name: { "zh-CN": "工单", en: "Ticket" },
    calendar: "7x24",
    useCase: { "zh-CN": "处理故障", en: "Incidents and problems" },
    reach: { "zh-CN": "在控制台提交工单", en: "Open a ticket in the console" },
    href: "/tickets/new",
    recommended: true
  },
  {
    id: "email",
    name: { "zh-CN": "邮箱", en: "Email" },
    calendar: "7x24",
    useCase: { "zh-CN": "处理故障，合作", en: "Incidents, partnerships" },
    reach: { "zh-CN": "help@wharf.example.com", en: "help@wharf.example.com" }
  },
  {
    id: "chat",
    name: { "zh-CN": "客服群", en: "Chat groups" },
    calendar: "5x8",
    useCase: { "zh-CN": "交流咨询", en: "Questions and advice" },
    reach: {
      "zh-CN": "企业微信群：Wharf 技术支持（群号 128631425）",
      en: "WeCom group “Wharf Support” (128631425)"
    }
  },
  {
    id: "phone",
    name: { "zh-CN": "电话", en: "Phone" },
    calendar: "7x8",
    useCase: { "zh-CN": "售前或紧急故障", en: "Pre-sales or urgent incidents" },
    reach: { "zh-CN": "0731-8957 2759", en: "+86 731 8957 2759" }
  }
]

export interface ScopeSection {
  readonly id: "free" | "docs" | "premium" | "out"
  readonly title: Text
  readonly items: ReadonlyArray<Text>
}

export const scope: ReadonlyArray<ScopeSection> = [
  {
    id: "free",
    title: { "zh-CN": "免费人工服务", en: "Free support" },
    items: [
      {
        "zh-CN": "安装部署、配置和运维相关的技术问题",
        en: "Installation, configuration and operations questions"
      },
      {
        "zh-CN": "产品故障的排查与处理（通过工单，7×24）",
        en: "Troubleshooting product failures (by ticket, 7×24)"
      },
      {
        "zh-CN": "知识库、用户手册与发布声明的自助查询",
        en: "Self-service: knowledge base, manuals and release notes"
      }
    ]
  },
  {
    id: "docs",
    title: { "zh-CN": "文档指导服务", en: "Documentation guidance" },
    items: [
      { "zh-CN": "客户根据文档方案自行配置", en: "You configure by following the documented procedure" },
      {
        "zh-CN": "发现文档有问题或不完善时，欢迎提出优化建议",
        en: "Tell us when a document is wrong or incomplete: we improve it"
      }
    ]
  },
  {
    id: "premium",
    title: { "zh-CN": "高级服务（按需付费）", en: "Premium services (pay per use)" },
    items: [
      {
        "zh-CN": "覆盖从购买、配置、使用、运维到终止的整个生命周期，共近 30 项",
        en: "About 30 services across the whole lifecycle: purchase, configuration, use, operations, retirement"
      },
      {
        "zh-CN": "未在免费服务范围内、需要一对一人工服务的内容，请购买高级服务",
        en: "One-to-one help beyond the free scope is a premium service"
      }
    ]
  },
  {
    id: "out",
    title: { "zh-CN": "不在支持范围内", en: "Out of scope" },
    items: [
      {
        "zh-CN": "软件的业务功能使用（如 SQL 编写、报表设计）",
        en: "Using the software for your business (writing SQL, designing reports)"
      },
      {
        "zh-CN": "第三方软件与自研应用的开发调试",
        en: "Developing and debugging third-party or in-house applications"
      }
    ]
  }
]
