/**
 * @module Password guesses, counted before the password is checked. Each guess takes a
 * lock on the account, counts what is in the window and records itself, all in one
 * transaction: forty parallel requests or a batch of two hundred still get exactly the
 * allowance. A right password takes its guess back.
 *
 * Limits: per account and client (5 in 15 minutes), per client over all accounts (20), and
 * per account over all clients (30) — the last one not for a client the account has a
 * session from, so strangers guessing cannot lock the owner out.
 */
import { Db, RateLimited } from "@wharf/core"
import { Effect } from "effect"
import { identityReasons } from "../shared/reasons"

const { because } = identityReasons

const WINDOW_MINUTES = 15
const PER_ACCOUNT_AND_CLIENT = 5
const PER_CLIENT = 20
const PER_ACCOUNT = 30

interface Counts {
  mine: string
  by_ip: string
  by_email: string
  known: boolean
  oldest_mine: Date | null
  oldest_ip: Date | null
  oldest_email: Date | null
}

const waitOf = (oldest: Date | null) =>
  oldest
    ? Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MINUTES * 60_000 - Date.now()) / 1000))
    : WINDOW_MINUTES * 60

/** Reserve one guess at `email`'s password from `ip`, or fail `RateLimited`. */
export const reserveGuess = Effect.fn("Guesses.reserve")(function* (email: string, ip: string) {
  const db = yield* Db
  const account = email.trim().toLowerCase()
  return yield* db.transaction(
    Effect.gen(function* () {
      // Always the account's lock first, then the client's: no two guesses wait on each other in a circle.
      yield* db.query((sql) => sql`select pg_advisory_xact_lock(hashtext(${`identity.guess:${account}`}))`)
      yield* db.query((sql) => sql`select pg_advisory_xact_lock(hashtext(${`identity.guess-ip:${ip}`}))`)
      const [row] = yield* db.query(
        (sql) => sql<Counts[]>`
          select count(*) filter (where lower(email) = ${account} and ip = ${ip}) as mine,
                 count(*) filter (where ip = ${ip}) as by_ip,
                 count(*) filter (where lower(email) = ${account}) as by_email,
                 min(at) filter (where lower(email) = ${account} and ip = ${ip}) as oldest_mine,
                 min(at) filter (where ip = ${ip}) as oldest_ip,
                 min(at) filter (where lower(email) = ${account}) as oldest_email,
                 exists (select 1 from identity.sessions s join identity.users u on u.id = s.user_id
                         where lower(u.email) = ${account} and s.ip = ${ip}) as known
          from identity.sign_in_failures
          where at > now() - make_interval(mins => ${WINDOW_MINUTES})
            and (lower(email) = ${account} or ip = ${ip})`
      )
      const over =
        Number(row?.mine ?? 0) >= PER_ACCOUNT_AND_CLIENT
          ? row!.oldest_mine
          : Number(row?.by_ip ?? 0) >= PER_CLIENT
            ? row!.oldest_ip
            : !row?.known && Number(row?.by_email ?? 0) >= PER_ACCOUNT
              ? row!.oldest_email
              : undefined
      if (over !== undefined) {
        const retryAfterSeconds = waitOf(over)
        return yield* new RateLimited({
          ...because("identity.tooManySignIns", { minutes: Math.ceil(retryAfterSeconds / 60) }),
          retryAfterSeconds
        })
      }
      const [guess] = yield* db.query(
        (sql) => sql<{ id: string }[]>`
          insert into identity.sign_in_failures (email, ip) values (${account}, ${ip}) returning id`
      )
      return guess!.id
    })
  )
})

/** The guess was right: it does not count, and neither do this client's earlier ones. */
export const guessWasRight = Effect.fn("Guesses.right")(function* (email: string, ip: string, id: string) {
  const db = yield* Db
  const account = email.trim().toLowerCase()
  yield* db.query(
    (sql) => sql`delete from identity.sign_in_failures
      where id = ${id} or (lower(email) = ${account} and ip = ${ip})`
  )
})
