/**
 * @module Limits on the public form, so that it cannot relay mail to strangers: each guest
 * ticket mails its address, so filings are counted per client and per address, and an
 * address that has not yet opened a link mailed to it gets one such mail a day. Opening a
 * genuine link confirms the address. Counted under locks in the filing's transaction, so
 * parallel requests and tRPC batch items are counted one by one; a refused filing rolls back
 * and counts nothing.
 */
import { Db, RateLimited } from "@wharf/core"
import { Effect } from "effect"
import { helpdeskReasons } from "../shared/reasons"

/** Guest tickets one client may file in an hour, whatever the addresses. */
export const PER_CLIENT_PER_HOUR = 5
/** Guest tickets one confirmed address may be sent in an hour. */
export const PER_ADDRESS_PER_HOUR = 3
/** An unconfirmed address gets one mail in this many hours. */
const UNCONFIRMED_HOURS = 24

interface Counts {
  by_ip: string
  by_email_hour: string
  oldest_ip: Date | null
  oldest_email_hour: Date | null
  last_email: Date | null
  confirmed: boolean
}

const secondsUntil = (from: Date | null, hours: number) =>
  from ? Math.max(1, Math.ceil((from.getTime() + hours * 3_600_000 - Date.now()) / 1000)) : hours * 3600

const limited = (retryAfterSeconds: number, reason: ReturnType<typeof helpdeskReasons.because>) =>
  new RateLimited({ ...reason, retryAfterSeconds })

/**
 * Count a guest filing from `ip` to `email`, or fail `RateLimited` saying what to do.
 * Call it inside the filing's transaction.
 */
export const countGuestFiling = Effect.fn("Guests.countFiling")(function* (email: string, ip: string) {
  const db = yield* Db
  const address = email.trim().toLowerCase()
  // Always the address's lock first, then the client's: no two filings wait on each other in a circle.
  yield* db.query(
    (sql) => sql`select pg_advisory_xact_lock(hashtext(${`helpdesk.guest-address:${address}`}))`
  )
  yield* db.query((sql) => sql`select pg_advisory_xact_lock(hashtext(${`helpdesk.guest-client:${ip}`}))`)
  const [row] = yield* db.query(
    (sql) => sql<Counts[]>`
      select count(*) filter (where ip = ${ip} and at > now() - interval '1 hour') as by_ip,
             count(*) filter (where email = ${address} and at > now() - interval '1 hour') as by_email_hour,
             min(at) filter (where ip = ${ip} and at > now() - interval '1 hour') as oldest_ip,
             min(at) filter (where email = ${address} and at > now() - interval '1 hour') as oldest_email_hour,
             max(at) filter (where email = ${address}) as last_email,
             exists (select 1 from helpdesk.guest_addresses where email = ${address}) as confirmed
      from helpdesk.guest_filings
      where at > now() - make_interval(hours => ${UNCONFIRMED_HOURS}) and (email = ${address} or ip = ${ip})`
  )
  if (Number(row?.by_ip ?? 0) >= PER_CLIENT_PER_HOUR) {
    const wait = secondsUntil(row!.oldest_ip, 1)
    return yield* limited(
      wait,
      helpdeskReasons.because("helpdesk.tooManyGuestTickets", { minutes: Math.ceil(wait / 60) })
    )
  }
  if (!row?.confirmed && row?.last_email) {
    const wait = secondsUntil(row.last_email, UNCONFIRMED_HOURS)
    return yield* limited(
      wait,
      helpdeskReasons.because("helpdesk.confirmGuestAddress", {
        email: address,
        hours: Math.ceil(wait / 3600)
      })
    )
  }
  if (Number(row?.by_email_hour ?? 0) >= PER_ADDRESS_PER_HOUR) {
    const wait = secondsUntil(row!.oldest_email_hour, 1)
    return yield* limited(
      wait,
      helpdeskReasons.because("helpdesk.tooManyGuestTicketsForAddress", { minutes: Math.ceil(wait / 60) })
    )
  }
  yield* db.query(
    (sql) => sql`delete from helpdesk.guest_filings
      where (email = ${address} or ip = ${ip}) and at <= now() - make_interval(hours => ${UNCONFIRMED_HOURS})`
  )
  yield* db.query((sql) => sql`insert into helpdesk.guest_filings (email, ip) values (${address}, ${ip})`)
})

/** A genuine link to `email` was opened: its owner reads that mailbox. */
export const confirmGuestAddress = (email: string) =>
  Db.use((db) =>
    db.query(
      (sql) => sql`insert into helpdesk.guest_addresses (email) values (${email.trim().toLowerCase()})
        on conflict (email) do nothing`
    )
  )
