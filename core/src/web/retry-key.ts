/**
 * @module One idempotency key per create the console sends: sending the same request again
 * (a retry after a lost answer) reuses its key, so the server answers with the first result;
 * a changed request, or any request after a success, gets a new key.
 */

/** 128 random bits as hex (`crypto.randomUUID` needs a secure context; this does not). */
const newKey = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("")

export const retryKey = () => {
  let sent = { request: "", key: "" }
  return {
    /** The key to send with `request`. */
    for(request: unknown): string {
      const json = JSON.stringify(request)
      if (json !== sent.request || sent.key === "") sent = { request: json, key: newKey() }
      return sent.key
    },
    /** The create went through: the same request sent again is a new one. */
    done() {
      sent = { request: "", key: "" }
    }
  }
}
