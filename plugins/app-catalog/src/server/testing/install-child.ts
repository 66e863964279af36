/**
 * @module A Wharf replica in a child process, for the suite that kills a server with SIGKILL
 * mid-install: it joins the database and data directory named in its environment (not
 * starting a cluster of its own), installs what INSTALL_BODY says with INSTALL_KEY as the
 * Idempotency-Key, prints `committed` once the install's transaction is in, and goes on
 * applying until it is killed.
 */
import { loadConfig } from "@wharf/core"
import { createWharf } from "@wharf/server"
import { TestClient } from "@wharf/server/testing"

const wharf = await createWharf({ config: loadConfig({}), jobs: false })
const client = new TestClient(wharf)
await client.signIn(process.env.INSTALL_EMAIL!, "wharf-demo-1")
const res = await client.request("POST", "/api/v1/apps", process.env.INSTALL_BODY!, {
  "idempotency-key": process.env.INSTALL_KEY!
})
process.stdout.write(`committed ${res.status}\n`)
