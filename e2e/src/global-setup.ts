/**
 * @module Builds the browser suites' console (every run, so it shows the sources as they
 * are) and starts the Wharf server they use, with the contract-test and example vendor
 * plugins enabled beside the product's plugins; stops it afterwards.
 */
import type { TestProject } from "vitest/node"
import type {} from "./browser"
import { buildE2eConsole, startE2eServer } from "./server"

export default async function setup(project: TestProject) {
  await buildE2eConsole()
  const server = await startE2eServer()
  project.provide("baseUrl", server.url)
  project.provide("smtpPort", server.smtpPort)
  return () => server.stop()
}
