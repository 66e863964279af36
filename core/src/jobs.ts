/**
 * @module Scheduled jobs. Every replica runs the same schedule; for each slot (a cron
 * fire time, or a multiple of the interval) the first replica to record the run does it,
 * under an advisory lock, and the others skip. Each run is recorded with its outcome.
 */
import { randomUUID } from "node:crypto"
import { Cause, Context, Cron, Duration, Effect, Exit, Fiber, Layer, Result } from "effect"
import { positiveSetting, WharfConfig } from "./config"
import { Db } from "./db/Db"
import type { JobDefinition, JobSchedule } from "./plugin"

export interface JobRun {
  readonly jobId: string
  readonly slot: string
  readonly instance: string
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly outcome: "running" | "succeeded" | "failed"
  readonly error: string | null
}

/** The next slot strictly after `now` for a schedule. */
export const nextSlot = (schedule: JobSchedule, now: Date): Date => {
  if ("cron" in schedule) {
    const parsed = Cron.parse(schedule.cron, schedule.timeZone ?? "Asia/Shanghai")
    if (Result.isFailure(parsed))
      throw new Error(`Invalid cron expression "${schedule.cron}": ${parsed.failure.message}`)
    return Cron.next(parsed.success, now)
  }
  const every = Duration.toMillis(Duration.fromInputUnsafe(schedule.every))
  return new Date((Math.floor(now.getTime() / every) + 1) * every)
}

/** The schedule a job runs on under `env`: its `everySetting`, when set, in place of `every`. */
export const scheduleIn = (
  schedule: JobSchedule,
  env: Readonly<Record<string, string | undefined>>
): JobSchedule => {
  if (!("every" in schedule) || !schedule.everySetting || !env[schedule.everySetting]) return schedule
  const ms = Math.round(positiveSetting(env, schedule.everySetting, 1) * 1000)
  if (ms < 1)
    throw new Error(
      `${schedule.everySetting} must be at least 0.001 seconds, got "${env[schedule.everySetting]}"`
    )
  return { every: Duration.millis(ms) }
}

export class Jobs extends Context.Service<
  Jobs,
  {
    /** This process's id in `job_runs.instance`. */
    readonly instance: string
    /** Start every job's schedule; stops when the surrounding scope closes. */
    readonly start: (jobs: ReadonlyArray<JobDefinition>) => Effect.Effect<void, never, any>
    /** Run one slot of a job now, unless another replica has; returns whether this one ran it. */
    readonly runSlot: (job: JobDefinition, slot: Date) => Effect.Effect<boolean, unknown, any>
    readonly runs: (jobId: string, limit?: number) => Effect.Effect<ReadonlyArray<JobRun>, unknown>
  }
>()("wharf/Jobs") {
  static readonly layer = Layer.effect(
    Jobs,
    Effect.gen(function* () {
      const db = yield* Db
      const instance = randomUUID()

      const claim = (job: JobDefinition, slot: Date) =>
        db.transaction(
          db.query(async (sql) => {
            const [lock] = await sql<
              { ok: boolean }[]
            >`select pg_try_advisory_xact_lock(hashtext(${job.id})) as ok`
            if (!lock?.ok) return null
            const [row] = await sql<{ id: string }[]>`
              insert into wharf.job_runs (job_id, slot, instance) values (${job.id}, ${slot}, ${instance})
              on conflict (job_id, slot) do nothing returning id::text`
            return row?.id ?? null
          })
        )

      const runSlot = Effect.fn("Jobs.runSlot")(function* (job: JobDefinition, slot: Date) {
        const runId = yield* claim(job, slot)
        if (!runId) return false
        const exit = yield* Effect.exit(job.run)
        const error = Exit.isFailure(exit) ? Cause.pretty(exit.cause).slice(0, 4000) : null
        yield* db.query(
          (
            sql
          ) => sql`update wharf.job_runs set finished_at = now(), outcome = ${error ? "failed" : "succeeded"},
            error = ${error} where id = ${runId}`
        )
        if (error) yield* Effect.logError(`job ${job.id} failed`, error)
        return true
      })

      const loop = (job: JobDefinition) =>
        Effect.gen(function* () {
          while (true) {
            const slot = nextSlot(job.schedule, new Date())
            yield* Effect.sleep(Duration.millis(Math.max(0, slot.getTime() - Date.now())))
            // A failing run is recorded; it must not stop the schedule.
            yield* runSlot(job, slot).pipe(
              Effect.catchCause((c) => Effect.logError(`job ${job.id}`, Cause.pretty(c)))
            )
          }
        })

      const start = (defined: ReadonlyArray<JobDefinition>) =>
        Effect.gen(function* () {
          const { env } = yield* WharfConfig
          const jobs = defined.map((job) => ({ ...job, schedule: scheduleIn(job.schedule, env) }))
          for (const job of jobs) nextSlot(job.schedule, new Date()) // fail fast on a bad schedule
          const fibers = yield* Effect.forEach(jobs, (job) => Effect.forkDetach(loop(job)))
          yield* Effect.addFinalizer(() => Effect.forEach(fibers, Fiber.interrupt, { discard: true }))
        })

      const runs = (jobId: string, limit = 20) =>
        db
          .query(
            (sql) => sql<
              {
                job_id: string
                slot: Date
                instance: string
                started_at: Date
                finished_at: Date | null
                outcome: JobRun["outcome"]
                error: string | null
              }[]
            >`
            select job_id, slot, instance, started_at, finished_at, outcome, error from wharf.job_runs
            where job_id = ${jobId} order by slot desc limit ${limit}`
          )
          .pipe(
            Effect.map((rows) =>
              rows.map((r) => ({
                jobId: r.job_id,
                slot: r.slot.toISOString(),
                instance: r.instance,
                startedAt: r.started_at.toISOString(),
                finishedAt: r.finished_at?.toISOString() ?? null,
                outcome: r.outcome,
                error: r.error
              }))
            )
          )

      return Jobs.of({ instance, start, runSlot, runs })
    })
  )
}
