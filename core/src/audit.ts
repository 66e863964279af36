/**
 * @module The audit log: who did what, when, in which tenant. tRPC mutations and REST
 * changes are recorded at the edge, each in the change's own transaction (`Audit.change`);
 * services add entries for what they do on their own (jobs, sign-in failures).
 */
import { Context, Effect, Layer } from "effect"
import { type CommitCompanion, CurrentCompanion, Db, type DbError } from "./db/Db"
import type { Viewer } from "./viewer"
import { CurrentViewer } from "./viewer"

export interface AuditEntry {
  readonly action: string
  readonly target?: string
  readonly tenant?: string
  readonly detail?: unknown
  readonly ip?: string
  /** The HTTP request that made the change (edge entries). */
  readonly requestId?: string
  /** Defaults to the current request's viewer. */
  readonly actor?: Pick<Viewer, "id" | "email"> | null
}

export interface AuditRecord {
  readonly id: string
  readonly at: string
  readonly actorEmail: string | null
  readonly action: string
  readonly target: string | null
  readonly tenant: string | null
  readonly detail: unknown
}

/**
 * One change made at the edge (a tRPC mutation, a REST change). Its row is written by the
 * first transaction the change commits, inside it, so the two succeed or fail together;
 * `end(true)` writes it for a change that committed no transaction of its own (a call to a
 * cluster, a statement outside a transaction); `end(false)` drops it, and after `end` no
 * later transaction (a fiber the change left running) writes it.
 */
export interface AuditedChange {
  readonly within: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  readonly end: (succeeded: boolean) => Effect.Effect<void, DbError>
}

export class Audit extends Context.Service<
  Audit,
  {
    readonly record: (entry: AuditEntry) => Effect.Effect<void, DbError>
    /** `entry` is read when the row is written; null: nothing to record (e.g. no route answered). */
    readonly change: (entry: () => AuditEntry | null) => AuditedChange
    readonly recent: (options: {
      limit: number
      offset: number
      action?: string
    }) => Effect.Effect<{ items: ReadonlyArray<AuditRecord>; total: number }, DbError>
  }
>()("wharf/Audit") {
  static readonly layer = Layer.effect(
    Audit,
    Effect.gen(function* () {
      const db = yield* Db
      const record = Effect.fn("Audit.record")(function* (entry: AuditEntry) {
        const actor = entry.actor === undefined ? yield* CurrentViewer : entry.actor
        yield* db.query(
          (
            sql
          ) => sql`insert into wharf.audit_log (actor_id, actor_email, action, target, tenant, detail, ip, request_id)
            values (${actor?.id ?? null}, ${actor?.email ?? null}, ${entry.action}, ${entry.target ?? null},
              ${entry.tenant ?? null}, ${entry.detail === undefined ? null : sql.json(entry.detail as never)}, ${entry.ip ?? null},
              ${entry.requestId ?? null})`
        )
      })
      const recent = Effect.fn("Audit.recent")(function* (options: {
        limit: number
        offset: number
        action?: string
      }) {
        const action = options.action ? `${options.action}%` : "%"
        const rows = yield* db.query(
          (sql) => sql<
            {
              id: string
              at: Date
              actor_email: string | null
              action: string
              target: string | null
              tenant: string | null
              detail: unknown
              total: string
            }[]
          >`
            select id::text, at, actor_email, action, target, tenant, detail, count(*) over () as total
            from wharf.audit_log where action like ${action}
            order by at desc, id desc limit ${options.limit} offset ${options.offset}`
        )
        return {
          total: Number(rows[0]?.total ?? 0),
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorEmail: r.actor_email,
            action: r.action,
            target: r.target,
            tenant: r.tenant,
            detail: r.detail
          }))
        }
      })
      const change = (entry: () => AuditEntry | null): AuditedChange => {
        const write = Effect.suspend(() => {
          const e = entry()
          return e ? record(e) : Effect.void
        })
        const companion: CommitCompanion = { pending: true, write }
        return {
          within: (effect) => Effect.provideService(effect, CurrentCompanion, companion),
          end: (succeeded) =>
            Effect.suspend(() => {
              const unwritten = companion.pending
              companion.pending = false
              return succeeded && unwritten ? write : Effect.void
            })
        }
      }
      return Audit.of({ record, change, recent })
    })
  )
}
