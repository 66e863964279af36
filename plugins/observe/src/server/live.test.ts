import { eventReader, type StreamEvent } from "@wharf/server/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { LogLine } from "../shared"
import {
  browserHeaders,
  DAVID_NS,
  type Harness,
  LI_NS,
  openTerminal,
  runningPod,
  startHarness,
  startReplica,
  waitFor
} from "./testing/harness"

/** Reads Server-Sent Events from `res` until `done` says so (or the stream ends). */
const readEvents = async (res: Response, done: (events: ReadonlyArray<StreamEvent>) => boolean) => {
  const reader = eventReader(res)
  const events = await reader.until(done)
  await reader.cancel()
  return events
}
const linesOf = (events: ReadonlyArray<StreamEvent>) =>
  events.flatMap((e) => (e.event === "lines" ? (e.data as { lines: LogLine[] }).lines : []))

describe("a pod's terminal and logs through Wharf", () => {
  let h: Harness
  const q = (namespace: string, pod: string, extra: Record<string, string> = {}) => ({
    cluster: h.cluster.id,
    namespace,
    pod,
    ...extra
  })

  beforeAll(async () => {
    h = await startHarness()
    await runningPod(h, LI_NS, "web-1", [
      { name: "app", image: "busybox:1.36" },
      { name: "sidecar", image: "envoy:1.31" }
    ])
    await runningPod(h, DAVID_NS, "db-1")
    await runningPod(h, "platform-tools", "tool-1")
    // Five plugins' migrations and three pods: a minute and more when the machine is busy.
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it("runs a shell in the chosen container: echo, a resize, an exit code, and audits the session", async () => {
    const li = await h.signedIn("li.wei@example.com")
    const opened = await openTerminal(
      h,
      browserHeaders(h, li),
      q(LI_NS, "web-1", { container: "sidecar", cols: "100", rows: "30" })
    )
    if (!opened.ok) throw new Error(`refused: ${opened.status} ${opened.body}`)
    const t = opened.terminal
    expect(await t.message("ready")).toMatchObject({ container: "sidecar", shell: "sh" })
    await t.until(/\/ # $/)
    t.type("echo hello\r")
    await t.until(/\r\nhello\r\n/)
    t.resize(132, 40)
    let from = t.output.length
    t.type("echo $COLUMNS $LINES\r")
    await t.until(/132 40/, from)
    from = t.output.length
    t.type("cat /app/config.yaml\r")
    await t.until(/container: sidecar/, from)
    t.type("exit 3\r")
    expect(await t.message("exit")).toMatchObject({ code: 3 })
    // A loaded machine may take seconds to close the socket and write the audit rows.
    await waitFor(async () => t.closeCode !== undefined, 20_000, "the socket closed")

    const rows = await waitFor(
      async () => {
        const r = await h.wharf.database.pool<
          { action: string; actor_email: string; target: string; detail: any }[]
        >`
        select action, actor_email, target, detail from wharf.audit_log where action like 'observe.terminal%' order by id`
        return r.length >= 2 ? r : undefined
      },
      20_000,
      "the audit entries"
    )
    expect(rows.map((r) => r.action)).toEqual(["observe.terminal.open", "observe.terminal.session"])
    expect(rows[1]).toMatchObject({
      actor_email: "li.wei@example.com",
      target: `${h.cluster.id}/${LI_NS}/web-1/sidecar`,
      detail: {
        pod: "web-1",
        container: "sidecar",
        reason: "exit 3",
        startedAt: expect.any(String),
        endedAt: expect.any(String)
      }
    })
  }, 60_000)

  it("refuses another tenant's pod, a namespace of no tenant, no session and a foreign page", async () => {
    const li = await h.signedIn("li.wei@example.com")
    const other = await openTerminal(h, browserHeaders(h, li), q(DAVID_NS, "db-1"))
    expect(other).toMatchObject({ ok: false, status: 404 })
    const platform = await openTerminal(h, browserHeaders(h, li), q("platform-tools", "tool-1"))
    expect(platform).toMatchObject({ ok: false, status: 404 })
    const anonymous = await openTerminal(h, { origin: h.url }, q(LI_NS, "web-1"))
    expect(anonymous).toMatchObject({ ok: false, status: 401 })
    const foreign = await openTerminal(h, browserHeaders(h, li, "https://evil.example"), q(LI_NS, "web-1"))
    expect(foreign).toMatchObject({ ok: false, status: 403 })
    const noContainer = await openTerminal(h, browserHeaders(h, li), q(LI_NS, "web-1", { container: "nope" }))
    expect(noContainer).toMatchObject({ ok: false, status: 404 })

    const admin = await h.signedIn()
    for (const [ns, pod] of [
      [DAVID_NS, "db-1"],
      ["platform-tools", "tool-1"]
    ] as const) {
      const opened = await openTerminal(h, browserHeaders(h, admin), q(ns, pod))
      if (!opened.ok) throw new Error(`admin refused: ${opened.status} ${opened.body}`)
      await opened.terminal.until(/# $/)
      opened.terminal.ws.close()
    }
  })

  it("closes the terminal when the viewer signs out, and when idle", async () => {
    const li = await h.signedIn("li.wei@example.com")
    const opened = await openTerminal(h, browserHeaders(h, li), q(LI_NS, "web-1"))
    if (!opened.ok) throw new Error("refused")
    await opened.terminal.message("ready")
    await li.trpc.identity.session.signOut.mutate()
    const signedOutAt = Date.now()
    expect(await opened.terminal.message("closed")).toMatchObject({ reason: "signedOut" })
    // Told by identity at once, not by the 30 s fallback check: well within 2 s even on a loaded machine.
    expect(Date.now() - signedOutAt).toBeLessThan(2_000)

    // A replica configured to close a terminal after 1 s without a keystroke.
    const impatient = await startReplica(h, { WHARF_TERMINAL_IDLE: "1" })
    try {
      const again = await impatient.signedIn("li.wei@example.com")
      const idle = await openTerminal(impatient, browserHeaders(impatient, again), q(LI_NS, "web-1"))
      if (!idle.ok) throw new Error(`refused: ${idle.status} ${idle.body}`)
      expect(await idle.terminal.message("ready")).toMatchObject({ idleSeconds: 1 })
      expect(await idle.terminal.message("closed")).toMatchObject({ reason: "idle" })
    } finally {
      await impatient.close()
    }
  }, 30_000)

  it("follows a container's log: a line written after the stream began arrives", async () => {
    const li = await h.signedIn("li.wei@example.com")
    const began = new Date().toISOString()
    const res = await fetch(
      `${h.url}/api/v1/observe/logs/stream?${new URLSearchParams(q(LI_NS, "web-1", { container: "app", tail: "5" }))}`,
      {
        headers: browserHeaders(h, li)
      }
    )
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/)
    // Beyond the 5 of the tail (the tail's last may itself be newer than `began`, and is sent at once).
    const events = await readEvents(res, (es) => {
      const lines = linesOf(es)
      return lines.length > 5 && lines.at(-1)!.t > began
    })
    expect(events[0]).toEqual({ event: "ready", data: { container: "app" } })
    const lines = linesOf(events)
    expect(lines.length).toBeGreaterThan(5)
    // The simulated app writes INFO lines and, now and then, a WARN: either is a log line.
    expect(lines.at(-1)!.text).toMatch(/(INFO|WARN) {2}\S/)

    const other = await fetch(
      `${h.url}/api/v1/observe/logs/stream?${new URLSearchParams(q(DAVID_NS, "db-1"))}`,
      {
        headers: browserHeaders(h, li)
      }
    )
    expect(other.status).toBe(404)
  })

  it("shows the previous run of a restarted container, and says when there is none", async () => {
    await runningPod(h, LI_NS, "crashy", [{ name: "app", image: "worker:crash" }])
    await waitFor(
      async () => {
        const p = await h.core.readNamespacedPod({ namespace: LI_NS, name: "crashy" })
        return p.status?.containerStatuses?.[0]?.lastState?.terminated
      },
      20_000,
      "a restart"
    )
    const li = await h.signedIn("li.wei@example.com")
    const download = await fetch(
      `${h.url}/api/v1/observe/logs/download?${new URLSearchParams(q(LI_NS, "crashy", { previous: "true" }))}`,
      { headers: browserHeaders(h, li) }
    )
    expect(download.status).toBe(200)
    expect(download.headers.get("content-disposition")).toMatch(/crashy-app-previous\.log/)
    const text = await download.text()
    expect(text).toMatch(/INFO {2}starting worker/)
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/ERROR panic: /)

    const stream = await fetch(
      `${h.url}/api/v1/observe/logs/stream?${new URLSearchParams(q(LI_NS, "crashy", { previous: "true" }))}`,
      {
        headers: browserHeaders(h, li)
      }
    )
    const events = await readEvents(stream, (es) => es.some((e) => e.event === "end"))
    expect(linesOf(events).at(-1)!.text).toMatch(/ERROR panic: /)

    const none = await li.rest<{ error: { message: string } }>(
      "GET",
      `/observe/logs/stream?${new URLSearchParams(q(LI_NS, "web-1", { container: "app", previous: "true" }))}`
    )
    expect(none.status).toBe(400)
    expect(none.body.error.message).toBe("Container app has not restarted: there is no previous run to show")
  })
})
