/** @module Observe's REST routes under /api/v1/observe: a pod's containers, and a container's logs followed or downloaded. */
import type { RestRoutes } from "@wharf/core"
import { LogsQuery, PodQuery } from "../shared"
import { downloadLogs, followLogs } from "./logs"
import { podInfo } from "./pods"

/** Adds the logs routes to the plugin's routes (index.ts composes each part's). */
export const addLiveRoutes = (r: RestRoutes) =>
  r
    .get(
      "/observe/pod",
      {
        summary: "A pod's containers (state, restarts, whether a previous run's log exists)",
        access: "user",
        query: PodQuery
      },
      ({ query }) => podInfo(query)
    )
    .get(
      "/observe/logs/stream",
      {
        summary:
          "Server-Sent Events following a container's log: `ready`, `lines` ({lines: [{t, text}]}), `dropped` ({count}) and `end`",
        access: "user",
        query: LogsQuery
      },
      ({ query, c }) => followLogs(query, c.req.raw.signal)
    )
    .get(
      "/observe/logs/download",
      { summary: "A container's log as a text file (up to 20 MiB)", access: "user", query: LogsQuery },
      ({ query }) => downloadLogs(query)
    )
