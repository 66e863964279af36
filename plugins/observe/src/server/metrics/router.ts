/** @module `observe.metrics.*` tRPC procedures: the range query the charts draw from. */
import { authedProcedure, input, router } from "@wharf/core"
import { MetricsRangeInput } from "../../shared/metrics"
import { metricsRange } from "./query"

export const metricsRouter = router({
  range: authedProcedure
    .input(input(MetricsRangeInput))
    .query(({ ctx, input }) => ctx.run(metricsRange(input)))
})
