/**
 * The audit log records every change once, under the plugin that owns it: a REST change under
 * the plugin whose route answered (not once per mounted plugin), a tRPC mutation under its
 * procedure's path, and input with a lone surrogate or NUL is recorded like any other.
 * Every REST change route of every enabled plugin is called; a refused call records nothing.
 * The row is written in the change's own transaction: when it cannot be written, the change is
 * not made either. Beyond this file, every change any suite makes is checked for its one row
 * (`TestClient`), and a full run fails if a declared change was never made (`audit-coverage.ts`).
 */
import { testBackends } from "@wharf/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { restChangeAction } from "./changes"
import { startTestWharf, type TestClient, type TestWharf } from "./testing"

const [backend] = testBackends()
const LONE = "x\ud800"

describe("the audit log", () => {
  let wharf: TestWharf
  let admin: TestClient
  beforeAll(async () => {
    wharf = await startTestWharf({ backend: backend!, demo: true })
    admin = wharf.client()
    await admin.signIn()
  }, 120_000)
  afterAll(() => wharf?.stop())

  const lastId = async () =>
    Number(
      (
        await wharf.database.pool<
          { id: string }[]
        >`select coalesce(max(id), 0)::text as id from wharf.audit_log`
      )[0]!.id
    )
  const actionsSince = async (id: number) =>
    (
      await wharf.database.pool<{ action: string; detail: unknown }[]>`
        select action, detail from wharf.audit_log where id > ${id} order by id`
    ).map((r) => r.action)

  it("records a REST change once, under its plugin (not once per mounted plugin)", async () => {
    const options = await admin.trpc.helpdesk.tickets.options.query()
    if (!options.ok) throw new Error(options.error.message)
    const before = await lastId()
    const created = await admin.rest("POST", "/tickets", {
      title: "Kafka broker restarts",
      severity: "minor",
      categoryId: options.data.categories[0]!.id,
      description: "broker"
    })
    expect(created).toMatchObject({ status: 201 })
    expect(await actionsSince(before)).toEqual(["helpdesk:POST /tickets"])
  })

  it("records a tRPC mutation once, with its input, also with a lone surrogate", async () => {
    const before = await lastId()
    const created = await admin.trpc.identity.groups.create.mutate({
      name: "audited-once",
      description: LONE
    })
    expect(created.ok).toBe(true)
    const rows = await wharf.database.pool<{ action: string; detail: { description: string } }[]>`
      select action, detail from wharf.audit_log where id > ${before} order by id`
    expect(rows.map((r) => r.action)).toEqual(["identity.groups.create"])
    expect(rows[0]!.detail.description).toBe("x\ufffd")
  })

  describe("when the audit row cannot be written", () => {
    // A trigger stands in for the database refusing the row (a full disk, a broken
    // constraint): whatever the reason, the change must not outlive its record.
    beforeAll(async () => {
      await wharf.database.pool.unsafe(`
        create table public.refused_audit (action text primary key);
        create function public.refuse_audit() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from public.refused_audit where action = new.action) then
            raise exception 'audit refused for %', new.action;
          end if;
          return new;
        end $$;
        create trigger refuse_audit before insert on wharf.audit_log
          for each row execute function public.refuse_audit();`)
    })
    afterAll(async () => {
      await wharf.database.pool.unsafe(`
        drop trigger refuse_audit on wharf.audit_log;
        drop function public.refuse_audit();
        drop table public.refused_audit;`)
    })
    const refuse = (action: string) =>
      wharf.database.pool`insert into public.refused_audit values (${action}) on conflict do nothing`

    it("does not make a tRPC change written by a lone statement", async () => {
      await refuse("identity.groups.create")
      const created = await admin.trpc.identity.groups.create.mutate({ name: "unrecorded", description: "" })
      expect(created.ok).toBe(false)
      const groups = await wharf.database.pool`select 1 from identity.groups where name = 'unrecorded'`
      expect(groups).toHaveLength(0)
    })

    it("does not make a REST change written in a transaction", async () => {
      const options = await admin.trpc.helpdesk.tickets.options.query()
      if (!options.ok) throw new Error(options.error.message)
      await refuse("helpdesk:POST /tickets")
      const created = await admin.rest("POST", "/tickets", {
        title: "Never recorded, never made",
        severity: "minor",
        categoryId: options.data.categories[0]!.id,
        description: "audit refused"
      })
      expect(created.status).toBe(500)
      const tickets = await wharf.database.pool`
        select 1 from helpdesk.tickets where title = 'Never recorded, never made'`
      expect(tickets).toHaveLength(0)
    })

    it("answers a refused change with its own reason, not the audit's", async () => {
      await refuse("identity.groups.create")
      const before = await lastId()
      const taken = await admin.trpc.identity.groups.create.mutate({ name: "audited-once", description: "" })
      expect(taken).toMatchObject({ ok: false, error: { code: "CONFLICT" } })
      expect(await actionsSince(before)).toEqual([])
    })
  })

  it("records each change the console makes over tRPC once, by its path, with valid input", async () => {
    const customer = wharf.client()
    await customer.signIn("li.wei@example.com", "wharf-demo-1")
    const made: string[] = []
    /** One accepted call, and exactly its row since `before`. */
    const expectRecorded = async (path: string, call: () => Promise<{ ok: boolean }>) => {
      const before = await lastId()
      const result = await call()
      expect([path, result.ok]).toEqual([path, true])
      expect(await actionsSince(before)).toEqual([path])
      made.push(path)
    }

    let group = ""
    await expectRecorded("identity.groups.create", async () => {
      const r = await admin.trpc.identity.groups.create.mutate({ name: "audited-group", description: "" })
      if (r.ok) group = r.data.id
      return r
    })
    await expectRecorded("identity.groups.delete", () =>
      admin.trpc.identity.groups.delete.mutate({ id: group })
    )
    await expectRecorded("helpdesk.admin.createCategory", () =>
      admin.trpc.helpdesk.admin.createCategory.mutate({ name: "审计", nameEn: "Audit" })
    )
    await expectRecorded("helpdesk.preferences.set", () =>
      customer.trpc.helpdesk.preferences.set.mutate({ homeCount: 7 })
    )
    const options = await customer.trpc.helpdesk.tickets.options.query()
    let ticket = 0
    await expectRecorded("helpdesk.tickets.create", async () => {
      const r = await customer.trpc.helpdesk.tickets.create.mutate({
        title: "审计日志里的工单",
        severity: "minor",
        categoryId: options.ok ? options.data.categories[0]!.id : "",
        description: "关闭它也应记录一次",
        attachments: []
      })
      if (r.ok) ticket = r.data.number
      return r
    })
    await expectRecorded("helpdesk.tickets.close", () =>
      customer.trpc.helpdesk.tickets.close.mutate({ number: ticket })
    )
    await expectRecorded("manuals.editor.create", () =>
      admin.trpc.manuals.editor.create.mutate({
        product: "TDH",
        version: "9.9",
        title: "TDH 9.9 用户手册",
        publishedAt: "2026-12-01"
      })
    )
    await expectRecorded("manuals.releases.create", () =>
      admin.trpc.manuals.releases.create.mutate({
        title: "TDH 9.9 发布",
        product: "TDH",
        version: "9.9",
        date: "2026-12-01",
        body: "审计记录每一次发布。"
      })
    )
    const services = await admin.trpc.support.services.list.query()
    const service = services.ok ? (services.data as ReadonlyArray<{ id: string }>)[0]! : { id: "" }
    await expectRecorded("support.services.update", () =>
      admin.trpc.support.services.update.mutate({
        id: service.id,
        name: "驻场支持",
        category: "现场",
        description: "工程师到现场处理。",
        priceNote: "按天计费",
        en: null
      })
    )
    expect(made).toHaveLength(9)
  })

  it("writes one row naming the owner for every REST change that succeeds, and none for a refusal", async () => {
    const problems: string[] = []
    for (const plugin of wharf.plugins) {
      for (const op of plugin.routes?.operations ?? []) {
        if (op.method === "get") continue
        const path = op.path.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000")
        const before = await lastId()
        const answer = await admin.rest(op.method.toUpperCase(), path, {
          name: LONE,
          title: LONE,
          body: LONE
        })
        const actions = await actionsSince(before)
        const expected = answer.status < 400 ? [restChangeAction(plugin.id, op.method, op.path)] : []
        if (answer.status >= 500) problems.push(`${op.method} ${op.path} answered ${answer.status}`)
        // A refused change may still be recorded as a refusal by its service; never under another plugin.
        const foreign = actions.filter((a) => a.includes(":") && !a.startsWith(`${plugin.id}:`))
        if (
          foreign.length > 0 ||
          (answer.status < 400 && JSON.stringify(actions) !== JSON.stringify(expected))
        )
          problems.push(`${op.method} ${op.path} (${answer.status}) recorded ${JSON.stringify(actions)}`)
      }
    }
    expect(problems).toEqual([])
  }, 240_000)
})
