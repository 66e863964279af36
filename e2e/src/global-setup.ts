/**
 * @module Starts the Wharf server the browser suites use, with the contract-test plugin
 * enabled beside the product's plugins, and stops it afterwards.
 */
import type { TestProject } from "vitest/node"
import { startE2eServer } from "./server"

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string
    /** Where the server takes replies to its mails. */
    smtpPort: number
  }
}

export default async function setup(project: TestProject) {
  const server = await startE2eServer()
  project.provide("baseUrl", server.url)
  project.provide("smtpPort", server.smtpPort)
  return () => server.stop()
}
