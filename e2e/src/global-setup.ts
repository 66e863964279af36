/**
 * @module Builds the browser suites' console (every run, so it shows the sources as they
 * are) and starts the Wharf servers they use, one per worker, with the contract-test and
 * example vendor plugins enabled beside the product's plugins; stops them afterwards.
 */
import type { TestProject } from "vitest/node"
import type {} from "./browser"
import { buildE2eConsole, startE2eServer } from "./server"

export default async function setup(project: TestProject) {
  await buildE2eConsole()
  const workers = Number(project.config.maxWorkers) || 1
  const started = await Promise.allSettled(Array.from({ length: workers }, () => startE2eServer()))
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))
  const failed = started.find((s) => s.status === "rejected")
  if (failed) {
    // Stop those that did start, or their ports and databases outlive the run.
    await Promise.all(servers.map((s) => s.stop()))
    throw failed.reason
  }
  project.provide(
    "servers",
    servers.map((s) => ({ baseUrl: s.url, smtpPort: s.smtpPort }))
  )
  return async () => {
    await Promise.all(servers.map((s) => s.stop()))
  }
}
