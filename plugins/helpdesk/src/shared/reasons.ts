/**
 * @module Why the helpdesk refuses something, as codes the console renders in the
 * reader's language; the English templates here also make the server's messages.
 */
import { defineReasons } from "@wharf/core/reason"

export const helpdeskReasons = defineReasons({
  "helpdesk.ticketClosed": "This ticket is closed; open a new ticket to follow up",
  "helpdesk.noSolutionYet": "Support has not proposed a solution to confirm yet",
  "helpdesk.notAwaitingConfirmation": "Only a ticket awaiting confirmation can be marked not solved",
  "helpdesk.onlyAwaitingConfirmationAutoCloses": "Only tickets awaiting confirmation close by themselves",
  "helpdesk.supportOnlyNote": "Only support can write internal notes or propose solutions",
  "helpdesk.customerOnlyConfirm": "Only the customer confirms a solution or says it is not solved",
  "helpdesk.supportRole": "This needs the agent or admin role",
  "helpdesk.assignToAgents": "Tickets can only be assigned to agents or admins",
  "helpdesk.noSuchAttachment": "There is no such attachment on this ticket",
  "helpdesk.customerOnlyRates": "Only the customer rates a ticket",
  "helpdesk.rateWhenClosed": "A ticket can be rated once it is closed",
  "helpdesk.attachmentsNeedCredential": "attachments need the credential they were uploaded with",
  "helpdesk.badTicketNumber": "must be a ticket number, like 10023",
  "helpdesk.noSuchTicket": "There is no ticket #{number}",
  "helpdesk.noSuchCategory": "There is no such category",
  "helpdesk.noSuchCalendar": "There is no such service calendar",
  "helpdesk.badTimeZone": "must be an IANA time zone, like Asia/Shanghai",
  "helpdesk.tooManyGuestTickets":
    "Too many tickets were filed from your network without an account; try again in {minutes} minutes, or sign in",
  "helpdesk.tooManyGuestTicketsForAddress":
    "Too many tickets were filed for this email address; try again in {minutes} minutes",
  "helpdesk.confirmGuestAddress":
    "A link was already mailed to {email}: open it to confirm the address, then file more tickets (or reply through it). Without that, the next mail can go in {hours} hours"
})

/** The same reasons in Chinese, for the console's zh-CN catalog. */
export const helpdeskReasonsZh = {
  "error.helpdesk.ticketClosed": "工单已关闭；如需跟进，请创建新工单",
  "error.helpdesk.noSolutionYet": "技术支持还没有提出需要确认的解决方案",
  "error.helpdesk.notAwaitingConfirmation": "只有待确认的工单才能标记为“问题未解决”",
  "error.helpdesk.onlyAwaitingConfirmationAutoCloses": "只有待确认的工单会自动关闭",
  "error.helpdesk.supportOnlyNote": "只有技术支持可以写内部备注或提出解决方案",
  "error.helpdesk.customerOnlyConfirm": "只有客户可以确认问题是否已解决",
  "error.helpdesk.supportRole": "需要客服或管理员角色",
  "error.helpdesk.assignToAgents": "工单只能分配给客服或管理员",
  "error.helpdesk.noSuchAttachment": "这个工单没有该附件",
  "error.helpdesk.customerOnlyRates": "只有客户可以评价工单",
  "error.helpdesk.rateWhenClosed": "工单关闭后才能评价",
  "error.helpdesk.attachmentsNeedCredential": "附件必须使用上传时的凭据提交",
  "error.helpdesk.badTicketNumber": "请输入工单号，例如 10023",
  "error.helpdesk.noSuchTicket": "没有工单 #{number}",
  "error.helpdesk.noSuchCategory": "没有这个问题分类",
  "error.helpdesk.noSuchCalendar": "没有这个服务日历",
  "error.helpdesk.badTimeZone": "请输入 IANA 时区名称，例如 Asia/Shanghai",
  "error.helpdesk.tooManyGuestTickets":
    "从你的网络免登录提交的工单过多；请 {minutes} 分钟后再试，或登录后提交",
  "error.helpdesk.tooManyGuestTicketsForAddress": "为这个邮箱提交的工单过多；请 {minutes} 分钟后再试",
  "error.helpdesk.confirmGuestAddress":
    "已向 {email} 发送过链接：请先打开邮件中的链接确认邮箱，再提交更多工单（也可以通过该链接回复）。未确认时，{hours} 小时后才能再发送邮件"
} satisfies Record<`error.${keyof typeof helpdeskReasons.templates}`, string>

export type HelpdeskReason = keyof typeof helpdeskReasons.templates
