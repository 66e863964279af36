/**
 * @module Who is on the other end of a request: the one place the server decides a
 * client's address. The socket's address counts; `X-Forwarded-For` is believed only as far
 * back as the hops are proxies named in `WHARF_TRUSTED_PROXIES`, because any client can
 * write that header (rotating it would escape every per-address limit).
 */
import { BlockList, isIP } from "node:net"

/** What answers when no socket is known (an in-process request). */
export const UNKNOWN_CLIENT = "unknown"

const plain = (address: string) => {
  const a = address.trim()
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
  return a.startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a
}

/** A parsed `WHARF_TRUSTED_PROXIES`: addresses and CIDR ranges, comma-separated. */
export const trustedProxies = (entries: ReadonlyArray<string>): BlockList => {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = "", bits] = entry.trim().split("/")
    const family = isIP(address)
    if (family === 0) throw new Error(`WHARF_TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`)
    const type = family === 4 ? "ipv4" : "ipv6"
    if (bits === undefined) list.addAddress(address, type)
    else {
      const prefix = Number(bits)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
        throw new Error(`WHARF_TRUSTED_PROXIES: "${entry}" has an impossible prefix length`)
      list.addSubnet(address, prefix, type)
    }
  }
  return list
}

const trusted = (proxies: BlockList, address: string) => {
  const family = isIP(address)
  return family !== 0 && proxies.check(address, family === 4 ? "ipv4" : "ipv6")
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the
 * right-most `X-Forwarded-For` hop that is not itself a trusted proxy.
 */
export const clientAddress = (input: {
  socketAddress: string | undefined
  forwardedFor: string | undefined
  proxies: BlockList
}): string => {
  if (!input.socketAddress) return UNKNOWN_CLIENT
  let address = plain(input.socketAddress)
  const hops = (input.forwardedFor ?? "").split(",").map(plain).filter(Boolean)
  while (trusted(input.proxies, address) && hops.length > 0) {
    const next = hops.pop()!
    // A hop that is not an address was written by the client: stop believing here.
    if (isIP(next) === 0) break
    address = next
  }
  return address
}
